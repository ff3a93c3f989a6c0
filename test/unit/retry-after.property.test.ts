import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRetry, resolvePolicy, retryAfterMs } from "../../src/retry.ts";

const runs = { numRuns: 2000 };
const now = Date.parse("2026-11-24T06:00:00Z");
const max = Number.MAX_SAFE_INTEGER;

/** A header value as it arrives from the wire: UTF-8 bytes read as Latin-1, no NUL, CR or LF. */
const wire = (text: string) =>
  Buffer.from(text, "utf8")
    .toString("latin1")
    .replace(/[\0\r\n]/g, "");

const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 400 });
const decimal = fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`);
const blanks = fc.string({ unit: fc.constantFrom(" ", "\t"), maxLength: 3 });
const padded = (value: fc.Arbitrary<string>) => fc.tuple(blanks, value, blanks).map((parts) => parts.join(""));
const dates = fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true });
const imfDate = dates.map((d) => d.toUTCString());
const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");
const time = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
const rfc850 = (d: Date) =>
  `${days[d.getUTCDay()]}, ${two(d.getUTCDate())}-${months[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${time(d)} GMT`;
const rfc850Date = dates.map(rfc850);
const asctimeDate = dates.map(
  (d) =>
    `${days[d.getUTCDay()]?.slice(0, 3)} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${time(d)} ${d.getUTCFullYear()}`,
);
/** Values a server might send by mistake: signs, fractions of seconds, words, units, lists. */
const malformed = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }).map(wire),
  digits.map((d) => `-${d}`),
  decimal.map((d) => `-${d}`),
  decimal,
  fc
    .tuple(
      fc.constantFrom("soon", "in", "wait", "later", "retry", "x", "Mon", "May"),
      fc.integer({ min: 1, max: 3000 }),
    )
    .map(([word, n]) => `${word} ${n}`),
  digits.map((d) => `${d}s`),
  fc.constantFrom("Infinity", "NaN", "1e3", "0x10", "+5", "5, 6", "tomorrow", "\u0661\u0662"),
);
const anyValue = fc.oneof(padded(digits), padded(decimal), imfDate, rfc850Date, asctimeDate, malformed);

const httpDate = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];
const isHttpDate = (value: string) => httpDate.some((form) => form.test(value.trim()));

function read(values: { ms?: string; seconds?: string }): number | undefined {
  const headers = new Headers();
  if (values.ms !== undefined) headers.set("retry-after-ms", wire(values.ms));
  if (values.seconds !== undefined) headers.set("retry-after", wire(values.seconds));
  return retryAfterMs(headers, now);
}

describe("retryAfterMs, for any retry-after-ms and Retry-After values", () => {
  it("never throws and returns undefined or a finite wait in [0, MAX_SAFE_INTEGER]", () => {
    const pair = fc.record({ ms: anyValue, seconds: anyValue }, { requiredKeys: [] });
    fc.assert(
      fc.property(pair, (values) => {
        const wait = read(values);
        if (wait === undefined) return;
        expect(Number.isFinite(wait) && wait >= 0 && wait <= max, `wait ${wait} for ${JSON.stringify(values)}`).toBe(
          true,
        );
      }),
      runs,
    );
  });

  it("takes a well-formed retry-after-ms exactly, before any Retry-After, capped at MAX_SAFE_INTEGER", () => {
    fc.assert(
      fc.property(padded(fc.oneof(digits, decimal)), fc.option(anyValue, { nil: undefined }), (ms, seconds) => {
        expect(read({ ms, seconds })).toBe(Math.min(Number(ms.trim()), max));
      }),
      runs,
    );
  });

  it("takes whole seconds exactly when retry-after-ms is absent or malformed", () => {
    fc.assert(
      fc.property(padded(digits), fc.option(malformed, { nil: undefined }), (seconds, ms) => {
        fc.pre(ms === undefined || !/^\d+(\.\d+)?$/.test(ms.trim()));
        expect(read({ ms, seconds })).toBe(Math.min(Number(seconds.trim()) * 1000, max));
      }),
      runs,
    );
  });

  it("reads an IMF-fixdate or RFC 850 date as the time left, and a past date as no wait", () => {
    // RFC 850's two-digit years are read as RFC 9110 says; from 1977 to 2026 no rule is needed.
    const unambiguous = fc.date({ min: new Date("1977-01-01"), max: new Date("2026-12-31"), noInvalidDate: true });
    const forms = fc.oneof(
      dates.map((d) => [d.toUTCString(), d] as const),
      unambiguous.map((d) => [rfc850(d), d] as const),
    );
    fc.assert(
      fc.property(forms, ([text, date]) => {
        const at = Math.floor(date.getTime() / 1000) * 1000;
        expect(read({ seconds: text }), text).toBe(Math.max(0, at - now));
      }),
      runs,
    );
  });

  it("ignores a Retry-After that is neither whole seconds nor an HTTP date", () => {
    fc.assert(
      fc.property(malformed, (seconds) => {
        fc.pre(!/^\d+$/.test(seconds.trim()) && !isHttpDate(seconds));
        expect(read({ seconds }), `Retry-After: ${JSON.stringify(seconds)}`).toBeUndefined();
      }),
      runs,
    );
  });

  it("turns any headers on a retried status into a finite wait inside the budget, or no retry", () => {
    const policies = fc
      .record({
        initialInterval: fc.integer({ min: 1, max: 1000 }),
        maxInterval: fc.integer({ min: 1, max: 60_000 }),
        maxElapsedTime: fc.integer({ min: 0, max: 600_000 }),
      })
      .map((backoff) => resolvePolicy({ strategy: "backoff", backoff }));
    const pair = fc.record({ ms: anyValue, seconds: anyValue }, { requiredKeys: [] });
    const statuses = fc.constantFrom(408, 429, 500, 502, 503);
    const points = fc.record({ retry: fc.nat(30), elapsedMs: fc.integer({ min: 0, max: 600_000 }) });
    fc.assert(
      fc.property(policies, pair, statuses, points, (policy, values, status, at) => {
        const failure = { kind: "status" as const, status, retryAfterMs: read(values) };
        const plan = planRetry(policy, failure, { ...at, fullPolicy: true, random: () => 0.5 });
        if (!plan.retry) return;
        expect(Number.isFinite(plan.waitMs) && plan.waitMs >= 0).toBe(true);
        expect(at.elapsedMs + plan.waitMs).toBeLessThanOrEqual(policy.maxElapsedTime);
        if (failure.retryAfterMs !== undefined) expect(plan.waitMs).toBe(failure.retryAfterMs);
      }),
      runs,
    );
  });
});
