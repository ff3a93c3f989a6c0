import { sessionOperations } from "../../generated/operations.ts";
import { budgetMs, type CallPlan, type CallResult } from "./chaos-calls.ts";
import { type Expected, expectedFor, hinted, longestWait, retryable } from "./chaos-expected.ts";
import type { ClientAttempt } from "./chaos-probe.ts";
import type { ChaosEntry } from "./chaos-server.ts";
import { type CallTrace, describeMet, doneAt, explainCall, metOn } from "./chaos-trace.ts";

/**
 * One broken rule of one call. "wrong": the contract was broken (a wrong value or error class,
 * a retry the policy forbids, a timer that fired early, a listener left behind, a call that
 * never settled). "late": the call did the right thing but settled past the stated tolerance
 * (`Slack`), which a busy machine explains and the timing tests judge (test/helpers/timing.ts).
 */
export type Problem = {
  call: number | undefined;
  kind: "wrong" | "late";
  /** What was expected and what happened. */
  text: string;
  /** The call's plan, each attempt as the server and the client saw it, and how it settled. */
  explanation: string[];
};

/** What a chaos run amounted to, and every way it broke the contract. */
export type Verdict = {
  /** Every broken rule; empty when the run kept the contract on time. */
  problems: Problem[];
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

/**
 * The tolerance for lateness, in ms: past a call's budget (one timeout with retries off), and
 * after its signal aborted. A call later than that is reported "late", not "wrong".
 */
export type Slack = { budgetMs: number; abortMs: number };

type Found = { wrong: string[]; late: string[] };

/** Checks that the client's view of one attempt fits what the server did with it. */
function checkViews(seen: ClientAttempt, entry: ChaosEntry | undefined, found: Found) {
  const n = seen.attempt;
  const kind = entry?.action.kind ?? "not received";
  if (seen.end === undefined) found.wrong.push(`attempt ${n} was never ended by undici (an abandoned request)`);
  const answered = ["ok", "huge", "status", "bad-json"].includes(kind);
  if (seen.end === "complete" && (!answered || seen.status !== entry?.status)) {
    found.wrong.push(`attempt ${n} got a whole ${seen.status} answer, but the server did ${kind}`);
  }
  // A connection can fail before the request gets through (a busy server's full accept queue).
  if (seen.end === "socket" && !kind.startsWith("drop-") && kind !== "not received") {
    found.wrong.push(`attempt ${n} lost its connection (${seen.detail}), but the server did ${kind}`);
  }
}

/**
 * Checks that the SDK's timer did not end attempt `n` early. fetch() reports the request to
 * undici's `create` channel before it returns, and the SDK arms its timer just after, so the
 * timer fires no earlier than `createdAt` plus the attempt's limit: timeoutMs, or what is left
 * of maxElapsedTime, counted from the call's start (the SDK's own start is later). The SDK
 * was done with the attempt by `doneAt`. Date.now() rounding allows 2 ms.
 */
function checkTimer(plan: CallPlan, result: CallResult, trace: CallTrace, n: number, found: Found) {
  const seen = trace.seen[n] as ClientAttempt;
  const left = plan.policy.enabled ? plan.policy.maxElapsedTime - (seen.createdAt - result.startedAt) : Infinity;
  const limit = Math.max(1, Math.min(plan.timeoutMs, left));
  const done = doneAt(trace, n, result);
  const endedBy = seen.endAt !== undefined && seen.endAt <= done ? seen.endAt : done;
  if (endedBy - seen.createdAt < limit - 2) {
    const ms = (endedBy - seen.createdAt).toFixed(1);
    found.wrong.push(`attempt ${n} timed out ${ms} ms after it was sent; its limit was ${limit.toFixed(1)} ms`);
  }
}

function checkSequence(plan: CallPlan, result: CallResult, trace: CallTrace, found: Found) {
  const { seen, entries } = trace;
  seen.forEach((attempt, n) => {
    checkViews(attempt, entries.get(attempt.attempt), found);
    const met = metOn(trace, n, result);
    const byCaller = result.abortFired && n === seen.length - 1;
    if (met.kind === "timeout" && !byCaller) checkTimer(plan, result, trace, n, found);
    const next = seen[n + 1];
    if (!next) return;
    // For create and fork, this is the rule that no session is ever duplicated.
    if (!retryable(plan, met)) found.wrong.push(`was tried again after ${describeMet(met)}`);
    if (n >= plan.policy.maxRetries) {
      found.wrong.push(`was tried again after ${n} retries (maxRetries ${plan.policy.maxRetries})`);
    }
    // Only an end the server caused is timed exactly from undici's report of it.
    if (met.kind !== "answer" && met.kind !== "socket") return;
    const gap = next.createdAt - (attempt.endAt ?? 0);
    const shortest = hinted(met) ?? longestWait(plan, met, n) / 2;
    if (gap < shortest - 2)
      found.wrong.push(`waited ${gap.toFixed(1)} ms after attempt ${n}, less than ${shortest} ms`);
  });
  for (const [n] of entries) if (!seen[n]) found.wrong.push(`the server saw an attempt ${n} the client never made`);
}

function checkResult(result: CallResult, expected: Expected, found: Found): void {
  const got = result.error;
  const shown = got ? `${got.ctor}: ${got.message}` : `the value ${result.value}`;
  if ("value" in expected) {
    if (got || result.value !== expected.value) found.wrong.push(`expected the value ${expected.value}, got ${shown}`);
    return;
  }
  const wanted = `${expected.error}${expected.statusCode === undefined ? "" : ` ${expected.statusCode}`}`;
  if (!got || got.ctor !== expected.error || got.name !== expected.error || got.statusCode !== expected.statusCode) {
    found.wrong.push(`expected ${wanted}, got ${got ? `${got.ctor} (${got.name}) ${got.statusCode ?? ""}` : shown}`);
  } else if (got.retryAfterMs !== expected.retryAfterMs) {
    found.wrong.push(`expected retryAfterMs ${expected.retryAfterMs}, got ${got.retryAfterMs}`);
  }
}

function checkAborted(result: CallResult, slack: Slack, found: Found): void {
  const late = abortLatency(result);
  if (late > slack.abortMs) found.late.push(`settled ${Math.round(late)} ms after its signal aborted`);
  if (result.error?.ctor !== "RequestAbortedError" || !result.error.causeIsReason) {
    const got = result.error?.ctor ?? `the value ${result.value}`;
    found.wrong.push(`expected RequestAbortedError with the signal's reason as cause, got ${got}`);
  }
}

/** Checks one call against the truth about its attempts: every rule it broke, wrong or late. */
export function checkCall(plan: CallPlan, result: CallResult, trace: CallTrace, slack: Slack): Found {
  const found: Found = { wrong: [], late: [] };
  const { seen } = trace;
  if (result.hung) return { wrong: [`never settled (watchdog at ${budgetMs(plan) + 5000} ms)`], late: [] };
  const overshoot = result.ms - budgetMs(plan);
  if (overshoot > slack.budgetMs) found.late.push(`settled ${Math.round(overshoot)} ms past its ${budgetMs(plan)} ms`);
  if (result.listenersLeft) found.wrong.push(`left ${result.listenersLeft} abort listener(s)`);
  if (plan.abort === "before" && seen.length) found.wrong.push("sent a request although the signal was aborted");
  checkSequence(plan, result, trace, found);
  const last = seen.at(-1);
  if (last?.end === "aborted" && !result.abortFired) found.wrong.push("an attempt was aborted, but not by the caller");
  if (result.abortFired) {
    checkAborted(result, slack, found);
    return found;
  }
  if (!last) return { ...found, wrong: [...found.wrong, "never sent a request"] };
  const met = metOn(trace, seen.length - 1, result);
  checkResult(result, expectedFor(met, sessionOperations[plan.op].errors), found);
  // Stopping on a retryable failure is right only when maxRetries are done or the next wait
  // could not fit the budget.
  const wait = longestWait(plan, met, seen.length - 1);
  const retriesLeft = seen.length - 1 < plan.policy.maxRetries;
  if (retryable(plan, met) && retriesLeft && result.ms + wait <= plan.policy.maxElapsedTime - 2) {
    found.wrong.push(`gave up after ${Math.round(result.ms)} ms with a wait of at most ${wait} ms`);
  }
  return found;
}

/** From the moment the call's signal aborted to its settling, in ms. */
function abortLatency(result: CallResult): number {
  return result.ms - (result.abortedAfterMs ?? 0);
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function traces(log: ChaosEntry[], attempts: Map<number, ClientAttempt[]>, problems: Problem[]) {
  const byCall = new Map<number, CallTrace>();
  const traceOf = (call: number) => {
    const trace = byCall.get(call) ?? { seen: attempts.get(call) ?? [], entries: new Map() };
    byCall.set(call, trace);
    return trace;
  };
  const wrong = (call: number | undefined, text: string) =>
    problems.push({ call, kind: "wrong", text, explanation: [] });
  for (const entry of log) {
    if (entry.call === undefined) wrong(undefined, `a request without a call id: ${entry.method} ${entry.url}`);
    else if (traceOf(entry.call).entries.has(entry.attempt)) {
      wrong(entry.call, `the server saw attempt ${entry.attempt} twice`);
    } else traceOf(entry.call).entries.set(entry.attempt, entry);
  }
  return traceOf;
}

function tally(verdict: Verdict, plan: CallPlan, result: CallResult, trace: CallTrace): void {
  const last = trace.seen.length ? metOn(trace, trace.seen.length - 1, result) : undefined;
  count(verdict.lastAttempts, !last ? "not sent" : last.kind === "answer" ? last.entry.action.kind : last.kind);
  count(verdict.outcomes, result.error?.ctor ?? (result.hung ? "hung" : "value"));
  if (trace.entries.size > 1) verdict.retriedCalls++;
  if (trace.entries.size > 1 && !plan.policy.fullPolicy) verdict.retriedCreates++;
  verdict.worstOvershootMs = Math.max(verdict.worstOvershootMs, result.ms - budgetMs(plan));
  if (result.abortFired) verdict.worstAbortMs = Math.max(verdict.worstAbortMs, abortLatency(result));
}

/** Checks a run: each call against the client's and the server's record of its attempts. */
export function checkChaos(
  plans: CallPlan[],
  results: CallResult[],
  truth: { log: ChaosEntry[]; attempts: Map<number, ClientAttempt[]> },
  slack: Slack,
): Verdict {
  const problems: Problem[] = [];
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
    const { wrong, late } = checkCall(plan, result, trace, slack);
    const explanation = wrong.length || late.length ? explainCall(plan, result, trace) : [];
    for (const text of wrong) problems.push({ call: plan.index, kind: "wrong", text, explanation });
    for (const text of late) problems.push({ call: plan.index, kind: "late", text, explanation });
    tally(verdict, plan, result, trace);
  });
  return verdict;
}

/** Two verdicts as one, as if their calls had been one run. */
export function addVerdicts(a: Verdict, b: Verdict): Verdict {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [key, n] of Object.entries(y)) out[key] = (out[key] ?? 0) + n;
    return out;
  };
  return {
    problems: [...a.problems, ...b.problems],
    lastAttempts: sum(a.lastAttempts, b.lastAttempts),
    outcomes: sum(a.outcomes, b.outcomes),
    faults: sum(a.faults, b.faults),
    requests: a.requests + b.requests,
    retriedCalls: a.retriedCalls + b.retriedCalls,
    retriedCreates: a.retriedCreates + b.retriedCreates,
    worstOvershootMs: Math.max(a.worstOvershootMs, b.worstOvershootMs),
    worstAbortMs: Math.max(a.worstAbortMs, b.worstAbortMs),
  };
}

/** One problem as report lines: the call and the broken rule, then everything known about the call. */
export function describeProblem(problem: Problem, seed: number): string[] {
  const call = problem.call === undefined ? "a request" : `call ${problem.call}`;
  const head = `${problem.kind.toUpperCase()} ${call} (seed ${seed}): ${problem.text}`;
  return [head, ...problem.explanation.map((line) => `    ${line}`)];
}
