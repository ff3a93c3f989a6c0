/**
 * `npm run bench:stubbed`: the SDK's own work per call, without the network. The global fetch
 * is replaced by a stub that answers at once, so what remains is our code plus building a
 * Response; run it under `node --cpu-prof` (see CONTRIBUTING.md) to see where the time goes.
 */
import { buildJavaScript } from "../build.ts";
import { scriptFlags } from "../lib/script-flags.ts";
import { contenders, sessionId } from "./contenders.ts";
import { median, timeCalls } from "./timing.ts";

scriptFlags(
  {},
  `
Usage: npm run bench:stubbed
       node --cpu-prof --import tsx scripts/bench/stubbed.ts   (then open the .cpuprofile in DevTools)

Builds dist/, then times GET one session over a stubbed fetch: 15 rounds of 20,000 calls per
client, printed in µs per call and over the bare stub.`,
);

const body = JSON.stringify({ data: { id: sessionId, title: "t", createdAt: "2025-09-10T18:59:13+05:30" } });
const init = { status: 200, headers: { "content-type": "application/json" } };
globalThis.fetch = async () => new Response(body, init);

await buildJavaScript();
const distEntry = new URL("../../dist/index.js", import.meta.url).href;
const sdk = (await import(distEntry)) as typeof import("../../src/index.ts");
const timings = await timeCalls(contenders(sdk), "http://127.0.0.1:1", { rounds: 15, batch: 20_000 });
const base = median(timings[0]?.perCallUs ?? []);
for (const t of timings) {
  const us = median(t.perCallUs);
  console.log(`${t.name.padEnd(24)} ${us.toFixed(2)} µs per call, ${(us - base).toFixed(2)} µs over the bare stub`);
}
