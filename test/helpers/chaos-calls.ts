import { createHash } from "node:crypto";
import { getEventListeners } from "node:events";
import { defaults } from "../../src/defaults.ts";
import { Mix, type RequestOptions, type RetryConfig } from "../../src/index.ts";
import { attemptPrng } from "./chaos-actions.ts";

/** A method of `mix.sessions`. */
export type OpName = "list" | "create" | "get" | "delete" | "fork" | "cancelProcessing";
const opNames: OpName[] = ["list", "create", "get", "delete", "fork", "cancelProcessing"];

/** The facts of the retry policy in force for one call that the oracle needs. */
export type PolicyFacts = {
  enabled: boolean;
  initialInterval: number;
  maxInterval: number;
  exponent: number;
  maxElapsedTime: number;
  /** Retries after the first attempt, at most (Infinity: the budget alone). */
  maxRetries: number;
  /** False for create and fork unless the call passed `retries`. */
  fullPolicy: boolean;
};

/** One call of a chaos run, decided up front from the seed. */
export type CallPlan = {
  index: number;
  op: OpName;
  timeoutMs: number;
  /** Per-call `retries`; undefined uses the client's policy. */
  retries: RetryConfig | undefined;
  policy: PolicyFacts;
  /** "before": the signal is aborted before the call; a number: ms after the call starts. */
  abort: "before" | number | undefined;
};

/** The error a call settled with, reduced to what the oracle checks. */
export type ErrorSummary = {
  name: string;
  ctor: string;
  message: string;
  statusCode?: number;
  retryAfterMs?: number;
  /** True when `cause` is the reason the call's signal was aborted with. */
  causeIsReason: boolean;
};

/** How one call settled: JSON-safe, so a child process can print it. */
export type CallResult = {
  index: number;
  /** From just before the call to its settling, in ms. */
  ms: number;
  /** `performance.now()` just before the call, in the process that made it (the probe's clock). */
  startedAt: number;
  /** The abort fired while the call had not settled (or before it started). */
  abortFired: boolean;
  /** When the abort fired, in ms from the call's start (0 for an abort before the call). */
  abortedAfterMs?: number;
  hung?: true;
  /** The value, as canonical JSON (or a digest of it when long). */
  value?: string;
  error?: ErrorSummary;
  /** Abort listeners left on the call's signal after it settled. */
  listenersLeft: number;
};

/** The client policy of a chaos run: waits from 5 ms, 500 ms per call. */
export const chaosRetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 5, maxInterval: 40, exponent: 2, maxElapsedTime: 500 },
} satisfies RetryConfig;

/** The one client of a chaos run. */
export function chaosClient(serverURL: string): Mix {
  return new Mix({ serverURL, retryConfig: chaosRetryConfig, timeoutMs: 100 });
}

function policyFacts(retries: RetryConfig | undefined, idempotent: boolean): PolicyFacts {
  const config: RetryConfig = retries ?? chaosRetryConfig;
  const fullPolicy = idempotent || retries !== undefined;
  if (config.strategy === "none") {
    const none = { initialInterval: 0, maxInterval: 0, exponent: 1, maxElapsedTime: 0, maxRetries: 0 };
    return { enabled: false, ...none, fullPolicy };
  }
  const { initialInterval = 0, maxInterval = 0, exponent = 1, maxElapsedTime = 0 } = config.backoff ?? {};
  const maxRetries = config.maxRetries ?? defaults.retry.maxRetries;
  return { enabled: true, initialInterval, maxInterval, exponent, maxElapsedTime, maxRetries, fullPolicy };
}

function planRetries(random: () => number, idempotent: boolean): RetryConfig | undefined {
  const r = random();
  // Passing `retries` on create or fork opts into the full policy: rarely, so both are covered.
  if (idempotent ? r >= 0.7 : r >= 0.15) return undefined;
  if (idempotent && r >= 0.6) return { strategy: "none" };
  const backoff = {
    initialInterval: 5,
    maxInterval: Math.round(20 + random() * 40),
    exponent: 1.5 + Math.round(random() * 5) / 10,
    maxElapsedTime: Math.round(300 + random() * 500),
  };
  // Left out (the default), none, one, a few, or no limit but the budget.
  const maxRetries = [undefined, 0, 1, 5, Number.POSITIVE_INFINITY][Math.floor(random() * 5)];
  return { strategy: "backoff", backoff, maxRetries };
}

/** Plans calls `first` to `first + count - 1`: the same plans for the same seed. */
export function planCalls(seed: number, count: number, first = 0): CallPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const index = first + i;
    const random = attemptPrng(seed, index, 0x7fff);
    const op = opNames[Math.floor(random() * opNames.length)] ?? "list";
    const idempotent = op !== "create" && op !== "fork";
    const timeoutMs = 50 + Math.floor(random() * 101);
    const retries = planRetries(random, idempotent);
    const a = random();
    const abort = a < 0.02 ? "before" : a < 0.15 ? Math.floor(random() * 400) : undefined;
    return { index, op, timeoutMs, retries, policy: policyFacts(retries, idempotent), abort };
  });
}

function invoke(mix: Mix, plan: CallPlan, options: RequestOptions): Promise<unknown> {
  const id = `s${plan.index}`;
  const s = mix.sessions;
  if (plan.op === "list") return s.list(options);
  if (plan.op === "create") return s.create({ title: `chaos ${plan.index}` }, options);
  if (plan.op === "fork") return s.fork({ id, messageIndex: 1 + (plan.index % 7), title: "fork" }, options);
  return s[plan.op]({ id }, options);
}

/** JSON with sorted keys; "undefined" for undefined. Long texts become a digest. */
export function canonical(value: unknown): string {
  const text =
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    ) ?? "undefined";
  return text.length <= 300 ? text : `sha1:${createHash("sha1").update(text).digest("hex")}`;
}

function summarize(error: unknown, reason: unknown): ErrorSummary {
  const e = error as Error & { statusCode?: number; retryAfterMs?: number };
  const summary: ErrorSummary = {
    name: String(e?.name),
    ctor: String(e?.constructor?.name),
    message: String(e?.message).slice(0, 200),
    causeIsReason: reason !== undefined && e?.cause === reason,
  };
  if (e?.statusCode !== undefined) summary.statusCode = e.statusCode;
  if (e?.retryAfterMs !== undefined) summary.retryAfterMs = e.retryAfterMs;
  return summary;
}

/** Makes one planned call and reports how it settled; gives up waiting after `watchdogMs`. */
export async function runCall(mix: Mix, plan: CallPlan, watchdogMs: number): Promise<CallResult> {
  const controller = plan.abort === undefined ? undefined : new AbortController();
  const reason = new Error(`chaos abort of call ${plan.index}`);
  const headers = { "x-chaos-call": String(plan.index), "x-chaos-timeout": String(plan.timeoutMs) };
  const options: RequestOptions = { timeoutMs: plan.timeoutMs, headers, signal: controller?.signal };
  if (plan.retries) options.retries = plan.retries;
  let settled = false;
  let abortFired = plan.abort === "before";
  let abortedAt: number | undefined;
  if (abortFired) controller?.abort(reason);
  const abortTimer =
    typeof plan.abort === "number"
      ? setTimeout(() => {
          abortFired = !settled;
          abortedAt = performance.now();
          controller?.abort(reason);
        }, plan.abort)
      : undefined;
  let watchdog: NodeJS.Timeout | undefined;
  const hang = new Promise<"hung">((resolve) => {
    watchdog = setTimeout(() => resolve("hung"), watchdogMs);
  });
  const started = performance.now();
  const call = invoke(mix, plan, options).then(
    (value) => ({ value: canonical(value) }),
    (error: unknown) => ({ error: summarize(error, reason) }),
  );
  const outcome = await Promise.race([call, hang]);
  settled = true;
  const ms = performance.now() - started;
  clearTimeout(abortTimer);
  clearTimeout(watchdog);
  const listenersLeft = controller ? getEventListeners(controller.signal, "abort").length : 0;
  const base: CallResult = { index: plan.index, ms, startedAt: started, abortFired, listenersLeft };
  if (abortFired) base.abortedAfterMs = abortedAt === undefined ? 0 : abortedAt - started;
  return outcome === "hung" ? { ...base, hung: true } : { ...base, ...outcome };
}

/**
 * The longest a call may take (before any slack): its budget, which also cuts the last attempt
 * short, or one timeout when retries are off.
 */
export function budgetMs(plan: CallPlan): number {
  return plan.policy.enabled ? plan.policy.maxElapsedTime : plan.timeoutMs;
}

/** Runs the plans through one client, `concurrency` calls in flight at a time. */
export async function runCalls(mix: Mix, plans: CallPlan[], concurrency: number): Promise<CallResult[]> {
  const results: CallResult[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < plans.length; i = next++) {
      const plan = plans[i] as CallPlan;
      results[i] = await runCall(mix, plan, budgetMs(plan) + 5_000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker));
  return results;
}
