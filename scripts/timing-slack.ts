/**
 * `npm run timing:slack`: how much slack the timing tests need on this machine. Runs the fault
 * tests that time the SDK (timeouts, retry waits, aborts) again and again, each measurement
 * logged through TIMING_LOG (test/helpers/timing.ts), optionally while extra processes spin the
 * CPU, and prints two distributions in ms:
 * - "vs reference": how far after a reference timer of the same length (or after the event it
 *   answers, such as an abort) the SDK's event landed. This is what the tests bound
 *   (timingSlack.earlyMs and lateMs).
 * - "machine": how late the reference timers themselves fired: what a bound against the wall
 *   clock would have had to allow.
 * It also counts the runs that failed, so a bound that is too tight shows up as failures.
 * Usage: see `usage` below (`npm run timing:slack -- --help`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scriptFlags } from "./lib/script-flags.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const timingFiles = ["timeouts", "retries", "abort", "non-idempotent"].map((name) => `test/faults/${name}.test.ts`);

const usage = `
Usage: npm run timing:slack -- [--runs N] [--busy P]

  --runs N   runs of the timing tests of test/faults/ (default 20)
  --busy P   processes that spin the CPU meanwhile (default 0)`;
const flags = scriptFlags({ runs: { type: "string", default: "20" }, busy: { type: "string", default: "0" } }, usage);
const runs = Number(flags.runs);
const busy = Number(flags.busy);

type Sample = { what: string; ms: number; delta: number; blockedMs: number; machineLateMs: number };

function runTests(log: string): Promise<{ code: number | null; output: string }> {
  const vitest = `${root}node_modules/vitest/vitest.mjs`;
  const child = spawn(process.execPath, [vitest, "run", "--project", "faults", ...timingFiles], {
    cwd: root,
    env: { ...process.env, TIMING_LOG: log },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

function spinners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function row(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const cells = [sorted[0] ?? 0, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted.at(-1) ?? 0];
  return `| ${label} | ${values.length} | ${cells.map((v) => v.toFixed(1)).join(" | ")} |`;
}

function report(samples: Sample[], failed: string[]): void {
  const kinds = [...new Set(samples.map((s) => s.what))].sort();
  console.log(`\n${runs} runs of ${timingFiles.length} files, ${busy} spinning processes besides the machine's load`);
  console.log("| SDK event vs reference, ms | n | min | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|");
  for (const kind of kinds) {
    const own = samples.filter((s) => s.what === kind);
    console.log(
      row(
        kind,
        own.map((s) => s.delta - s.blockedMs),
      ),
    );
  }
  // Forced GCs may make the SDK late, never early: they count only on the late side.
  const early = samples.filter((s) => !s.what.endsWith("(latest)")).map((s) => s.delta);
  const late = samples.filter((s) => !s.what.endsWith("(earliest)")).map((s) => s.delta - s.blockedMs);
  console.log(row("**all, early side** (min matters)", early));
  console.log(row("**all, late side** (max matters)", late));
  const timers = samples.filter((s) => s.ms > 0);
  console.log(
    `\n${row(
      "reference timers themselves vs the wall clock (machine)",
      timers.map((s) => s.machineLateMs),
    )}`,
  );
  console.log(`\nfailed runs: ${failed.length} of ${runs}`);
  for (const failure of failed) console.log(failure);
}

async function main(): Promise<void> {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  const dir = `${root}tmp/timing-slack`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const load = spinners(busy);
  const failed: string[] = [];
  const samples: Sample[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const log = `${dir}/run-${run}.jsonl`;
      const { code, output } = await runTests(log);
      const lines = readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
      samples.push(...lines.map((line) => JSON.parse(line) as Sample));
      if (code !== 0) failed.push(`run ${run}: ${output.match(/AssertionError[^\n]*/g)?.join("; ") ?? `exit ${code}`}`);
      process.stdout.write(code === 0 ? "." : "F");
    }
  } finally {
    for (const child of load) child.kill("SIGKILL");
  }
  report(samples, failed);
}

await main();
