import { describe, expect, it } from "vitest";
import { InvalidRequestError, Mix, type MixOptions, type RequestOptions } from "../../src/index.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";

const fake = fakeFetch(json(200, { data: [] }));
const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });

/** The InvalidRequestError a call or a constructor throws, as "field: message". */
async function refusal(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InvalidRequestError) return `${error.field}: ${error.message}`;
    throw error;
  }
  throw new Error("nothing was refused");
}

const bad = <T>(value: unknown) => value as T;

describe("the message of every InvalidRequestError names the field and the problem", () => {
  it.each<[string, () => unknown, string]>([
    ["a fetch that is not a function", () => new Mix(bad<MixOptions>({ fetch: 1 })), "must be a function"],
    ["a logger without debug", () => new Mix(bad<MixOptions>({ debugLogger: {} })), "must have a debug method"],
    ["a negative timeout", () => new Mix({ timeoutMs: -1 }), "must be a finite number >= 0, got -1"],
    [
      "a timeout given as text",
      () => mix.sessions.list(bad<RequestOptions>({ timeoutMs: "5" })),
      "must be a finite number >= 0, got 5",
    ],
    ["a number as id", () => mix.sessions.get(bad({ id: 7 })), "must be a string, got number"],
    ["'..' as id", () => mix.sessions.get({ id: ".." }), 'must not be ".."'],
    ["a lone surrogate in an id", () => mix.sessions.get({ id: "a\uD800" }), "must be well-formed Unicode"],
    ["a title that is a number", () => mix.sessions.create(bad({ title: 5 })), "must be a string"],
    ["a fractional messageIndex", () => mix.sessions.fork({ id: "s", messageIndex: 1.5 }), "must be an integer"],
    ["messageIndex 0", () => mix.sessions.fork({ id: "s", messageIndex: 0 }), "must be >= 1, got 0"],
    ["an unknown field", () => mix.sessions.create(bad({ colour: "red" })), "is not a parameter of create"],
    ["params that are not an object", () => mix.sessions.get(bad("s1")), "must be a plain object"],
    ["headers that are not an object", () => mix.sessions.list(bad({ headers: [] })), "must be a plain object"],
    ["a header with a bad name", () => mix.sessions.list({ headers: { "bad name": "x" } }), "is invalid"],
    ["a signal that is not one", () => mix.sessions.list(bad({ signal: {} })), "must be an AbortSignal"],
  ])("%s", async (_, action, problem) => {
    const refused = await refusal(action);
    const field = refused.slice(0, refused.indexOf(": "));
    expect(refused).toBe(`${field}: Invalid request: ${field} ${problem}`);
  });

  it("shows a refused server URL, and what a server URL must be", async () => {
    expect(await refusal(() => new Mix({ serverURL: "ftp://files.test" }))).toBe(
      'serverURL: Invalid request: serverURL must be an absolute http(s) URL with no credentials, query or fragment, got "ftp://files.test"',
    );
  });

  it("hides the credentials of a server URL given as an object", async () => {
    const serverURL = bad<string>({ href: "http://admin:hunter2@api.test" });
    const message = await refusal(() => new Mix({ serverURL }));
    expect(message).toContain("[REDACTED]@api.test");
    expect(message).not.toContain("hunter2");
  });

  it("says what a retry config must be", async () => {
    const backoff = (config: unknown) => () => new Mix({ retryConfig: bad(config) });
    expect(await refusal(backoff({ strategy: "fast" }))).toBe(
      'retryConfig.strategy: Invalid request: retryConfig.strategy must be "none" or "backoff"',
    );
    expect(await refusal(backoff({ strategy: "backoff", backoff: 5 }))).toBe(
      "retryConfig.backoff: Invalid request: retryConfig.backoff must be an object",
    );
    expect(await refusal(backoff({ strategy: "backoff", statusCodes: "5XX" }))).toBe(
      "retryConfig.statusCodes: Invalid request: retryConfig.statusCodes must be an array",
    );
    expect(await refusal(backoff({ strategy: "backoff", statusCodes: ["5XXX"] }))).toBe(
      'retryConfig.statusCodes: Invalid request: retryConfig.statusCodes has "5XXX"; use "429" or "5XX"',
    );
    expect(await refusal(backoff({ strategy: "backoff", statusCodes: ["x429"] }))).toBe(
      'retryConfig.statusCodes: Invalid request: retryConfig.statusCodes has "x429"; use "429" or "5XX"',
    );
    expect(await refusal(backoff({ strategy: "backoff", maxRetries: 1.5 }))).toBe(
      "retryConfig.maxRetries: Invalid request: retryConfig.maxRetries must be a whole number >= 0 or Infinity, got 1.5",
    );
    expect(await refusal(backoff({ strategy: "backoff", retryConnectionErrors: "yes" }))).toBe(
      "retryConfig.retryConnectionErrors: Invalid request: retryConfig.retryConnectionErrors must be true or false",
    );
  });
});
