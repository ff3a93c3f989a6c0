/**
 * `npm run soak`: the chaos run of test/faults/chaos.test.ts, for as long as you like. One
 * client drives mixed calls through a chaos server it starts on 127.0.0.1 (never anything
 * else), in batches, and checks every batch against the server's log and undici's view of each
 * attempt. Prints calls per second, the results seen, the faults met and the heap before and
 * after; exits 1 when any call broke the contract.
 *
 *   npm run soak                                       60 s or 200,000 calls, 50 in flight
 *   npm run soak -- --seconds 600 --calls 1000000 --concurrency 100 --seed 42
 */
import { parseArgs } from "node:util";
import { chaosSeed } from "../test/helpers/chaos-actions.ts";
import { type CallResult, chaosClient, planCalls, runCalls } from "../test/helpers/chaos-calls.ts";
import { checkChaos, type Verdict } from "../test/helpers/chaos-oracle.ts";
import { startProbe } from "../test/helpers/chaos-probe.ts";
import { startChaosServer } from "../test/helpers/chaos-server.ts";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    calls: { type: "string", default: "200000" },
    concurrency: { type: "string", default: "50" },
    seed: { type: "string" },
  },
});
const seconds = Number(flags.seconds);
const maxCalls = Number(flags.calls);
const concurrency = Number(flags.concurrency);
const seed = chaosSeed(Math.floor(Math.random() * 2 ** 31), flags.seed ?? process.env.CHAOS_SEED);
for (const [name, value] of Object.entries({ seconds, calls: maxCalls, concurrency })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}
const batchSize = Math.max(concurrency * 10, 500);
const slack = { budgetMs: 500, abortMs: 250 };

/** Counters for the whole soak. */
type Totals = { calls: number; requests: number; results: Record<string, number>; faults: Record<string, number> };

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function heapUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; gc && i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

function listed(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}

type Soak = { mix: ReturnType<typeof chaosClient>; server: Awaited<ReturnType<typeof startChaosServer>> };

/** Runs and checks one batch of calls starting at call `first`. */
async function batch(soak: Soak, probe: ReturnType<typeof startProbe>, first: number, size: number) {
  soak.server.reset();
  probe.reset();
  const plans = planCalls(seed, size, first);
  const results: CallResult[] = await runCalls(soak.mix, plans, first === 0 ? 5 : concurrency);
  await probe.drain(5000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return checkChaos(plans, results, { log: soak.server.log, attempts: probe.attempts }, slack);
}

function record(totals: Totals, verdict: Verdict, size: number, problems: string[]): void {
  totals.calls += size;
  totals.requests += verdict.requests;
  add(totals.results, verdict.outcomes);
  add(totals.faults, verdict.faults);
  problems.push(...verdict.problems);
}

async function main(): Promise<number> {
  const probe = startProbe();
  const server = await startChaosServer(seed);
  const soak = { mix: chaosClient(server.url), server };
  console.log(`mix-sdk soak: seed ${seed}, up to ${seconds} s or ${maxCalls} calls, ${concurrency} in flight`);
  console.log(`  chaos server ${server.url} (loopback); replay with --seed ${seed}`);
  const totals: Totals = { calls: 0, requests: 0, results: {}, faults: {} };
  const problems: string[] = [];
  try {
    // A first, gentle batch loads undici and the server's huge answers before the heap is measured.
    record(totals, await batch(soak, probe, 0, 200), 200, problems);
    const heapBefore = await heapUsed();
    const started = performance.now();
    let lastLine = started;
    while (totals.calls < maxCalls && performance.now() - started < seconds * 1000) {
      const size = Math.min(batchSize, maxCalls - totals.calls);
      record(totals, await batch(soak, probe, totals.calls, size), size, problems);
      if (performance.now() - lastLine > 5000) {
        lastLine = performance.now();
        console.log(
          `  ${((lastLine - started) / 1000).toFixed(0)} s: ${totals.calls} calls, ${problems.length} problems`,
        );
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    const heapAfter = await heapUsed();
    summarize(totals, elapsed, heapBefore, heapAfter, problems);
  } finally {
    await server.close();
    probe.stop();
  }
  return problems.length ? 1 : 0;
}

function summarize(totals: Totals, elapsed: number, before: number, after: number, problems: string[]): void {
  const measured = totals.calls - 200;
  const gc = (globalThis as { gc?: unknown }).gc ? "after GC" : "no GC: run node with --expose-gc";
  console.log(
    `  calls ${totals.calls} (${totals.requests} requests; 200 calls of warm-up, then ${elapsed.toFixed(1)} s):`,
  );
  console.log(`    ${(measured / elapsed).toFixed(0)} calls/s, ${(totals.requests / elapsed).toFixed(0)} requests/s`);
  console.log(`  results: ${listed(totals.results)}`);
  console.log(`  faults met: ${listed(totals.faults)}`);
  console.log(`  heap before ${mib(before)}, after ${mib(after)} (${gc})`);
  console.log(`  contract problems: ${problems.length}`);
  for (const problem of problems.slice(0, 20)) console.log(`    ${problem}`);
}

process.exitCode = await main();
