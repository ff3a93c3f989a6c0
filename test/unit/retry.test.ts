import { describe, expect, it } from "vitest";
import { specRetryPolicy } from "../../generated/operations.ts";
import { InvalidRequestError } from "../../src/index.ts";
import { backoffWait, type Failure, planRetry, resolvePolicy, retryAfterMs } from "../../src/retry.ts";

const policy = resolvePolicy({
  strategy: "backoff",
  backoff: { initialInterval: 100, maxInterval: 1000, exponent: 2, maxElapsedTime: 10_000 },
});
const context = { retry: 0, elapsedMs: 0, fullPolicy: true, random: () => 0.5 };
const status = (code: number, retryAfter?: number): Failure => ({
  kind: "status",
  status: code,
  retryAfterMs: retryAfter,
});

describe("resolvePolicy", () => {
  it("fills every field left out from the spec's x-speakeasy-retries", () => {
    const resolved = resolvePolicy(undefined);
    expect(resolved).toMatchObject({
      enabled: true,
      initialInterval: specRetryPolicy.initialInterval,
      maxInterval: specRetryPolicy.maxInterval,
      exponent: specRetryPolicy.exponent,
      maxElapsedTime: specRetryPolicy.maxElapsedTime,
      retryConnectionErrors: specRetryPolicy.retryConnectionErrors,
    });
    expect([...resolved.statusCodes].sort()).toEqual(["408", "429", "5XX"]);
    const partial = resolvePolicy({ strategy: "backoff", backoff: { initialInterval: 7 } });
    expect(partial.initialInterval).toBe(7);
    expect(partial.maxElapsedTime).toBe(specRetryPolicy.maxElapsedTime);
  });

  it.each([
    [{ strategy: "backoff", backoff: { initialInterval: -1 } }, "retryConfig.backoff.initialInterval"],
    [{ strategy: "backoff", backoff: { exponent: 0.5 } }, "retryConfig.backoff.exponent"],
    [{ strategy: "backoff", backoff: { maxElapsedTime: Number.NaN } }, "retryConfig.backoff.maxElapsedTime"],
    [{ strategy: "backoff", statusCodes: ["5xx", "42"] }, "retryConfig.statusCodes"],
    [{ strategy: "sometimes" }, "retryConfig.strategy"],
  ])("refuses %j, naming %s", (config, field) => {
    expect(() => resolvePolicy(config as never)).toThrow(InvalidRequestError);
    expect(() => resolvePolicy(config as never)).toThrow(expect.objectContaining({ field }));
  });
});

describe("backoffWait", () => {
  it("draws from [base/2, base] with base = min(maxInterval, initialInterval * exponent^n)", () => {
    expect(backoffWait(policy, 0, () => 0)).toBe(50);
    expect(backoffWait(policy, 0, () => 1)).toBe(100);
    expect(backoffWait(policy, 2, () => 0)).toBe(200);
    expect(backoffWait(policy, 2, () => 1)).toBe(400);
    expect(backoffWait(policy, 10, () => 1)).toBe(1000);
    expect(backoffWait(policy, 10, () => 0)).toBe(500);
  });
});

describe("planRetry", () => {
  it("retries the configured statuses and classes with a jittered wait", () => {
    for (const code of [500, 503, 599, 408, 429]) {
      expect(planRetry(policy, status(code), context)).toEqual({ retry: true, waitMs: 75 });
    }
  });

  it("does not retry statuses outside the policy", () => {
    for (const code of [400, 401, 404, 409, 301]) {
      expect(planRetry(policy, status(code), context)).toMatchObject({ retry: false });
    }
  });

  it("never retries when the strategy is none", () => {
    const none = resolvePolicy({ strategy: "none" });
    expect(planRetry(none, status(503), context)).toEqual({ retry: false, reason: "retries are off" });
    expect(planRetry(none, { kind: "refused" }, context)).toMatchObject({ retry: false });
  });

  it("retries refused, dropped and timed-out attempts only when retryConnectionErrors is on", () => {
    for (const kind of ["refused", "dropped", "timeout"] as const) {
      expect(planRetry(policy, { kind }, context)).toMatchObject({ retry: true });
      const off = resolvePolicy({ strategy: "backoff", retryConnectionErrors: false });
      expect(planRetry(off, { kind }, context)).toMatchObject({ retry: false });
    }
  });

  it("retries a non-idempotent call only after a 429 or a refused connection", () => {
    const once = { ...context, fullPolicy: false };
    expect(planRetry(policy, status(429), once)).toMatchObject({ retry: true });
    expect(planRetry(policy, { kind: "refused" }, once)).toMatchObject({ retry: true });
    for (const failure of [
      status(500),
      status(503),
      status(408),
      { kind: "dropped" },
      { kind: "timeout" },
    ] as Failure[]) {
      expect(planRetry(policy, failure, once)).toMatchObject({
        retry: false,
        reason: expect.stringContaining("idempotent"),
      });
    }
  });

  it("keeps the policy's own limits for a non-idempotent call", () => {
    const noConnections = resolvePolicy({ strategy: "backoff", retryConnectionErrors: false, statusCodes: ["5XX"] });
    const once = { ...context, fullPolicy: false };
    expect(planRetry(noConnections, { kind: "refused" }, once)).toMatchObject({ retry: false });
    expect(planRetry(noConnections, status(429), once)).toMatchObject({ retry: false });
  });

  it("uses Retry-After instead of the computed wait, without jitter and without the maxInterval cap", () => {
    expect(planRetry(policy, status(503, 4321), context)).toEqual({ retry: true, waitMs: 4321 });
    expect(planRetry(policy, status(429, 0), context)).toEqual({ retry: true, waitMs: 0 });
  });

  it("stops instead of waiting past maxElapsedTime", () => {
    expect(planRetry(policy, status(503, 10_001), context)).toMatchObject({ retry: false });
    expect(planRetry(policy, status(503, 10_000), context)).toEqual({ retry: true, waitMs: 10_000 });
    const late = { ...context, elapsedMs: 9_990 };
    expect(planRetry(policy, status(503), late)).toMatchObject({
      retry: false,
      reason: expect.stringContaining("maxElapsedTime"),
    });
    expect(planRetry(policy, status(503, 10), late)).toEqual({ retry: true, waitMs: 10 });
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-24T06:00:00Z");
  const headers = (init: Record<string, string>) => new Headers(init);

  it("reads retry-after-ms first", () => {
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(headers({ "retry-after-ms": "12.5" }), now)).toBe(12.5);
  });

  it("reads Retry-After in seconds", () => {
    expect(retryAfterMs(headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMs(headers({ "retry-after": "0" }), now)).toBe(0);
  });

  it("reads Retry-After as an HTTP date, a past date meaning no wait", () => {
    expect(retryAfterMs(headers({ "retry-after": "Tue, 24 Nov 2026 06:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(headers({ "retry-after": "Tue, 24 Nov 2026 05:00:00 GMT" }), now)).toBe(0);
  });

  it("reads an asctime date as GMT whatever the local time zone", () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ["America/New_York", "Asia/Kolkata", "UTC"]) {
        process.env.TZ = tz;
        expect(retryAfterMs(headers({ "retry-after": "Tue Nov 24 06:00:05 2026" }), now), tz).toBe(5000);
        expect(retryAfterMs(headers({ "retry-after": "Tuesday, 24-Nov-26 06:00:05 GMT" }), now), tz).toBe(5000);
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it("ignores malformed values and falls back to the next header", () => {
    // Date.parse would read the last four as dates: only a whole HTTP-date counts.
    const prefixed = ["soon Tue, 24 Nov 2020 06:00:00 GMT", "in Tue Nov 24 06:00:00 2020"];
    const suffixed = ["Tue, 24 Nov 2020 06:00:00 GMT+0100", "Tue Nov 24 06:00:00 2020 junk"];
    for (const bad of ["soon", "-5", "1.5", "", "  ", "0x10", "Infinity", ...prefixed, ...suffixed]) {
      expect(retryAfterMs(headers({ "retry-after": bad }), now)).toBeUndefined();
    }
    expect(retryAfterMs(headers({ "retry-after-ms": "-1", "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterMs(headers({}), now)).toBeUndefined();
  });

  it("reads a value with white space other than spaces and tabs around it as malformed", () => {
    // Headers strip spaces and tabs; a no-break space, a vertical tab or a form feed stays.
    for (const bad of ["5\u00a0", "\u000b5", "5\f"]) {
      expect(retryAfterMs(headers({ "retry-after": bad }), now), JSON.stringify(bad)).toBeUndefined();
      expect(retryAfterMs(headers({ "retry-after-ms": bad, "retry-after": "2" }), now), JSON.stringify(bad)).toBe(2000);
    }
    expect(retryAfterMs(headers({ "retry-after": " \t5\t " }), now)).toBe(5000);
  });

  it("keeps huge values finite", () => {
    const wait = retryAfterMs(headers({ "retry-after": "9".repeat(400) }), now);
    expect(wait).toBe(Number.MAX_SAFE_INTEGER);
  });
});
