/**
 * What the contract expects of a call, given what the client met on its attempts: the result
 * or error class, whether the policy in force retries, and how long it may wait.
 */
import { type CallPlan, canonical } from "./chaos-calls.ts";
import type { Met } from "./chaos-trace.ts";

/** A call's expected result: a value (canonical JSON) or an error class with its fields. */
export type Expected = { value: string } | { error: string; statusCode?: number; retryAfterMs?: number };

/** The value the contract says a method returns for an envelope's `data`. */
function unwrapped(op: string, data: unknown): unknown {
  if (op === "listSessions") return data ?? [];
  const cancelled = op === "cancelSessionProcessing" && (data as { status?: unknown })?.status === "cancelled";
  if (cancelled && (data as { cancelled?: unknown }).cancelled === undefined)
    return { ...(data as object), cancelled: true };
  return data;
}

const noAnswer = {
  timeout: "RequestTimeoutError",
  unmatched: "RequestTimeoutError",
  socket: "ConnectionError",
  aborted: "RequestAbortedError",
};

/** The result or error the contract gives for what the client met on the call's last attempt. */
export function expectedFor(met: Met, documented: readonly number[]): Expected {
  if (met.kind !== "answer") return { error: noAnswer[met.kind] };
  const { entry } = met;
  const { action } = entry;
  if (action.kind === "status") {
    const error = action.envelope && documented.includes(action.status) ? "RESTResponseError" : "MixDefaultError";
    const expected: Expected = { error, statusCode: action.status };
    if (action.hint?.ms !== undefined) expected.retryAfterMs = action.hint.ms;
    return expected;
  }
  if (action.kind !== "bad-json") return { value: canonical(unwrapped(entry.op, entry.data)) };
  // delete promises no body, so the SDK does not read one.
  return entry.op === "deleteSession"
    ? { value: "undefined" }
    : { error: "ResponseValidationError", statusCode: entry.status };
}

/** Whether the policy in force retries an attempt that met this (the budget aside). */
export function retryable(plan: CallPlan, met: Met): boolean {
  if (!plan.policy.enabled || met.kind === "aborted" || met.kind === "unmatched") return false;
  // Every status the chaos server sends (429, 5XX) is in the spec's list; connection errors are on.
  if (met.kind !== "answer") return plan.policy.fullPolicy;
  const { action } = met.entry;
  return action.kind === "status" && (plan.policy.fullPolicy || action.status === 429);
}

/** The wait (ms) the server asked for with this answer's Retry-After, if it sent one. */
export function hinted(met: Met): number | undefined {
  return met.kind === "answer" && met.entry.action.kind === "status" ? met.entry.action.hint?.ms : undefined;
}

/** The longest wait the SDK may plan after attempt `n` (0-based) that met this. */
export function longestWait(plan: CallPlan, met: Met, n: number): number {
  const { initialInterval, maxInterval, exponent } = plan.policy;
  return hinted(met) ?? Math.min(maxInterval, initialInterval * exponent ** n);
}
