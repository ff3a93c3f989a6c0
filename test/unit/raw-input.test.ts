import { describe, expect, it } from "vitest";
import { InvalidRequestError, Mix, ResponseValidationError } from "../../src/index.ts";
import { createRawClient } from "../../src/raw/index.ts";
import { fakeFetch, json, text } from "../helpers/fake-fetch.ts";

/** A raw client over a fake fetch that would answer anything with 200. */
function rawClient() {
  const fake = fakeFetch(json(200, { data: {} }));
  return { fake, raw: createRawClient(new Mix({ serverURL: "http://api.test", fetch: fake.fetch })) };
}

/** What a call rejected with, or "resolved". */
const settled = (call: Promise<unknown>) =>
  call.then(
    () => "resolved" as const,
    (error: unknown) => error,
  );

describe("the raw client's input rules, as mix.sessions has them", () => {
  it.each([
    ["two dots", ".."],
    ["a single dot", "."],
    ["empty", ""],
    ["a number", 7],
    ["missing", undefined],
  ])("refuses an id that is %s on every operation with an id, sending nothing", async (_, id) => {
    const { fake, raw } = rawClient();
    const params = { params: { path: { id } } } as never;
    const calls = [
      raw.GET("/api/sessions/{id}", params),
      raw.DELETE("/api/sessions/{id}", params),
      raw.POST("/api/sessions/{id}/fork", { ...(params as object), body: { messageIndex: 1 } } as never),
      raw.POST("/api/sessions/{id}/cancel", params),
      raw.request("get", "/api/sessions/{id}", params),
    ];
    for (const error of await Promise.all(calls.map(settled))) {
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe("id");
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a call with no params, or params without path, on a path with an id", async () => {
    const { fake, raw } = rawClient();
    const get = raw.GET as (path: string, init?: unknown) => Promise<unknown>;
    for (const init of [undefined, {}, { params: {} }]) {
      const error = await settled(get("/api/sessions/{id}", init));
      expect(error, JSON.stringify(init)).toMatchObject({ name: "InvalidRequestError", field: "id" });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("sends an id that only looks like a path as one percent-encoded segment", async () => {
    const { fake, raw } = rawClient();
    await raw.DELETE("/api/sessions/{id}", { params: { path: { id: "../admin" } } });
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE http://api.test/api/sessions/..%2Fadmin",
    ]);
  });

  it("refuses a signal that is not an AbortSignal, naming it, before openapi-fetch builds the request", async () => {
    const { fake, raw } = rawClient();
    const error = await settled(raw.GET("/api/sessions", { signal: {} as AbortSignal }));
    expect(error).toMatchObject({ name: "InvalidRequestError", field: "signal" });
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses anything but a Mix client, naming the argument", () => {
    for (const notMix of [undefined, {}, { sessions: {} }]) {
      expect(() => createRawClient(notMix as Mix)).toThrow(InvalidRequestError);
    }
    expect(() => createRawClient({} as Mix)).toThrow("Invalid request: mix must be a Mix client (new Mix(...))");
  });

  it("runs openapi-fetch's middleware on the request it sends", async () => {
    const { fake, raw } = rawClient();
    raw.use({ onRequest: ({ request }) => new Request(request, { headers: { "x-trace": "t-1" } }) });
    await raw.GET("/api/sessions");
    expect(fake.requests[0]?.headers.get("x-trace")).toBe("t-1");
  });
});

describe("a 2xx body that is not JSON, through the raw client", () => {
  const page = () => text(200, "<html>maintenance</html>", "text/html");

  it("rejects with the ResponseValidationError mix.sessions throws, keeping the body", async () => {
    const mix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(page()).fetch });
    const error = await settled(createRawClient(mix).GET("/api/sessions"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ statusCode: 200, body: "<html>maintenance</html>" });
    expect((error as Error).message).toBe("GET /api/sessions answered 200 with a body that is not JSON");
    await expect(mix.sessions.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("returns a 204 and the answer to a HEAD, which openapi-fetch does not parse", async () => {
    const replies = [new Response(null, { status: 204 }), new Response(null, { status: 200 })];
    const mix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(...replies).fetch });
    const raw = createRawClient(mix);
    await expect(raw.DELETE("/api/sessions/{id}", { params: { path: { id: "s1" } } })).resolves.toMatchObject({
      data: undefined,
      response: { status: 204 },
    });
    await expect(raw.HEAD("/api/sessions" as never)).resolves.toMatchObject({ response: { status: 200 } });
  });

  it("returns it when the call asks for text, and returns an empty 2xx as openapi-fetch does", async () => {
    const mix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(page(), text(200, "")).fetch });
    const raw = createRawClient(mix);
    const { data } = await raw.GET("/api/sessions", { parseAs: "text" });
    expect(data).toBe("<html>maintenance</html>");
    const empty = new Response(null, { status: 200, headers: { "content-length": "0" } });
    const emptyMix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(empty).fetch });
    await expect(createRawClient(emptyMix).GET("/api/sessions")).resolves.toMatchObject({ data: undefined });
  });
});
