import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRequestError, type RetryConfig } from "../../src/index.ts";
import { backoffWait, type Failure, planRetry, type RetryPolicy, resolvePolicy } from "../../src/retry.ts";

const runs = { numRuns: 2000 };

const ms = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const uniform = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Any valid backoff config: intervals from 0, exponents from 1 up to ones that overflow. */
const backoffConfig = fc.record({
  strategy: fc.constant("backoff" as const),
  backoff: fc.record({
    initialInterval: fc.oneof(fc.constant(0), ms(1e6)),
    maxInterval: fc.oneof(fc.constant(0), ms(1e7)),
    exponent: fc.oneof(
      fc.constant(1),
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.double({ min: 1, max: 1e300, noNaN: true }),
    ),
    maxElapsedTime: fc.oneof(fc.constant(0), ms(1e7)),
  }),
  retryConnectionErrors: fc.boolean(),
  statusCodes: fc.subarray(["5XX", "4XX", "408", "429", "500", "503"]),
  // Left out (the default, 3), a count, or no limit but the budget.
  maxRetries: fc.oneof(fc.constant(undefined), fc.nat(10), fc.constant(Number.POSITIVE_INFINITY)),
});
const policies = fc.oneof(backoffConfig, fc.constant<RetryConfig>({ strategy: "none" })).map((c) => resolvePolicy(c));

const failures: fc.Arbitrary<Failure> = fc.oneof(
  fc.record({
    kind: fc.constant("status" as const),
    status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom(408, 429, 500, 502, 503)),
    retryAfterMs: fc.option(fc.oneof(fc.nat(), ms(Number.MAX_SAFE_INTEGER)), { nil: undefined }),
  }),
  fc.record({ kind: fc.constantFrom("refused" as const, "dropped" as const, "timeout" as const) }),
);
const contexts = fc.record({
  retry: fc.oneof(fc.nat(20), fc.nat(3000)),
  elapsedMs: ms(2e7),
  fullPolicy: fc.boolean(),
  random: uniform.map((r) => () => r),
});

/** The contract's base wait; 0 * anything is 0, even when exponent^n overflows. */
function baseWait(p: RetryPolicy, n: number): number {
  return p.initialInterval === 0 ? 0 : Math.min(p.maxInterval, p.initialInterval * p.exponent ** n);
}

/** Whether the contract lets this kind of failure be retried at all, the count and the budget aside. */
function eligible(p: RetryPolicy, f: Failure, fullPolicy: boolean): boolean {
  if (!p.enabled) return false;
  if (f.kind === "status") {
    const listed = [...p.statusCodes].some((code) => code === String(f.status) || code === `${String(f.status)[0]}XX`);
    return listed && (fullPolicy || f.status === 429);
  }
  return p.retryConnectionErrors && (fullPolicy || f.kind === "refused");
}

describe("backoffWait, for any valid policy and retry number", () => {
  it("stays finite and inside [base/2, base]", () => {
    fc.assert(
      fc.property(policies, fc.oneof(fc.nat(50), fc.nat(5000)), uniform, (p, n, r) => {
        const wait = backoffWait(p, n, () => r);
        const base = baseWait(p, n);
        expect(Number.isFinite(wait), `wait ${wait} for retry ${n}`).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(base / 2);
        expect(wait).toBeLessThanOrEqual(base);
      }),
      runs,
    );
  });
});

describe("planRetry, for any policy, failure and point in the call", () => {
  it("retries only when the contract allows it, waiting within bounds and within the budget", () => {
    fc.assert(
      fc.property(policies, failures, contexts, (p, f, ctx) => {
        const plan = planRetry(p, f, ctx);
        const mayRetry = eligible(p, f, ctx.fullPolicy) && ctx.retry < p.maxRetries;
        if (!mayRetry) expect(plan.retry).toBe(false);
        if (!plan.retry) return;
        const { waitMs } = plan;
        expect(Number.isFinite(waitMs) && waitMs >= 0, `wait ${waitMs}`).toBe(true);
        expect(ctx.elapsedMs + waitMs).toBeLessThanOrEqual(p.maxElapsedTime);
        const hinted = f.kind === "status" ? f.retryAfterMs : undefined;
        if (hinted !== undefined) expect(waitMs).toBe(hinted);
        else {
          const base = baseWait(p, ctx.retry);
          expect(waitMs).toBeGreaterThanOrEqual(base / 2);
          expect(waitMs).toBeLessThanOrEqual(base);
        }
      }),
      runs,
    );
  });

  it("stops once maxRetries retries are done, and says so", () => {
    fc.assert(
      fc.property(policies, failures, contexts, (p, f, ctx) => {
        fc.pre(eligible(p, f, ctx.fullPolicy) && ctx.retry >= p.maxRetries);
        const reason = new RegExp(`^${p.maxRetries} retr(y|ies) done \\(maxRetries\\)$`);
        expect(planRetry(p, f, ctx)).toEqual({ retry: false, reason: expect.stringMatching(reason) });
      }),
      runs,
    );
  });

  it("does not give up while retries are left and an allowed wait still fits the budget", () => {
    const retrying = backoffConfig.map((c) =>
      resolvePolicy({ ...c, retryConnectionErrors: true, statusCodes: ["5XX", "408", "429"] }),
    );
    fc.assert(
      fc.property(retrying, failures, contexts, uniform, (p, f, ctx, share) => {
        const unseen = f.kind === "status" ? f.status === 429 : f.kind === "refused";
        fc.pre(ctx.fullPolicy || unseen);
        fc.pre(ctx.retry < p.maxRetries);
        fc.pre(f.kind !== "status" || f.status === 408 || f.status === 429 || f.status >= 500);
        const hinted = f.kind === "status" ? f.retryAfterMs : undefined;
        const longest = hinted ?? baseWait(p, ctx.retry);
        fc.pre(longest <= p.maxElapsedTime);
        // Any point of the call from which the longest possible wait still fits.
        const elapsedMs = share * (p.maxElapsedTime - longest);
        expect(planRetry(p, f, { ...ctx, elapsedMs }).retry).toBe(true);
      }),
      runs,
    );
  });

  it("never plans a retry of a non-idempotent call except after a 429 or a refused connection", () => {
    fc.assert(
      fc.property(policies, failures, contexts, (p, f, ctx) => {
        const plan = planRetry(p, f, { ...ctx, fullPolicy: false });
        const provablyUnseen = f.kind === "status" ? f.status === 429 : f.kind === "refused";
        if (!provablyUnseen) expect(plan).toMatchObject({ retry: false });
      }),
      runs,
    );
  });
});

describe("resolvePolicy, for any JSON given as a retry config", () => {
  const anyValue = fc.oneof(fc.jsonValue(), fc.anything());
  const configLike = fc.record(
    {
      strategy: fc.oneof(fc.constantFrom("backoff", "none"), anyValue),
      backoff: fc.oneof(
        anyValue,
        fc.dictionary(fc.constantFrom("initialInterval", "maxInterval", "exponent", "maxElapsedTime"), anyValue),
      ),
      retryConnectionErrors: anyValue,
      statusCodes: fc.oneof(anyValue, fc.array(fc.oneof(fc.constantFrom("5XX", "429", "4xx"), anyValue))),
      maxRetries: fc.oneof(anyValue, fc.integer(), fc.double(), fc.constant(Number.POSITIVE_INFINITY)),
    },
    { requiredKeys: ["strategy"] },
  );
  const inputs = fc.oneof(fc.jsonValue(), fc.anything(), configLike);

  it("returns a policy or throws InvalidRequestError, nothing else", () => {
    fc.assert(
      fc.property(inputs, (config) => {
        try {
          resolvePolicy(config as RetryConfig);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRequestError);
        }
      }),
      runs,
    );
  });

  it("returns only well-formed policies: finite intervals, exponent >= 1, booleans, real statuses", () => {
    fc.assert(
      fc.property(inputs, (config) => {
        let p: RetryPolicy;
        try {
          p = resolvePolicy(config as RetryConfig);
        } catch {
          return;
        }
        for (const value of [p.initialInterval, p.maxInterval, p.maxElapsedTime]) {
          expect(Number.isFinite(value) && value >= 0).toBe(true);
        }
        expect(Number.isFinite(p.exponent) && p.exponent >= 1).toBe(true);
        expect(typeof p.enabled).toBe("boolean");
        expect(typeof p.retryConnectionErrors, `retryConnectionErrors from ${JSON.stringify(config)}`).toBe("boolean");
        const count =
          p.maxRetries === Number.POSITIVE_INFINITY || (Number.isSafeInteger(p.maxRetries) && p.maxRetries >= 0);
        expect(count, `maxRetries ${p.maxRetries}`).toBe(true);
        for (const code of p.statusCodes) expect(code).toMatch(/^[1-5](\d\d|XX)$/);
      }),
      runs,
    );
  });
});
