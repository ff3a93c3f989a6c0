/**
 * `npm run bench:mock`: how fast `mix-mock` starts and answers, with Prism checking and without
 * it, in one run on loopback. The bin is built first (dist/mix-mock.js); "without Prism" runs a
 * copy of it outside this repository, where `@stoplight/prism-cli` cannot be found, as in a
 * project that did not install it.
 * Usage: see `usage` below (`npm run bench:mock -- --help`).
 *
 * Start time is from spawning `node dist/mix-mock.js` to its "listening" line; latency is per
 * request, one at a time, over a mix of list, get and create.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBin } from "../build.ts";
import { scriptFlags } from "../lib/script-flags.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const usage = `
Usage: npm run bench:mock -- [--starts N] [--requests N]

  --starts N     starts of the built mix-mock per mode, with Prism and without (default 5)
  --requests N   requests per mode, one at a time: list, get, create (default 400)`;
const flags = scriptFlags(
  { starts: { type: "string", default: "5" }, requests: { type: "string", default: "400" } },
  usage,
);

/** Starts the bin and resolves with its URL and the milliseconds it took to listen. */
function start(bin: string): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "--port", "0", "--quiet"], {
    env: { ...process.env, SCARF_ANALYTICS: "false" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`mix-mock exited with ${code}:\n${output}`)));
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, ms: performance.now() - started });
    });
  });
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Milliseconds per request, one at a time: list, get and create in turn. */
async function latencies(url: string, count: number): Promise<number[]> {
  const id = "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17";
  const requests: [string, RequestInit][] = [
    ["/api/sessions", {}],
    [`/api/sessions/${id}`, {}],
    ["/api/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: '{"title":"bench"}' }],
  ];
  for (const [path, init] of requests) await (await fetch(`${url}${path}`, init)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const [path, init] = requests[i % requests.length] as [string, RequestInit];
    const started = performance.now();
    const response = await fetch(`${url}${path}`, init);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function measure(name: string, bin: string) {
  const starts: number[] = [];
  for (let i = 0; i < Number(flags.starts); i++) {
    const { child, ms } = await start(bin);
    starts.push(ms);
    await stop(child);
  }
  const { child, url } = await start(bin);
  try {
    const times = await latencies(url, Number(flags.requests));
    starts.sort((a, b) => a - b);
    const row = [name, percentile(starts, 0.5), percentile(times, 0.5), percentile(times, 0.95)];
    return row.map((v) => (typeof v === "number" ? v.toFixed(v < 10 ? 2 : 0) : v));
  } finally {
    await stop(child);
  }
}

await buildBin();
const bin = join(root, "dist/mix-mock.js");
const outside = mkdtempSync(join(tmpdir(), "mix-mock-bench-"));
try {
  mkdirSync(join(outside, "dist"));
  cpSync(bin, join(outside, "dist/mix-mock.js"));
  cpSync(join(root, "spec"), join(outside, "spec"), { recursive: true });
  const rows = [
    await measure("with Prism (checked)", bin),
    await measure("without Prism", join(outside, "dist/mix-mock.js")),
  ];
  console.log(`mix-mock: ${flags.starts} starts, ${flags.requests} requests one at a time (list, get, create)\n`);
  console.log("| mode | start (median ms) | request p50 (ms) | request p95 (ms) |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
} finally {
  rmSync(outside, { recursive: true, force: true });
}
