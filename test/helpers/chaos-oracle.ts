import { sessionOperations } from "../../generated/operations.ts";
import { describeAction } from "./chaos-actions.ts";
import { budgetMs, type CallPlan, type CallResult, canonical } from "./chaos-calls.ts";
import type { ClientAttempt } from "./chaos-probe.ts";
import type { ChaosEntry } from "./chaos-server.ts";

/** What a chaos run amounted to, and every way it broke the contract. */
export type Verdict = {
  /** One line per broken rule, naming the call; empty when the run kept the contract. */
  problems: string[];
  /** How many calls ended on each kind of last attempt ("ok", "status", "timeout", "socket", ...). */
  lastAttempts: Record<string, number>;
  /** How many calls settled with each result: "value" or an error class. */
  outcomes: Record<string, number>;
  /** How many requests met each kind of server action. */
  faults: Record<string, number>;
  /** Requests the server saw, and calls it saw more than once. */
  requests: number;
  retriedCalls: number;
  /** create and fork calls on the client's policy that reached the server more than once. */
  retriedCreates: number;
  /** The largest settle time past a call's budget (one timeout with retries off), in ms. */
  worstOvershootMs: number;
  /** The longest an aborted call took to settle after its signal aborted, in ms. */
  worstAbortMs: number;
};

/** How late a call may settle: past its budget (one timeout with retries off), and after its signal aborts. */
export type Slack = { budgetMs: number; abortMs: number };

/**
 * What the client met on one attempt: the server's whole answer, or no answer and why.
 * "unmatched": a whole answer the server has no record of (reported as a problem).
 */
type Met = { kind: "answer"; entry: ChaosEntry } | { kind: "timeout" | "aborted" | "socket" | "unmatched" };
type Expected = { value: string } | { error: string; statusCode?: number; retryAfterMs?: number };

function metOn(seen: ClientAttempt, entry: ChaosEntry | undefined): Met {
  if (seen.end === "complete") return entry ? { kind: "answer", entry } : { kind: "unmatched" };
  // Only the SDK's timer and the caller end an attempt undici has not finished (or not yet
  // reported), and a call the caller aborted is judged apart: the timer it is.
  if (seen.end === undefined || seen.end === "cancelled") return { kind: "timeout" };
  return { kind: seen.end };
}

function describeMet(met: Met): string {
  return met.kind === "answer" ? describeAction(met.entry.action) : met.kind;
}

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
function expectedFor(met: Met, documented: readonly number[]): Expected {
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
function retryable(plan: CallPlan, met: Met): boolean {
  if (!plan.policy.enabled || met.kind === "aborted" || met.kind === "unmatched") return false;
  // Every status the chaos server sends (429, 5XX) is in the spec's list; connection errors are on.
  if (met.kind !== "answer") return plan.policy.fullPolicy;
  const { action } = met.entry;
  return action.kind === "status" && (plan.policy.fullPolicy || action.status === 429);
}

function hinted(met: Met): number | undefined {
  return met.kind === "answer" && met.entry.action.kind === "status" ? met.entry.action.hint?.ms : undefined;
}

/** The longest wait the SDK may plan after attempt `n` (0-based) that met this. */
function longestWait(plan: CallPlan, met: Met, n: number): number {
  const { initialInterval, maxInterval, exponent } = plan.policy;
  return hinted(met) ?? Math.min(maxInterval, initialInterval * exponent ** n);
}

/** Checks the client's view of one attempt against what the server did with it. */
function checkAttempt(
  plan: CallPlan,
  seen: ClientAttempt & { byCaller: boolean; limitMs: number },
  entry: ChaosEntry | undefined,
  problems: string[],
) {
  const timedOut = seen.end === "timeout" || (seen.end === "cancelled" && !seen.byCaller);
  const n = seen.attempt;
  const kind = entry?.action.kind ?? "not received";
  if (seen.end === undefined) problems.push(`attempt ${n} was never ended by undici (an abandoned request)`);
  const answered = ["ok", "huge", "status", "bad-json"].includes(kind);
  if (seen.end === "complete" && (!answered || seen.status !== entry?.status)) {
    problems.push(`attempt ${n} got a whole ${seen.status} answer, but the server did ${kind}`);
  }
  if (seen.end === "socket" && !kind.startsWith("drop-")) {
    problems.push(`attempt ${n} lost its connection (${seen.detail}), but the server did ${kind}`);
  }
  const ms = (seen.endAt ?? 0) - seen.createdAt;
  // The SDK arms its timer just before undici sees the request; timers never fire early.
  if (timedOut && ms < seen.limitMs - 5)
    problems.push(`attempt ${n} timed out after ${ms} ms (limit ${seen.limitMs} ms)`);
}

function checkSequence(plan: CallPlan, trace: CallTrace, callerAborted: boolean, problems: string[]) {
  const { seen, entries } = trace;
  seen.forEach((attempt, n) => {
    const entry = entries.get(attempt.attempt);
    const byCaller = callerAborted && n === seen.length - 1;
    // maxElapsedTime bounds the whole call: an attempt gets at most what is left of it.
    const left = plan.policy.enabled
      ? plan.policy.maxElapsedTime - (attempt.createdAt - (seen[0]?.createdAt ?? 0))
      : Infinity;
    const limitMs = Math.min(plan.timeoutMs, left);
    checkAttempt(plan, { ...attempt, byCaller, limitMs }, entry, problems);
    const next = seen[n + 1];
    if (!next) return;
    const met = metOn(attempt, entry);
    // For create and fork, this is the rule that no session is ever duplicated.
    if (!retryable(plan, met)) problems.push(`was tried again after ${describeMet(met)}`);
    if (n >= plan.policy.maxRetries)
      problems.push(`was tried again after ${n} retries (maxRetries ${plan.policy.maxRetries})`);
    // Only an end the server caused is timed exactly: undici may report the SDK's own later.
    if (attempt.end !== "complete" && attempt.end !== "socket") return;
    const gap = next.createdAt - (attempt.endAt ?? 0);
    const shortest = hinted(met) ?? longestWait(plan, met, n) / 2;
    if (gap < shortest - 2) problems.push(`waited ${gap.toFixed(1)} ms after attempt ${n}, less than ${shortest} ms`);
  });
  for (const [n] of entries) if (!seen[n]) problems.push(`the server saw an attempt ${n} the client never made`);
}

function checkResult(plan: CallPlan, result: CallResult, expected: Expected, problems: string[]): void {
  if ("value" in expected) {
    if (result.error) problems.push(`expected a value, got ${result.error.ctor}: ${result.error.message}`);
    else if (result.value !== expected.value) problems.push(`returned ${result.value}, expected ${expected.value}`);
    return;
  }
  const got = result.error;
  if (!got) return void problems.push(`expected ${expected.error}, got the value ${result.value}`);
  if (got.ctor !== expected.error || got.name !== expected.error) {
    problems.push(`expected ${expected.error}, got ${got.ctor} (${got.name}): ${got.message}`);
  }
  if (got.statusCode !== expected.statusCode) problems.push(`statusCode ${got.statusCode} != ${expected.statusCode}`);
  if (got.retryAfterMs !== expected.retryAfterMs) {
    problems.push(`retryAfterMs ${got.retryAfterMs}, expected ${expected.retryAfterMs} (${plan.op})`);
  }
}

/** A call's attempts as the client made them and as the server received them. */
export type CallTrace = { seen: ClientAttempt[]; entries: Map<number, ChaosEntry> };

/** Checks one call against the truth about its attempts; returns every rule it broke. */
export function checkCall(plan: CallPlan, result: CallResult, trace: CallTrace, slack: Slack): string[] {
  const problems: string[] = [];
  const { seen, entries } = trace;
  if (result.hung) return [`never settled (${budgetMs(plan)} ms allowed)`];
  if (result.ms > budgetMs(plan) + slack.budgetMs) problems.push(`settled after ${Math.round(result.ms)} ms`);
  if (result.listenersLeft) problems.push(`left ${result.listenersLeft} abort listener(s)`);
  if (plan.abort === "before" && seen.length) problems.push("sent a request although the signal was aborted");
  checkSequence(plan, trace, result.abortFired, problems);
  const last = seen.at(-1);
  if (last?.end === "aborted" && !result.abortFired) problems.push("an attempt was aborted, but not by the caller");
  if (result.abortFired) {
    const late = abortLatency(plan, result);
    if (late > slack.abortMs) problems.push(`settled ${Math.round(late)} ms after its signal aborted`);
    if (result.error?.ctor !== "RequestAbortedError" || !result.error.causeIsReason) {
      problems.push(`aborted, but settled with ${result.error?.ctor ?? `the value ${result.value}`}`);
    }
    return problems;
  }
  if (!last) return [...problems, "never sent a request"];
  const met = metOn(last, entries.get(last.attempt));
  checkResult(plan, result, expectedFor(met, sessionOperations[plan.op].errors), problems);
  // Stopping on a retryable failure is right only when maxRetries are done or the next wait
  // could not fit the budget.
  const wait = longestWait(plan, met, seen.length - 1);
  const retriesLeft = seen.length - 1 < plan.policy.maxRetries;
  if (retryable(plan, met) && retriesLeft && result.ms + wait <= plan.policy.maxElapsedTime - 2) {
    problems.push(`gave up after ${Math.round(result.ms)} ms with a wait of at most ${wait} ms`);
  }
  return problems;
}

function abortLatency(plan: CallPlan, result: CallResult): number {
  return typeof plan.abort === "number" ? result.ms - plan.abort : result.ms;
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function traces(log: ChaosEntry[], attempts: Map<number, ClientAttempt[]>, problems: string[]) {
  const byCall = new Map<number, CallTrace>();
  const traceOf = (call: number) => {
    const trace = byCall.get(call) ?? { seen: attempts.get(call) ?? [], entries: new Map() };
    byCall.set(call, trace);
    return trace;
  };
  for (const entry of log) {
    if (entry.call === undefined) problems.push(`a request without a call id: ${entry.method} ${entry.url}`);
    else if (traceOf(entry.call).entries.has(entry.attempt)) {
      problems.push(`call ${entry.call}: the server saw attempt ${entry.attempt} twice`);
    } else traceOf(entry.call).entries.set(entry.attempt, entry);
  }
  return traceOf;
}

/** Checks a run: each call against the client's and the server's record of its attempts. */
export function checkChaos(
  plans: CallPlan[],
  results: CallResult[],
  truth: { log: ChaosEntry[]; attempts: Map<number, ClientAttempt[]> },
  slack: Slack,
): Verdict {
  const problems: string[] = [];
  const traceOf = traces(truth.log, truth.attempts, problems);
  const verdict: Verdict = {
    problems,
    lastAttempts: {},
    outcomes: {},
    faults: {},
    requests: truth.log.length,
    retriedCalls: 0,
    retriedCreates: 0,
    worstOvershootMs: Number.NEGATIVE_INFINITY,
    worstAbortMs: 0,
  };
  for (const entry of truth.log) count(verdict.faults, entry.action.kind);
  plans.forEach((plan, i) => {
    const result = results[i] as CallResult;
    const trace = traceOf(plan.index);
    const mets = trace.seen.map((s) => metOn(s, trace.entries.get(s.attempt)));
    const label = `call ${plan.index} (${plan.op}, ${mets.map(describeMet).join(" > ") || "not sent"}${result.abortFired ? ", aborted" : ""})`;
    for (const problem of checkCall(plan, result, trace, slack)) problems.push(`${label}: ${problem}`);
    const last = mets.at(-1);
    count(verdict.lastAttempts, !last ? "not sent" : last.kind === "answer" ? last.entry.action.kind : last.kind);
    count(verdict.outcomes, result.error?.ctor ?? (result.hung ? "hung" : "value"));
    if (trace.entries.size > 1) verdict.retriedCalls++;
    if (trace.entries.size > 1 && !plan.policy.fullPolicy) verdict.retriedCreates++;
    verdict.worstOvershootMs = Math.max(verdict.worstOvershootMs, result.ms - budgetMs(plan));
    if (result.abortFired) verdict.worstAbortMs = Math.max(verdict.worstAbortMs, abortLatency(plan, result));
  });
  return verdict;
}
