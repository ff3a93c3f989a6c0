/**
 * `npm run soak`: the chaos run of test/faults/chaos.test.ts, for as long as you like. One
 * client drives mixed calls through a chaos server it starts on 127.0.0.1 (never anything
 * else), in batches, and checks every batch against the server's log and undici's view of each
 * attempt. Every problem is printed as it is found, with the seed, the call, what was expected,
 * what happened and each attempt as both sides saw it, and written to a report file that
 * survives a crash. Problems are "wrong" (the contract was broken) or "late" (right, but past
 * the stated tolerance; the event loop's own lag is printed beside them).
 *
 * Exit code: 0 when nothing was wrong (late calls are reported, not failed, unless
 * --fail-on-late), 1 when something was, 2 when the soak itself crashed.
 * Usage: see `usage` below (`npm run soak -- --help`).
 */
import { chaosSeed } from "../test/helpers/chaos-actions.ts";
import { type CallResult, chaosClient, planCalls, runCalls } from "../test/helpers/chaos-calls.ts";
import { checkChaos, type Slack, type Verdict } from "../test/helpers/chaos-oracle.ts";
import { startProbe } from "../test/helpers/chaos-probe.ts";
import { startChaosServer } from "../test/helpers/chaos-server.ts";
import { scriptFlags } from "./lib/script-flags.ts";
import { heapUsed, listed, mib, type SoakReport, startReport } from "./lib/soak-report.ts";

const usage = `
Usage: npm run soak -- [--seconds S] [--calls N] [--concurrency C] [--seed N] [--from I] [--report FILE] [--fail-on-late]

  --seconds S      stop after S seconds (default 60)
  --calls N        or after N calls, whichever comes first (default 200000)
  --concurrency C  calls in flight at once (default 50)
  --seed N         the seed of the calls and faults (default: CHAOS_SEED, else random)
  --from I         start at call I of the seed's sequence: replays the batch a problem names
  --report FILE    where to write the problems (default tmp/soak/seed-<seed>.txt)
  --fail-on-late   exit 1 on late calls too, not only on wrong ones

  npm run soak -- --seconds 600 --concurrency 100 --seed 42
  npm run soak -- --seed 42 --from 4200 --calls 500   the batch a problem was found in, again

Exit code: 0 when nothing was wrong, 1 when something was, 2 when the soak itself crashed.`;
const flags = scriptFlags(
  {
    seconds: { type: "string", default: "60" },
    calls: { type: "string", default: "200000" },
    concurrency: { type: "string", default: "50" },
    seed: { type: "string" },
    from: { type: "string", default: "0" },
    report: { type: "string" },
    "fail-on-late": { type: "boolean", default: false },
  },
  usage,
);
const seconds = Number(flags.seconds);
const maxCalls = Number(flags.calls);
const concurrency = Number(flags.concurrency);
const from = Number(flags.from);
const seed = chaosSeed(Math.floor(Math.random() * 2 ** 31), flags.seed ?? process.env.CHAOS_SEED);
for (const [name, value] of Object.entries({ seconds, calls: maxCalls, concurrency })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}
if (!Number.isSafeInteger(from) || from < 0) throw new Error("--from must be a call index >= 0");
const batchSize = Math.max(concurrency * 10, 500);
/** The stated tolerance: how late a call may settle past its budget, and after its signal aborts. */
const slack: Slack = { budgetMs: 500, abortMs: 250 };
/** undici gives up connecting after 10 s: wait that long for it to report abandoned attempts. */
const drainMs = 15_000;

/** Counters for the whole soak. */
type Totals = { calls: number; requests: number; results: Record<string, number>; faults: Record<string, number> };
type Soak = {
  mix: ReturnType<typeof chaosClient>;
  server: Awaited<ReturnType<typeof startChaosServer>>;
  probe: ReturnType<typeof startProbe>;
  report: SoakReport;
};

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** Runs and checks one batch of calls starting at call `first`, and reports what it found. */
async function batch(soak: Soak, first: number, size: number, gentle = false): Promise<Verdict> {
  soak.server.reset();
  soak.probe.reset();
  soak.report.batchStarted(first, size);
  const plans = planCalls(seed, size, first);
  const results: CallResult[] = await runCalls(soak.mix, plans, gentle ? 5 : concurrency);
  await soak.probe.drain(drainMs);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const verdict = checkChaos(plans, results, { log: soak.server.log, attempts: soak.probe.attempts }, slack);
  soak.report.problems(verdict.problems, `--seed ${seed} --from ${first} --calls ${size} --concurrency ${concurrency}`);
  return verdict;
}

function record(totals: Totals, verdict: Verdict, size: number): void {
  totals.calls += size;
  totals.requests += verdict.requests;
  add(totals.results, verdict.outcomes);
  add(totals.faults, verdict.faults);
}

async function run(soak: Soak, totals: Totals): Promise<void> {
  // A first, gentle batch loads undici and the server's huge answers before the heap is measured.
  const warmUp = Math.min(200, maxCalls);
  record(totals, await batch(soak, from, warmUp, true), warmUp);
  const heapBefore = await heapUsed();
  const started = performance.now();
  let lastLine = started;
  while (totals.calls < maxCalls && performance.now() - started < seconds * 1000) {
    const size = Math.min(batchSize, maxCalls - totals.calls);
    record(totals, await batch(soak, from + totals.calls, size), size);
    if (performance.now() - lastLine > 5000) {
      lastLine = performance.now();
      soak.report.line(
        `  ${((lastLine - started) / 1000).toFixed(0)} s: ${totals.calls} calls, ${soak.report.counts()}`,
      );
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const heapAfter = await heapUsed();
  const measured = totals.calls - warmUp;
  const gc = (globalThis as { gc?: unknown }).gc ? "after GC" : "no GC: run node with --expose-gc";
  soak.report.line(
    `  calls ${totals.calls} (${totals.requests} requests; ${warmUp} calls of warm-up, then ${elapsed.toFixed(1)} s):`,
  );
  soak.report.line(
    `    ${(measured / elapsed).toFixed(0)} calls/s, ${(totals.requests / elapsed).toFixed(0)} requests/s`,
  );
  soak.report.line(`  results: ${listed(totals.results)}`);
  soak.report.line(`  faults met: ${listed(totals.faults)}`);
  soak.report.line(`  heap before ${mib(heapBefore)}, after ${mib(heapAfter)} (${gc})`);
}

async function main(): Promise<number> {
  const report = startReport(seed, flags.report, slack);
  report.line(
    `mix-sdk soak: seed ${seed}, calls from ${from}, up to ${seconds} s or ${maxCalls} calls, ${concurrency} in flight`,
  );
  // An unhandled rejection would end the process before any report: record it as wrong instead.
  const onUnhandled = (reason: unknown) => report.unhandled(reason);
  process.on("unhandledRejection", onUnhandled);
  const probe = startProbe();
  const server = await startChaosServer(seed);
  report.line(`  chaos server ${server.url} (loopback); report in ${report.path}`);
  const totals: Totals = { calls: 0, requests: 0, results: {}, faults: {} };
  try {
    await run({ mix: chaosClient(server.url), server, probe, report }, totals);
  } catch (error) {
    report.crashed(error, totals.calls + from);
    return 2;
  } finally {
    await server.close();
    probe.stop();
    process.off("unhandledRejection", onUnhandled);
  }
  return report.finish(flags["fail-on-late"]);
}

process.exitCode = await main();
