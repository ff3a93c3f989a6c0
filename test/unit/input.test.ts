import { describe, expect, it } from "vitest";
import { InvalidRequestError, Mix } from "../../src/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

function client() {
  const fake = fakeFetch(json(200, { data: sampleSession }));
  return { mix: new Mix({ serverURL: "http://api.test", fetch: fake.fetch }), fake };
}

async function refusal(call: (mix: Mix) => Promise<unknown>): Promise<InvalidRequestError> {
  const { mix, fake } = client();
  const error = await call(mix).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect(fake.requests).toHaveLength(0);
  return error as InvalidRequestError;
}

// Calls with deliberately wrong types go through this door, as untyped JavaScript would.
const loose = (mix: Mix) => mix.sessions as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

describe("ids", () => {
  it.each([
    ["missing", {}],
    ["empty", { id: "" }],
    ["a number", { id: 42 }],
    ["null", { id: null }],
    ["a single dot", { id: "." }],
    ["two dots", { id: ".." }],
  ])("refuses an id that is %s and sends nothing", async (_, params) => {
    for (const method of ["get", "delete", "cancelProcessing"]) {
      const error = await refusal((mix) => loose(mix)[method]?.(params) ?? Promise.resolve());
      expect(error.field).toBe("id");
    }
    expect((await refusal((mix) => loose(mix).fork?.({ ...params, messageIndex: 1 }) ?? Promise.resolve())).field).toBe(
      "id",
    );
  });

  it("refuses a call with no params at all", async () => {
    expect((await refusal((mix) => loose(mix).get?.() ?? Promise.resolve())).field).toBe("id");
  });

  it("refuses null or a non-object as params, naming params", async () => {
    for (const params of [null, "s1", 7]) {
      expect((await refusal((mix) => loose(mix).get?.(params) ?? Promise.resolve())).field).toBe("params");
    }
  });

  it.each([
    ["a/b", "/api/sessions/a%2Fb"],
    ["../admin", "/api/sessions/..%2Fadmin"],
    ["a?b=c", "/api/sessions/a%3Fb%3Dc"],
    ["a#b", "/api/sessions/a%23b"],
    ["100%", "/api/sessions/100%25"],
    ["...", "/api/sessions/..."],
    ["sé ssion", "/api/sessions/s%C3%A9%20ssion"],
  ])("encodes the id %j as one path segment", async (id, path) => {
    const { mix, fake } = client();
    await mix.sessions.get({ id });
    expect(new URL(fake.requests[0]?.url ?? "").pathname).toBe(path);
  });
});

describe("request bodies", () => {
  it("sends {} with a JSON content type when create gets no argument", async () => {
    const { mix, fake } = client();
    await mix.sessions.create();
    expect(fake.bodies[0]).toBe("{}");
    expect(fake.requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(fake.requests[0]?.method).toBe("POST");
  });

  it("sends fork's fields in the body and its id in the path only", async () => {
    const { mix, fake } = client();
    await mix.sessions.fork({ id: "s1", messageIndex: 3, title: "again" });
    expect(JSON.parse(fake.bodies[0] ?? "")).toEqual({ messageIndex: 3, title: "again" });
    expect(fake.requests[0]?.url).toBe("http://api.test/api/sessions/s1/fork");
  });

  it("leaves out fields given as undefined", async () => {
    const { mix, fake } = client();
    await mix.sessions.create({ title: "t", workingDirectory: undefined });
    expect(fake.bodies[0]).toBe('{"title":"t"}');
  });

  it.each([
    ["zero", 0],
    ["negative", -2],
    ["fractional", 1.5],
    ["a string", "2"],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["null", null],
  ])("refuses a messageIndex that is %s", async (_, messageIndex) => {
    const error = await refusal((mix) => loose(mix).fork?.({ id: "s1", messageIndex }) ?? Promise.resolve());
    expect(error.field).toBe("messageIndex");
  });

  it("requires messageIndex", async () => {
    const error = await refusal((mix) => loose(mix).fork?.({ id: "s1" }) ?? Promise.resolve());
    expect(error.field).toBe("messageIndex");
    expect(error.message).toBe("Invalid request: messageIndex is required");
  });

  it.each([
    ["create", { title: 5 }, "title"],
    ["create", { title: null }, "title"],
    ["create", { workingDirectory: ["/tmp"] }, "workingDirectory"],
    ["fork", { id: "s1", messageIndex: 1, title: false }, "title"],
  ])("refuses a field of the wrong type (%s %j)", async (method, params, field) => {
    expect((await refusal((mix) => loose(mix)[method]?.(params) ?? Promise.resolve())).field).toBe(field);
  });

  it.each([
    ["create", { title: "t", name: "x" }, "name"],
    ["create", { Title: "t" }, "Title"],
    ["fork", { id: "s1", messageIndex: 1, sessionId: "s2" }, "sessionId"],
    ["get", { id: "s1", verbose: true }, "verbose"],
    ["cancelProcessing", { id: "s1", force: true }, "force"],
  ])("refuses a field the spec does not have (%s %j)", async (method, params, field) => {
    const error = await refusal((mix) => loose(mix)[method]?.(params) ?? Promise.resolve());
    expect(error.field).toBe(field);
  });

  it("refuses a field named like an Object property, naming it", async () => {
    const error = await refusal((mix) => loose(mix).create?.({ title: "t", constructor: "x" }) ?? Promise.resolve());
    expect(error.message).toBe("Invalid request: constructor is not a parameter of create");
  });

  it.each([["a string"], [["s1"]], [new Map([["id", "s1"]])]])(
    "refuses params that are not a plain object: %j",
    async (params) => {
      expect((await refusal((mix) => loose(mix).get?.(params) ?? Promise.resolve())).field).toBe("params");
    },
  );
});

describe("options", () => {
  it("refuses retries: null on create rather than treating it as an opt-in", async () => {
    const error = await refusal((mix) => mix.sessions.create({}, { retries: null as never }));
    expect(error.field).toBe("retries.strategy");
  });

  it("never puts a header's value in the error, which may be a secret", async () => {
    const error = await refusal((mix) => mix.sessions.list({ headers: { authorization: "Bearer TOPSECRET\u0000" } }));
    expect(error.field).toBe('headers["authorization"]');
    expect(error.message).not.toContain("TOPSECRET");
  });

  it.each([
    [{ timeoutMs: -1 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ serverURL: "not a url" }, "serverURL"],
    [{ serverURL: "ftp://files.test" }, "serverURL"],
    [{ headers: { "bad header": "x" } }, 'headers["bad header"]'],
    [{ headers: { "x-ok": "line\nbreak" } }, 'headers["x-ok"]'],
    [{ headers: "x-ok: 1" }, "headers"],
    [{ signal: {} }, "signal"],
    [{ signal: null }, "signal"],
    [{ retries: { strategy: "backoff", backoff: { maxInterval: -5 } } }, "retries.backoff.maxInterval"],
  ])("refuses the call option %j before sending", async (options, field) => {
    const error = await refusal((mix) => mix.sessions.list(options as never));
    expect(error.field).toBe(field);
  });

  it.each([
    [{ serverURL: "localhost:8088" }, "serverURL"],
    [{ serverURL: "http://user:secret@api.test" }, "serverURL"],
    [{ timeoutMs: "fast" }, "timeoutMs"],
    [{ retryConfig: { strategy: "backoff", statusCodes: ["often"] } }, "retryConfig.statusCodes"],
    [{ headers: { "x:y": "1" } }, 'headers["x:y"]'],
    [{ serverURL: "http://api.test?debug=1" }, "serverURL"],
    [{ serverURL: "http://api.test#top" }, "serverURL"],
    [{ debugLogger: {} }, "debugLogger"],
    [{ fetch: "fetch" }, "fetch"],
  ])("refuses the client option %j when the client is made", (options, field) => {
    expect(() => new Mix(options as never)).toThrow(expect.objectContaining({ name: "InvalidRequestError", field }));
  });
});
