import { describeAction } from "./chaos-actions.ts";
import type { CallPlan, CallResult } from "./chaos-calls.ts";
import type { ClientAttempt } from "./chaos-probe.ts";
import type { ChaosEntry } from "./chaos-server.ts";

/** A call's attempts as the client made them and as the server received them. */
export type CallTrace = { seen: ClientAttempt[]; entries: Map<number, ChaosEntry> };

/**
 * What the client met on one attempt: the server's whole answer, or no answer and why.
 * "unmatched": a whole answer the server has no record of (reported as a problem).
 */
export type Met = { kind: "answer"; entry: ChaosEntry } | { kind: "timeout" | "aborted" | "socket" | "unmatched" };

/** When the SDK was done with attempt `n`: when the next one started, or when the call settled. */
export function doneAt(trace: CallTrace, n: number, result: CallResult): number {
  return trace.seen[n + 1]?.createdAt ?? result.startedAt + result.ms;
}

/**
 * What the SDK met on attempt `n`. undici reports an attempt the SDK gave up on (its timer,
 * the caller) when it gets to it: on a busy machine seconds later, and then maybe as a socket
 * error (a connect that timed out). An end reported after the SDK was done with the attempt is
 * not what the SDK met: its own timer ended it (a call the caller aborted is judged apart).
 */
export function metOn(trace: CallTrace, n: number, result: CallResult): Met {
  const seen = trace.seen[n] as ClientAttempt;
  const inTime = seen.endAt !== undefined && seen.endAt <= doneAt(trace, n, result);
  if (!inTime || seen.end === undefined || seen.end === "cancelled") return { kind: "timeout" };
  if (seen.end !== "complete") return { kind: seen.end };
  const entry = trace.entries.get(seen.attempt);
  return entry ? { kind: "answer", entry } : { kind: "unmatched" };
}

/** A short label: the server's action for an answer, else how the attempt ended. */
export function describeMet(met: Met): string {
  return met.kind === "answer" ? describeAction(met.entry.action) : met.kind;
}

const round = (ms: number) => `${ms >= 0 ? "+" : ""}${ms.toFixed(1)} ms`;

function describePlan(plan: CallPlan): string {
  const { policy } = plan;
  const retries = !plan.retries
    ? "the client's policy"
    : policy.enabled
      ? "its own backoff"
      : "strategy none (no retries)";
  const backoff = policy.enabled
    ? ` (waits ${policy.initialInterval}-${policy.maxInterval} ms x${policy.exponent}, ${policy.maxElapsedTime} ms budget${policy.fullPolicy ? "" : ", create/fork rule"})`
    : "";
  const abort =
    plan.abort === undefined ? "" : `, abort ${plan.abort === "before" ? "before the call" : `at +${plan.abort} ms`}`;
  return `${plan.op}, timeoutMs ${plan.timeoutMs}, retries: ${retries}${backoff}${abort}`;
}

/**
 * Everything known about one call, for a report: the plan, each attempt as the server and the
 * client saw it (times from the call's start), and how the call settled.
 */
export function explainCall(plan: CallPlan, result: CallResult, trace: CallTrace): string[] {
  const lines = [`plan: ${describePlan(plan)}`];
  trace.seen.forEach((seen, n) => {
    const entry = trace.entries.get(seen.attempt);
    const server = entry ? `server did ${describeAction(entry.action)}` : "server never received it";
    const end = seen.end
      ? `undici reported ${seen.end}${seen.detail ? ` (${seen.detail})` : ""}${seen.status ? ` status ${seen.status}` : ""} at ${round((seen.endAt ?? 0) - result.startedAt)}`
      : "undici never reported an end";
    const met = describeMet(metOn(trace, n, result));
    lines.push(
      `attempt ${n} sent at ${round(seen.createdAt - result.startedAt)}: ${server}; ${end}; the SDK met: ${met}`,
    );
  });
  for (const [n] of trace.entries)
    if (!trace.seen[n]) lines.push(`attempt ${n}: the server saw it, the client never made it`);
  if (result.hung) lines.push(`never settled (watchdog after ${Math.round(result.ms)} ms)`);
  else if (result.error) {
    const { ctor, message, statusCode, retryAfterMs } = result.error;
    const extra = `${statusCode === undefined ? "" : ` statusCode ${statusCode}`}${retryAfterMs === undefined ? "" : ` retryAfterMs ${retryAfterMs}`}`;
    lines.push(`settled at ${round(result.ms)} with ${ctor}${extra}: ${message}`);
  } else lines.push(`settled at ${round(result.ms)} with the value ${result.value}`);
  if (result.abortFired) lines.push("its signal aborted before it settled");
  return lines;
}
