/**
 * `npm run bench`: this SDK against a bare fetch and openapi-fetch used by hand, in one run on
 * loopback: app bundle size (a `vite build` with Vite's defaults, Vite 8 and 7, and esbuild), time per call
 * (as a ratio to the bare fetch: wall time, and the client process's CPU time, which a busy
 * machine disturbs far less), cold import and heap.
 * Usage: see `usage` below (`npm run bench -- --help`).
 *
 * The server runs in its own process; the SDK is the built package (dist/), rebuilt first.
 */
import { fileURLToPath } from "node:url";
import { buildJavaScript } from "../build.ts";
import { scriptFlags } from "../lib/script-flags.ts";
import { apps, type BundleSize, esbuildSize, viteSdkCost, viteSize } from "./bundle-size.ts";
import { contenders } from "./contenders.ts";
import { coldImportMs, heapAfterCalls, startFixtureServer } from "./processes.ts";
import { median, timeCalls } from "./timing.ts";

const usage = `
Usage: npm run bench -- [--rounds R] [--batch N] [--heap N,N...]

  --rounds R   alternating rounds per client, after 3 warm-up rounds (default 15)
  --batch N    calls per round (default 1000)
  --heap N,... the heap after this many calls, each in a fresh process (default 20000,100000)

Builds dist/ first, then prints app sizes (Vite 8 and 7, esbuild), time per call as a ratio
to a bare fetch, cold import and heap, for a bare fetch, openapi-fetch and mix-sdk.`;
const flags = scriptFlags(
  {
    rounds: { type: "string", default: "15" },
    batch: { type: "string", default: "1000" },
    heap: { type: "string", default: "20000,100000" },
  },
  usage,
);
const heapCounts = flags.heap.split(",").map(Number);
const distEntry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const importOf: Record<string, string | undefined> = { "openapi-fetch alone": "openapi-fetch", "mix-sdk": distEntry };
/** The app of bundle-size.ts that stands for each client timed here. */
const appOf: Record<string, string> = {
  "raw fetch + res.json()": "fetch by hand",
  "openapi-fetch alone": "openapi-fetch alone",
  "mix-sdk": "mix-sdk",
};
const heapName: Record<string, string> = {
  "raw fetch + res.json()": "raw",
  "openapi-fetch alone": "openapi-fetch",
  "mix-sdk": "mix-sdk",
};

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const bytes = ({ entry, lazy }: BundleSize) => (lazy ? `${entry} B + ${lazy} B lazy` : `${entry} B`);
const range = (values: number[], digits = 2) =>
  `${fixed(median(values), digits)} (${fixed(Math.min(...values), digits)}-${fixed(Math.max(...values), digits)})`;

await buildJavaScript();
const sdk = await import(distEntry);
const server = await startFixtureServer();
try {
  console.log(
    `Node ${process.version}, server ${server.url}, ${flags.rounds} rounds of ${flags.batch} calls per client\n`,
  );
  const timings = await timeCalls(contenders(sdk), server.url, {
    rounds: Number(flags.rounds),
    batch: Number(flags.batch),
  });
  const header = [
    "client",
    "Vite app, gzip (entry + lazy)",
    "esbuild app, gzip (entry + lazy)",
    "time per call / raw, median (min-max)",
    "µs per call",
    "client CPU per call / raw",
    "cold import, ms",
    ...heapCounts.map((n) => `heap after ${n / 1000}k calls, MiB`),
  ];
  const rows: string[][] = [];
  const vite: Record<string, BundleSize> = {};
  for (const timing of timings) {
    const app = apps[appOf[timing.name] ?? ""] ?? "";
    const size = await viteSize(app, { from: "dist" });
    vite[timing.name] = size;
    const esbuilt = await esbuildSize(app, { from: "dist" });
    const specifier = importOf[timing.name];
    const cold = specifier ? await coldImportMs(specifier) : undefined;
    const heaps: string[] = [];
    for (const count of heapCounts)
      heaps.push(fixed(await heapAfterCalls(heapName[timing.name] ?? "", server.url, count), 1));
    rows.push([
      timing.name,
      bytes(size),
      bytes(esbuilt),
      range(timing.ratios),
      range(timing.perCallUs, 0),
      range(timing.cpuRatios),
      cold ? `${fixed(cold.median, 1)} (${fixed(cold.min, 1)}-${fixed(cold.max, 1)})` : "-",
      ...heaps,
    ]);
  }
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  const added = (vite["mix-sdk"]?.entry ?? 0) - (vite["raw fetch + res.json()"]?.entry ?? 0);
  console.log(`\nmix-sdk adds ${added} B gzip to the entry chunk of a Vite app that lists the sessions.`);
  const vite7 = await viteSdkCost({ from: "dist" }, "vite7");
  console.log(`Built with Vite 7 (Rollup, esbuild's minifier): ${vite7.entry} B.`);
  const raw = await viteSdkCost({ from: "dist" }, "vite", "mix-sdk with mix-sdk/raw");
  console.log(`An app that also uses mix-sdk/raw (openapi-fetch included): ${raw.entry} B.`);
  const query = await viteSdkCost({ from: "dist" }, "vite", "mix-sdk with mix-sdk/query", "mix-sdk");
  console.log(`mix-sdk/query (the six option factories) adds ${query.entry} B beyond the main entry.`);
} finally {
  server.stop();
}
