import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { Mix, MixDefaultError } from "../../src/index.ts";
import {
  fastRetries,
  fastRetriesWithin,
  outcome,
  sendSession,
  serversClosedAfterEach,
  unavailable,
} from "../helpers/faults.ts";
import { sendJson } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const serve = serversClosedAfterEach();

/** Answers 503 (with `headers`) to the first `failures` requests, then the session. */
function failingThenSession(failures: number, headers: Record<string, string> = {}) {
  const arrivals: number[] = [];
  const handler = (_req: unknown, res: ServerResponse, index: number) => {
    arrivals.push(performance.now());
    if (index < failures) sendJson(res, 503, unavailable, headers);
    else sendSession(res);
  };
  return { arrivals, handler };
}

describe("retries of an idempotent call", () => {
  it("retries a 503 twice and returns the session from the third, identical request", async () => {
    const { handler } = failingThenSession(2);
    const server = await serve(handler);
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries, headers: { "x-client": "faults" } });

    const session = await mix.sessions.get({ id: "s 1/é" }, { headers: { "x-call": "one" } });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(3);
    const [first, ...retried] = server.requests;
    expect(first).toMatchObject({ method: "GET", url: "/api/sessions/s%201%2F%C3%A9", body: "" });
    expect(first?.headers).toMatchObject({ "x-client": "faults", "x-call": "one" });
    for (const request of retried) {
      expect(request.method).toBe(first?.method);
      expect(request.url).toBe(first?.url);
      expect(request.body).toBe(first?.body);
      expect(request.headers).toEqual(first?.headers);
    }
  });

  it("gives up when maxElapsedTime runs out and throws the last 503", async () => {
    const server = await serve((_req, res) => sendJson(res, 503, unavailable));
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetriesWithin(150) });

    const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 503 });
    expect(server.requests.length).toBeGreaterThan(1);
    expect(ms).toBeLessThan(1000);
  });
});

describe("Retry-After", () => {
  it("waits as long as retry-after-ms asks, beyond maxInterval, before retrying", async () => {
    const { arrivals, handler } = failingThenSession(1, { "retry-after-ms": "150" });
    const server = await serve(handler);
    // Computed waits here are at most 50 ms, so only the header explains a longer gap.
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    const gap = (arrivals[1] ?? 0) - (arrivals[0] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(140);
    expect(gap).toBeLessThan(1000);
  });

  it("stops at once, with retryAfterMs set, when a Retry-After in seconds would pass maxElapsedTime", async () => {
    const server = await serve((_req, res) => sendJson(res, 503, unavailable, { "retry-after": "1" }));
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetriesWithin(300) });

    const { error, ms } = await outcome(() => mix.sessions.get({ id: "s1" }));

    // 503 is not documented for get, so the error is the default one.
    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 503, retryAfterMs: 1000 });
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(500);
  });

  it("retries without waiting when Retry-After is an HTTP date in the past", async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const { arrivals, handler } = failingThenSession(1, { "retry-after": past });
    const server = await serve(handler);
    // A computed wait would be at least 400 ms here.
    const slowBackoff = { strategy: "backoff", backoff: { initialInterval: 800, maxElapsedTime: 5000 } } as const;
    const mix = new Mix({ serverURL: server.url, retryConfig: slowBackoff });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeLessThan(200);
  });

  it("ignores a malformed Retry-After and falls back to the computed wait", async () => {
    const { arrivals, handler } = failingThenSession(1, { "retry-after": "in a while" });
    const server = await serve(handler);
    // A computed first wait of 100-200 ms: long enough to tell from a Retry-After read as 0.
    const backoff = { initialInterval: 200, maxInterval: 200, exponent: 1, maxElapsedTime: 2000 };
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "backoff", backoff } });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    const gap = (arrivals[1] ?? 0) - (arrivals[0] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(95);
    expect(gap).toBeLessThan(1000);
  });
});
