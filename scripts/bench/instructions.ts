/**
 * `npm run bench:instructions`: the instructions one call costs, counted by valgrind's
 * callgrind, so the figure is the same whatever else the machine is doing (wall and CPU times
 * swing by tens of percent on a shared machine). Each contender runs N1 and then N2 calls over
 * a stubbed fetch in a fresh `node --predictable --single-threaded` (no concurrent compiler,
 * so the count repeats to a few parts in a million); (count(N2) - count(N1)) / (N2 - N1) is
 * one call. Needs valgrind (Debian: `apt-get install valgrind`); about a minute per contender.
 * Usage: see `usage` below (`npm run bench:instructions -- --help`).
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildJavaScript } from "../build.ts";
import { scriptFlags } from "../lib/script-flags.ts";

const run = promisify(execFile);
const child = fileURLToPath(new URL("instructions-child.mjs", import.meta.url));
const here = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const usage = `
Usage: npm run bench:instructions -- [--vs DIR] [--calls N1,N2]

  --vs DIR       also count the build in DIR/dist (another checkout, built there first)
  --calls N1,N2  the two call counts whose difference is measured (default 500,1500)

Needs valgrind (Debian: apt-get install valgrind); about a minute per contender.`;
const flags = scriptFlags({ vs: { type: "string" }, calls: { type: "string", default: "500,1500" } }, usage);
const [fewer = 500, more = 1500] = flags.calls.split(",").map(Number);

/** Instructions callgrind counts for a whole process that makes `calls` calls. */
async function count(contender: string, sdk: string, calls: number): Promise<number> {
  const args = ["--tool=callgrind", "--callgrind-out-file=/dev/null"];
  const node = [process.execPath, "--predictable", "--single-threaded", child, contender, sdk, String(calls)];
  const { stderr } = await run("valgrind", [...args, ...node], { maxBuffer: 16 * 1024 * 1024 });
  const collected = /Collected : (\d+)/.exec(stderr)?.[1];
  if (!collected) throw new Error(`callgrind printed no count:\n${stderr}`);
  return Number(collected);
}

async function perCall(contender: string, sdk = here): Promise<number> {
  const [a, b] = [await count(contender, sdk, fewer), await count(contender, sdk, more)];
  return (b - a) / (more - fewer);
}

await buildJavaScript();
const rows: [string, number][] = [
  ["raw fetch + res.json()", await perCall("raw")],
  ["openapi-fetch alone", await perCall("openapi-fetch")],
  ["mix-sdk", await perCall("mix-sdk")],
];
if (flags.vs) rows.push([`mix-sdk at ${flags.vs}`, await perCall("mix-sdk", resolve(flags.vs, "dist/index.js"))]);
const bare = rows[0]?.[1] ?? 1;
console.log("| client | instructions per call | over the bare fetch | / bare fetch |\n|---|---|---|---|");
for (const [name, n] of rows) {
  console.log(`| ${name} | ${Math.round(n)} | ${Math.round(n - bare)} | ${(n / bare).toFixed(3)} |`);
}
