import type { ServerResponse } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
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
import {
  expectBetween,
  expectOnTime,
  happened,
  type Reference,
  referenceTimer,
  warmUpFetch,
} from "../helpers/timing.ts";

const serve = serversClosedAfterEach();
beforeAll(warmUpFetch);

/**
 * Answers 503 (with `headers`) to the first `failures` requests, then the session. `waits`
 * are the lengths of reference timers armed as the first 503 goes out (see helpers/timing.ts).
 */
function failingThenSession(failures: number, headers: Record<string, string> = {}, waits: number[] = []) {
  const arrivals: number[] = [];
  const references: Reference[] = [];
  const handler = (_req: unknown, res: ServerResponse, index: number) => {
    arrivals.push(performance.now());
    if (index === 0) references.push(...waits.map(referenceTimer));
    if (index < failures) sendJson(res, 503, unavailable, headers);
    else sendSession(res);
  };
  return { arrivals, references, handler };
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

  it("gives up, throwing the last 503, as soon as the next wait would pass maxElapsedTime", async () => {
    // A 250 ms wait each time, and 500 ms in all: after the second answer another wait cannot
    // fit, and the second attempt has almost 250 ms left for a loopback round trip.
    const { arrivals, references, handler } = failingThenSession(2, { "retry-after-ms": "250" }, [250]);
    const server = await serve(handler);
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetriesWithin(500) });

    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 503, retryAfterMs: 250 });
    expect(server.requests).toHaveLength(2);
    await expectOnTime("the retry", arrivals[1] ?? 0, references[0] as Reference);
    await expectOnTime("giving up", settledAt, happened(arrivals[1] ?? 0));
  });
});

describe("Retry-After", () => {
  it("waits as long as retry-after-ms asks, beyond maxInterval, before retrying", async () => {
    const { arrivals, references, handler } = failingThenSession(1, { "retry-after-ms": "250" }, [250]);
    const server = await serve(handler);
    // Computed waits here are at most 50 ms, so only the header explains a longer gap.
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetries });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    await expectOnTime("the retry", arrivals[1] ?? 0, references[0] as Reference);
  });

  it("stops at once, with retryAfterMs set, when a Retry-After in seconds would pass maxElapsedTime", async () => {
    const { arrivals, handler } = failingThenSession(1, { "retry-after": "1" });
    const server = await serve(handler);
    const mix = new Mix({ serverURL: server.url, retryConfig: fastRetriesWithin(300) });

    const { error, settledAt } = await outcome(() => mix.sessions.get({ id: "s1" }));

    // 503 is not documented for get, so the error is the default one.
    expect(error).toBeInstanceOf(MixDefaultError);
    expect(error).toMatchObject({ statusCode: 503, retryAfterMs: 1000 });
    expect(server.requests).toHaveLength(1);
    await expectOnTime("giving up", settledAt, happened(arrivals[0] ?? 0));
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
    await expectOnTime("the retry", arrivals[1] ?? 0, happened(arrivals[0] ?? 0));
  });

  it("ignores a malformed Retry-After and falls back to the computed wait", async () => {
    const { arrivals, references, handler } = failingThenSession(1, { "retry-after": "in a while" }, [100, 200]);
    const server = await serve(handler);
    // A computed first wait of 100-200 ms: long enough to tell from a Retry-After read as 0.
    const backoff = { initialInterval: 200, maxInterval: 200, exponent: 1, maxElapsedTime: 2000 };
    const mix = new Mix({ serverURL: server.url, retryConfig: { strategy: "backoff", backoff } });

    const session = await mix.sessions.get({ id: "s1" });

    expect(session).toEqual(sampleSession);
    expect(server.requests).toHaveLength(2);
    const [earliest, latest] = references as [Reference, Reference];
    await expectBetween("the retry", arrivals[1] ?? 0, earliest, latest);
  });
});
