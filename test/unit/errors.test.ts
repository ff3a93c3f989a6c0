import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  HTTPClientError,
  InvalidRequestError,
  Mix,
  MixDefaultError,
  MixError,
  RESTResponseError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
} from "../../src/index.ts";
import { dropped, fakeFetch, json, text } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const noRetries = { strategy: "none" } as const;

function client(...replies: Parameters<typeof fakeFetch>) {
  const fake = fakeFetch(...replies);
  return { mix: new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: noRetries }), fake };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("error responses", () => {
  it("maps a documented status with an envelope to RESTResponseError carrying the envelope", async () => {
    const envelope = { error: { code: 404, message: "Session with ID 'x' not found", type: "not_found" } };
    const { mix } = client(json(404, envelope, { "x-request-id": "r1" }));
    const error = await failure(mix.sessions.get({ id: "x" }));
    expect(error).toBeInstanceOf(RESTResponseError);
    expect(error).toBeInstanceOf(MixError);
    const e = error as RESTResponseError;
    expect(e.message).toBe("Session with ID 'x' not found");
    expect(e.statusCode).toBe(404);
    expect(e.data).toEqual(envelope);
    expect(e.body).toBe(JSON.stringify(envelope));
    expect(e.contentType).toBe("application/json");
    expect(e.headers.get("x-request-id")).toBe("r1");
    expect(e.rawResponse.status).toBe(404);
    // Left out, not set to undefined: "retryAfterMs" in error says whether the server asked for a wait.
    expect("retryAfterMs" in e).toBe(false);
  });

  it("takes the message from the envelope's message, then from the body", async () => {
    const { mix } = client(json(400, { message: "title is required" }), json(400, { error: "odd" }));
    expect((await failure(mix.sessions.create({}))).message).toBe("title is required");
    expect((await failure(mix.sessions.create({}))).message).toBe('{"error":"odd"}');
  });

  it("accepts an unknown error type from a newer server", async () => {
    const envelope = { error: { code: 400, message: "quota", type: "quota_exceeded" } };
    const { mix } = client(json(400, envelope));
    const error = (await failure(mix.sessions.create())) as RESTResponseError;
    expect(error).toBeInstanceOf(RESTResponseError);
    expect(error.data.error?.type).toBe("quota_exceeded");
  });

  it("maps a documented status whose body is not an envelope to MixDefaultError", async () => {
    const { mix } = client(text(404, "<html>Not Found</html>", "text/html"), json(404, ["not", "an", "object"]));
    const html = await failure(mix.sessions.get({ id: "x" }));
    expect(html).toBeInstanceOf(MixDefaultError);
    expect(html.message).toBe("API error occurred: Status 404 Content-Type text/html. Body: <html>Not Found</html>");
    expect(await failure(mix.sessions.get({ id: "x" }))).toBeInstanceOf(MixDefaultError);
  });

  it("maps a status the operation does not document to MixDefaultError, even with an envelope", async () => {
    const envelope = {
      error: { code: 500, message: "Internal error during delete: no such session", type: "internal_error" },
    };
    const { mix } = client(json(500, envelope), text(405, "Method Not Allowed", "text/plain"), json(400, envelope));
    const deleted = (await failure(mix.sessions.delete({ id: "gone" }))) as MixDefaultError;
    expect(deleted).toBeInstanceOf(MixDefaultError);
    expect(deleted.statusCode).toBe(500);
    expect(deleted.message).toContain("Status 500 Content-Type application/json. Body: {");
    expect(await failure(mix.sessions.get({ id: "x" }))).toBeInstanceOf(MixDefaultError);
    // 400 is documented for create and fork, not for get.
    expect(await failure(mix.sessions.get({ id: "x" }))).toBeInstanceOf(MixDefaultError);
  });

  it("cuts the body at 10,000 characters in the message but keeps all of it in body", async () => {
    const long = "x".repeat(25_000);
    const { mix } = client(text(502, long));
    const error = (await failure(mix.sessions.list())) as MixDefaultError;
    expect(error.message).toBe(`API error occurred: Status 502 Content-Type . Body: ${"x".repeat(10_000)}`);
    expect(error.body).toHaveLength(25_000);
    expect(error.contentType).toBe("");
  });

  it("sets retryAfterMs when the server sent Retry-After", async () => {
    const { mix } = client(
      json(429, { error: { code: 429, message: "slow down", type: "rate" } }, { "retry-after": "7" }),
    );
    const error = (await failure(mix.sessions.get({ id: "x" }))) as MixError;
    expect(error.retryAfterMs).toBe(7000);
  });
});

describe("responses that break their promise", () => {
  it.each([
    ["a body that is not JSON", text(200, "<html>ok</html>", "text/html")],
    ["a JSON array instead of an envelope", json(200, [sampleSession])],
    ["data of the wrong kind", json(200, { data: [sampleSession] })],
    ["a string as data", json(200, { data: "session" })],
    ["no data at all", json(200, {})],
    ["truncated JSON", text(200, '{"data":{"id":"7f3c', "application/json")],
  ])("rejects %s with ResponseValidationError carrying the raw body", async (_, response) => {
    const { mix } = client(response);
    const error = (await failure(mix.sessions.get({ id: "x" }))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(MixError);
    expect(error.statusCode).toBe(200);
    expect(error.body).toBe(await response.clone().text());
  });

  it("rejects a list whose data is an object", async () => {
    const { mix } = client(json(200, { data: sampleSession }));
    expect(await failure(mix.sessions.list())).toBeInstanceOf(ResponseValidationError);
  });
});

describe("transport errors", () => {
  it("wraps a failed fetch in ConnectionError with the cause kept", async () => {
    const cause = dropped();
    const { mix } = client(cause);
    const error = await failure(mix.sessions.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(HTTPClientError);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("GET http://api.test/api/sessions failed: fetch failed");
  });
});

describe("error classes", () => {
  const response = new Response("{}", { status: 500 });
  it.each([
    [new MixError("m", response, "{}"), "MixError", [MixError]],
    [new RESTResponseError("m", response, "{}", {}), "RESTResponseError", [MixError]],
    [new MixDefaultError("m", response, "{}"), "MixDefaultError", [MixError]],
    [new ResponseValidationError("m", response, "{}"), "ResponseValidationError", [MixError]],
    [new HTTPClientError("m"), "HTTPClientError", [HTTPClientError]],
    [new ConnectionError("m"), "ConnectionError", [HTTPClientError]],
    [new RequestTimeoutError("m"), "RequestTimeoutError", [HTTPClientError]],
    [new RequestAbortedError("m"), "RequestAbortedError", [HTTPClientError]],
    [new InvalidRequestError("id", "is required"), "InvalidRequestError", [HTTPClientError]],
  ])("%s has its own name and the right ancestors", (error, name, ancestors) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
    for (const ancestor of ancestors) expect(error).toBeInstanceOf(ancestor);
    const other = ancestors[0] === MixError ? HTTPClientError : MixError;
    expect(error).not.toBeInstanceOf(other);
  });
});
