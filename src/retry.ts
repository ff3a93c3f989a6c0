import { defaults } from "./defaults.js";
import { checkedNumber, InvalidRequestError } from "./errors.js";
import type { BackoffConfig, RetryConfig } from "./options.js";

/** A `RetryConfig` with every default filled in and its status list compiled. */
export type RetryPolicy = Readonly<Required<BackoffConfig>> & {
  readonly enabled: boolean;
  readonly retryConnectionErrors: boolean;
  /** Retries after the first attempt, at most; Infinity for no limit but the time budget. */
  readonly maxRetries: number;
  /** Statuses to retry: codes ("429") and classes ("5XX"), in upper case. */
  readonly statusCodes: ReadonlySet<string>;
};

/** What went wrong with one attempt, as far as retrying is concerned. */
export type Failure =
  | { kind: "status"; status: number; retryAfterMs?: number }
  /** refused: the connection was never established, so the server cannot have acted. */
  | { kind: "refused" | "dropped" | "timeout" };

/** Where the call stands when an attempt has failed. */
export type RetryContext = {
  /** Retries done so far: 0 when the first attempt has failed. */
  retry: number;
  elapsedMs: number;
  /** False for create and fork unless the caller passed `retries` on the call. */
  fullPolicy: boolean;
  /** Uniform in [0, 1). */
  random: () => number;
};

/** Either wait this long and try again, or stop, with the reason (for the debug log). */
export type RetryPlan = { retry: true; waitMs: number } | { retry: false; reason: string };

const backoffFields: (keyof BackoffConfig)[] = ["initialInterval", "maxInterval", "exponent", "maxElapsedTime"];

function checkedMaxRetries(field: string, value: unknown): number {
  if (value === Infinity || (Number.isSafeInteger(value) && (value as number) >= 0)) {
    return value as number;
  }
  throw new InvalidRequestError(`${field}.maxRetries`, `must be a whole number >= 0 or Infinity, got ${String(value)}`);
}

/** Fills in a retry config from the defaults and checks it; throws InvalidRequestError. */
export function resolvePolicy(config: RetryConfig | undefined, field = "retryConfig"): RetryPolicy {
  const backoffConfig = config?.strategy === "backoff" ? config : undefined;
  if (config !== undefined && config?.strategy !== "none" && !backoffConfig) {
    throw new InvalidRequestError(`${field}.strategy`, 'must be "none" or "backoff"');
  }
  const given = backoffConfig?.backoff ?? {};
  if (typeof given !== "object") throw new InvalidRequestError(`${field}.backoff`, "must be an object");
  const backoff = {} as Required<BackoffConfig>;
  for (const key of backoffFields) {
    const value = given[key] ?? defaults.retry[key];
    backoff[key] = checkedNumber(`${field}.backoff.${key}`, value, key === "exponent" ? 1 : 0);
  }
  const codes = backoffConfig?.statusCodes ?? defaults.retry.statusCodes;
  if (!Array.isArray(codes)) throw new InvalidRequestError(`${field}.statusCodes`, "must be an array");
  const retryConnectionErrors = backoffConfig?.retryConnectionErrors ?? defaults.retry.retryConnectionErrors;
  if (typeof retryConnectionErrors !== "boolean") {
    throw new InvalidRequestError(`${field}.retryConnectionErrors`, "must be true or false");
  }
  for (const code of codes) {
    if (!/^[1-5](XX|\d\d)$/i.test(String(code)))
      throw new InvalidRequestError(`${field}.statusCodes`, `has ${JSON.stringify(code)}; use "429" or "5XX"`);
  }
  return {
    ...backoff,
    enabled: config?.strategy !== "none",
    retryConnectionErrors,
    maxRetries: checkedMaxRetries(field, backoffConfig?.maxRetries ?? defaults.retry.maxRetries),
    statusCodes: new Set(codes.map((code) => String(code).toUpperCase())),
  };
}

/** The jittered backoff before retry `n` (0-based): uniform in [base/2, base]. */
export function backoffWait(policy: RetryPolicy, n: number, random: () => number): number {
  // exponent ** n overflows to Infinity on long runs, and 0 * Infinity is NaN.
  const base = policy.initialInterval && Math.min(policy.maxInterval, policy.initialInterval * policy.exponent ** n);
  // min() keeps rounding (with tiny subnormal intervals) from passing base.
  return Math.min(base, base / 2 + random() * (base / 2));
}

/**
 * Decides whether a failed attempt is tried again. The answer defaults to "no"; each rule
 * below can only keep it that way or, last, allow the retry.
 */
export function planRetry(policy: RetryPolicy, failure: Failure, ctx: RetryContext): RetryPlan {
  if (!policy.enabled) return { retry: false, reason: "retries are off" };
  const isStatus = failure.kind === "status";
  const codes = policy.statusCodes;
  if (isStatus && !codes.has(String(failure.status)) && !codes.has(`${Math.floor(failure.status / 100)}XX`)) {
    return { retry: false, reason: `status ${failure.status} is not retried` };
  }
  if (!isStatus && !policy.retryConnectionErrors) return { retry: false, reason: "connection errors are not retried" };
  // A non-idempotent call may have acted unless the server provably did not see it.
  const provablyUnseen = isStatus ? failure.status === 429 : failure.kind === "refused";
  if (!ctx.fullPolicy && !provablyUnseen) {
    return { retry: false, reason: "not idempotent" };
  }
  if (ctx.retry >= policy.maxRetries) {
    const done = `${policy.maxRetries} ${policy.maxRetries === 1 ? "retry" : "retries"}`;
    return { retry: false, reason: `${done} done (maxRetries)` };
  }
  const hinted = isStatus ? failure.retryAfterMs : undefined;
  const waitMs = hinted ?? backoffWait(policy, ctx.retry, ctx.random);
  if (!(ctx.elapsedMs + waitMs <= policy.maxElapsedTime)) {
    return { retry: false, reason: `waiting ${Math.round(waitMs)} ms would pass maxElapsedTime` };
  }
  return { retry: true, waitMs };
}

const httpDate =
  /^[A-Z][a-z]{2,8}, \d\d[ -][A-Z][a-z]{2}[ -]\d{2,4} \d\d:\d\d:\d\d GMT$|^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

/**
 * Reads the server's requested wait: `retry-after-ms`, then `Retry-After` in seconds or as an
 * HTTP date. A date in the past means no wait; a malformed value is ignored (undefined).
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  // Headers strip the spaces and tabs around a value; other white space makes it malformed. An
  // absent header reads "null", which no pattern below matches.
  const ms = String(headers.get("retry-after-ms"));
  if (/^\d+(\.\d+)?$/.test(ms)) return Math.min(Number(ms), Number.MAX_SAFE_INTEGER);
  const value = String(headers.get("retry-after"));
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, Number.MAX_SAFE_INTEGER);
  // Only the shapes of RFC 9110's HTTP-date (IMF-fixdate, RFC 850, asctime) go to Date.parse,
  // which would otherwise read "soon 1" as a date in 2001; asctime has no zone but means GMT.
  // Stryker disable next-line MethodExpression: equivalent in V8, whose Date.parse reads "... GMT GMT" as "... GMT"
  const date = httpDate.test(value) ? Date.parse(value.endsWith("GMT") ? value : `${value} GMT`) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
