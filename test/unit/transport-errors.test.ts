import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  Mix,
  MixDefaultError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
} from "../../src/index.ts";
import { isRefused } from "../../src/runtime.ts";
import { fakeFetch, json, text } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const quick = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, maxElapsedTime: 1000 } } as const;
const refusedCode = (code: string) => Object.assign(new Error("connect failed"), { code });
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => new Error("resolved"),
    (error: Error) => error,
  );

describe("errors a custom fetch throws", () => {
  it("passes one of the SDK's own errors through as it is", async () => {
    const own = new RequestTimeoutError("an inner client timed out");
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fakeFetch(own).fetch,
      retryConfig: { strategy: "none" },
    });
    expect(await failureOf(mix.sessions.list())).toBe(own);
  });

  it("wraps an error whose cause is itself in ConnectionError instead of looping", async () => {
    const looped: Error & { cause?: unknown } = new TypeError("fetch failed");
    looped.cause = looped;
    const grouped = Object.assign(new Error("all failed"), { errors: [] as unknown[] });
    grouped.errors.push(grouped);
    for (const thrown of [looped, grouped]) {
      const mix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(thrown).fetch, retryConfig: quick });
      const error = await failureOf(mix.sessions.create());
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.cause).toBe(thrown);
    }
  });

  it("retries create after Bun's ConnectionRefused", async () => {
    const fake = fakeFetch(
      new TypeError("fetch failed", { cause: refusedCode("ConnectionRefused") }),
      json(201, { data: sampleSession }),
    );
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch, retryConfig: quick });
    expect(await mix.sessions.create({ title: "t" })).toEqual(sampleSession);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("isRefused", () => {
  const deep = (levels: number) => {
    let error: unknown = refusedCode("ECONNREFUSED");
    for (let i = 0; i < levels; i++) error = new Error(`level ${i}`, { cause: error });
    return error;
  };

  it("finds a refusal up to three causes deep, and no deeper", () => {
    expect([0, 1, 2, 3, 4].map((levels) => isRefused(deep(levels)))).toEqual([true, true, true, true, false]);
  });

  it("reads an AggregateError as refused only when every address refused", () => {
    const refusal = refusedCode("ECONNREFUSED");
    expect(isRefused(new AggregateError([refusal, refusal]))).toBe(true);
    expect(isRefused(new AggregateError([refusal, refusedCode("ETIMEDOUT")]))).toBe(false);
    expect(isRefused(new AggregateError([]))).toBe(false);
  });
});

describe("what the SDK's own errors and log lines say", () => {
  it("names the call and the limit of a timeout", async () => {
    const hanging = () => new Promise<Response>(() => {});
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: hanging,
      timeoutMs: 20,
      retryConfig: { strategy: "none" },
    });
    expect((await failureOf(mix.sessions.list())).message).toBe(
      "GET http://api.test/api/sessions timed out after 20 ms",
    );
  });

  it("says whether an abort came while waiting to retry", async () => {
    const controller = new AbortController();
    const waiting = fakeFetch(json(503, {}, { "retry-after-ms": "5000" }));
    const debugLogger = { debug: () => setTimeout(() => controller.abort(), 5) };
    const mix = new Mix({ serverURL: "http://api.test", fetch: waiting.fetch, debugLogger });
    const during = await failureOf(mix.sessions.list({ signal: controller.signal }));
    const before = await failureOf(mix.sessions.list({ signal: AbortSignal.abort() }));
    expect([during, before].map((e) => [e.constructor, e.message])).toEqual([
      [RequestAbortedError, "The call was aborted while waiting to retry"],
      [RequestAbortedError, "The call was aborted"],
    ]);
  });

  it("says what a 2xx body lacked", async () => {
    const mix = new Mix({ serverURL: "http://api.test", fetch: fakeFetch(json(200, { data: {} })).fetch });
    const error = await failureOf(mix.sessions.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe("list answered 200 without a JSON envelope whose data is an array");
  });

  it("logs why an attempt is not retried, and how long it took", async () => {
    const lines: string[] = [];
    const debugLogger = { debug: (line: string) => void lines.push(line) };
    const fake = fakeFetch(json(404, {}), new TypeError("fetch failed"));
    const noConnectionRetries = { ...quick, retryConnectionErrors: false };
    const mix = new Mix({
      serverURL: "http://api.test",
      fetch: fake.fetch,
      debugLogger,
      retryConfig: noConnectionRetries,
    });
    await failureOf(mix.sessions.get({ id: "s1" }));
    await failureOf(mix.sessions.get({ id: "s1" }));
    expect(lines[0]).toMatch(/-> 404 \((\d+) ms\); not retried: status 404 is not retried$/);
    expect(lines[1]).toMatch(/-> ConnectionError: .* \((\d+) ms\); not retried: connection errors are not retried$/);
    const durations = lines.map((line) => Number(/\((\d+) ms\)/.exec(line)?.[1]));
    for (const ms of durations) expect(ms).toBeLessThan(1000);
  });
});

describe("bodies that are JSON but not an envelope", () => {
  it("reads null as no envelope, for a 2xx and for a documented error", async () => {
    const fake = fakeFetch(text(200, "null", "application/json"), text(404, "null", "application/json"));
    const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
    expect(await failureOf(mix.sessions.get({ id: "s1" }))).toBeInstanceOf(ResponseValidationError);
    expect(await failureOf(mix.sessions.get({ id: "s1" }))).toBeInstanceOf(MixDefaultError);
  });
});
