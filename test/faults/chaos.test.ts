import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ActionKind } from "../helpers/chaos-actions.ts";
import { chaosSeed } from "../helpers/chaos-actions.ts";
import { type CallPlan, type CallResult, chaosClient, planCalls, runCalls } from "../helpers/chaos-calls.ts";
import { addVerdicts, checkChaos, describeProblem, type Slack, type Verdict } from "../helpers/chaos-oracle.ts";
import { type ClientAttempt, startProbe } from "../helpers/chaos-probe.ts";
import { startChaosServer } from "../helpers/chaos-server.ts";
import { delay, within } from "../helpers/faults.ts";

// A fixed seed keeps `npm test` repeatable; CHAOS_SEED=<n> replays a run, CHAOS_SEED=random explores.
const seed = chaosSeed(20261124);
const calls = Number(process.env.CHAOS_CALLS ?? 3000);
/**
 * Scheduling slack on a shared 2-core machine, where the client, the server and other test
 * files share the CPU: past a call's budget (one timeout with retries off), and after its signal
 * aborts. A call later than that is reported as late, not failed: the timing tests
 * (timeouts, retries, abort) judge timing, with slack measured for it.
 */
const slack: Slack = { budgetMs: 500, abortMs: 250 };

/** The problems of one kind, each with the call's whole story, for an assertion message. */
function explained(verdict: Verdict, kind: "wrong" | "late", seedOfRun: number): string[] {
  return verdict.problems.filter((p) => p.kind === kind).map((p) => describeProblem(p, seedOfRun).join("\n"));
}
const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/chaos-child.ts", import.meta.url));

const faultKinds: ActionKind[] = [
  ...["ok", "huge", "status", "bad-json", "stall-headers", "stall-body"],
  ...["drop-before-body", "drop-after-body", "drop-mid-body"],
] as ActionKind[];
const errorClasses = [
  ...["RESTResponseError", "MixDefaultError", "ResponseValidationError"],
  ...["ConnectionError", "RequestTimeoutError", "RequestAbortedError"],
];

/** Counts of the resources keeping the event loop alive, by type. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function report(verdict: Verdict, ms: number, callCount: number): string {
  const { requests, retriedCalls, retriedCreates, worstOvershootMs, worstAbortMs } = verdict;
  return [
    `chaos seed ${seed}: ${callCount} calls, ${requests} requests in ${Math.round(ms)} ms`,
    `  faults met: ${JSON.stringify(verdict.faults)}`,
    `  last attempts: ${JSON.stringify(verdict.lastAttempts)}`,
    `  outcomes: ${JSON.stringify(verdict.outcomes)}`,
    `  retried calls ${retriedCalls} (create/fork after a 429: ${retriedCreates});` +
      ` worst overshoot ${worstOvershootMs.toFixed(0)} ms; worst abort ${worstAbortMs.toFixed(0)} ms`,
    ...explained(verdict, "late", seed).slice(0, 5),
  ].join("\n");
}

/** How the run falls short of proving something: every kind of fault and every way a call ends. */
function gaps(verdict: Verdict, plans: CallPlan[]): string[] {
  const missing = [
    ...faultKinds.filter((kind) => (verdict.faults[kind] ?? 0) <= 5).map((kind) => `requests that met ${kind}`),
    ...["value", ...errorClasses]
      .filter((name) => !verdict.outcomes[name])
      .map((name) => `calls that ended with ${name}`),
  ];
  if (new Set(plans.map((plan) => plan.op)).size < 6) missing.push("calls of all six operations");
  if (!verdict.retriedCreates) missing.push("create or fork calls retried after a 429");
  if (!plans.some((plan) => plan.abort === "before")) missing.push("calls aborted before they started");
  return missing;
}

describe("chaos: one client, thousands of concurrent calls, faults at random", () => {
  it(`settles every call as the contract says and never duplicates a session (seed ${seed})`, {
    timeout: 180_000,
  }, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const before = resources();
    const probe = startProbe();
    const server = await startChaosServer(seed);
    let verdict: Verdict | undefined;
    const plans: CallPlan[] = [];
    let settled: Record<string, number> = {};
    try {
      const mix = chaosClient(server.url);
      const round = async (first: number, count: number) => {
        server.reset();
        probe.reset();
        const planned = planCalls(seed, count, first);
        // A gentle start first: a process's first fetches load undici and open connections.
        const gentle = first === 0 ? 50 : 0;
        const results = [
          ...(await runCalls(mix, planned.slice(0, gentle), 5)),
          ...(await runCalls(mix, planned.slice(gentle), 50)),
        ];
        // undici gives up connecting after 10 s: wait that long for it to report abandoned attempts.
        await probe.drain(15_000);
        await delay(50);
        plans.push(...planned);
        return checkChaos(planned, results, { log: server.log, attempts: probe.attempts }, slack);
      };
      const started = performance.now();
      verdict = await round(0, calls);
      // On a starved machine most attempts time out, and some endings are rarely met: go on,
      // 1,000 calls at a time and at most 3,000 more, until every one has been.
      for (let first = calls; gaps(verdict, plans).length && first < calls + 3000; first += 1000) {
        verdict = addVerdicts(verdict, await round(first, 1000));
      }
      console.log(report(verdict, performance.now() - started, plans.length));
    } finally {
      await server.close();
      settled = resources();
      probe.stop();
      process.off("unhandledRejection", onUnhandled);
    }

    const wrong = explained(verdict, "wrong", seed);
    expect(wrong.slice(0, 10), `chaos seed ${seed}: ${wrong.length} calls broke the contract`).toEqual([]);
    expect(gaps(verdict, plans), `chaos seed ${seed}: what ${plans.length} calls never met`).toEqual([]);
    expect(unhandled).toEqual([]);
    // A timer left by a call would outlive it by at most one short timeout: look at once.
    expect(settled.Timeout ?? 0, "timers left once every call settled").toBeLessThanOrEqual(before.Timeout ?? 0);
    await delay(200);
    const after = resources();
    for (const type of ["Timeout", "TCPSocketWrap", "TCPServerWrap"]) {
      expect(after[type] ?? 0, `${type} left behind`).toBeLessThanOrEqual(before[type] ?? 0);
    }
  });

  it(`a process that made hundreds of chaos calls exits at once after they settle (seed ${seed})`, {
    timeout: 60_000,
  }, async () => {
    const server = await startChaosServer(seed + 1);
    const child = spawn(process.execPath, ["--import", "tsx", fixture], {
      cwd: root,
      env: { ...process.env, CHAOS_SERVER_URL: server.url, CHAOS_SEED: String(seed + 1), CHAOS_CALLS: "300" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = { stdout: "", stderr: "", settledAt: Number.POSITIVE_INFINITY };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output.stdout += chunk;
      if (/^settled$/m.test(output.stdout)) output.settledAt = Math.min(output.settledAt, performance.now());
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output.stderr += chunk;
    });
    try {
      const [code] = await within(once(child, "exit"), 45_000, `the child's exit (stderr: ${output.stderr})`);
      const exitedAt = performance.now();
      await delay(100);

      expect(output.stderr).toBe("");
      expect(code).toBe(0);
      expect(exitedAt - output.settledAt).toBeLessThan(1500);
      const [line, last] = output.stdout.trim().split("\n");
      expect(last).toBe("settled");
      const run = JSON.parse(line ?? "") as { results: CallResult[]; attempts: [number, ClientAttempt[]][] };
      const truth = { log: server.log, attempts: new Map(run.attempts) };
      const verdict = checkChaos(planCalls(seed + 1, 300), run.results, truth, slack);
      const wrong = explained(verdict, "wrong", seed + 1);
      expect(wrong.slice(0, 10), `chaos seed ${seed + 1} in a child process: ${wrong.length} wrong`).toEqual([]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await server.close();
    }
  });
});
