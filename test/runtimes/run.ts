/**
 * `npm run test:runtimes`: runs the consumer smoke suite (smoke.mjs: all six operations, a
 * documented error, mix-sdk/raw, a retry, create's no-retry rule, a timeout, an abort, a refused
 * connection) on Node 20 (this one), Node 22 and 24, Bun and Deno, against a Prism mock and a
 * misbehaving node:http server started here. The runtimes are npm packages pinned in
 * test/runtimes/package.json, installed on first use, never dependencies of the SDK itself.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildJavaScript } from "../../scripts/build.ts";
import { freePort, startPrism } from "../../scripts/lib/prism.ts";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here("../../");
const bin = (path: string) => here(`node_modules/${path}`);
const smoke = here("smoke.mjs");

/** Each runtime: its name and the command that runs the smoke suite with it. */
const runtimes: [string, string, string[]][] = [
  ["Node 20", process.execPath, [smoke]],
  ["Node 22", bin("node22/bin/node"), [smoke]],
  ["Node 24", bin("node24/bin/node"), [smoke]],
  ["Bun", bin("bun/bin/bun.exe"), [smoke]],
  ["Deno", bin("deno/deno"), ["run", "--allow-net", "--allow-env", "--allow-read", smoke]],
];

/** Runs a command without blocking this process, whose servers must keep answering. */
function runAsync(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ passed: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ passed: !error, output: `${stdout}${stderr}` }),
    );
  });
}

function version(command: string): string {
  return spawnSync(command, ["--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "?";
}

// npm install, not npm ci: the registry lacks some of deno's other-platform packages, which npm ci
// insists on finding in the lock file.
if (!existsSync(bin("deno/deno"))) {
  console.log("Installing the runtimes (test/runtimes/package.json)...");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--no-save"], {
    cwd: here("."),
    stdio: "inherit",
  });
  if (install.status !== 0) process.exit(1);
}
await buildJavaScript();

const counts = new Map<string, number>();
const latePort = await freePort();
let late: Promise<TestServer> | undefined;
/** Starts, 100 ms from now, a server on a port that refuses connections until then. */
async function openLate() {
  await (await late)?.close();
  late = new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
    startServer((_req, res) => sendJson(res, 201, { data: sampleSession }), latePort),
  );
}
const faults = await startServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/open-late") return void openLate().then(() => res.end("ok"));
  if (url.pathname === "/late-count") return void late?.then((server) => res.end(String(server.requests.length)));
  if (url.pathname === "/count") return void res.end(String(counts.get(url.searchParams.get("key") ?? "") ?? 0));
  const key = `${req.method} ${url.pathname}`;
  const seen = (counts.get(key) ?? 0) + 1;
  counts.set(key, seen);
  if (url.pathname.endsWith("/stall")) return;
  if (url.pathname.endsWith("/flaky") && seen > 1)
    return sendJson(res, 200, { data: { ...sampleSession, title: `attempt ${seen}` } });
  sendJson(res, 503, { error: { code: 503, message: "unavailable", type: "internal_error" } });
});
const prism = await startPrism();
const refused = `http://127.0.0.1:${await freePort()}`;

const results: string[] = [];
try {
  for (const [name, command, args] of runtimes) {
    counts.clear();
    const env = {
      ...process.env,
      PRISM_URL: prism.url,
      FAULT_URL: faults.url,
      REFUSED_URL: refused,
      LATE_URL: `http://127.0.0.1:${latePort}`,
    };
    const { passed, output } = await runAsync(command, args, env);
    console.log(`\n${name} (${version(command)}): ${passed ? "passed" : "FAILED"}\n${output}`);
    results.push(`| ${name} | ${version(command)} | ${passed ? "pass" : "FAIL"} |`);
  }
} finally {
  await Promise.all([prism.stop(), faults.close(), late?.then((server) => server.close())]);
}
console.log(`| runtime | version | smoke suite |\n|---|---|---|\n${results.join("\n")}`);
process.exitCode = results.some((r) => r.endsWith("FAIL |")) ? 1 : 0;
