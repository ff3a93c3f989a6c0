import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median } from "./timing.ts";

const run = promisify(execFile);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

/** Starts the fixture server in its own process; resolves with its URL and a stop function. */
export async function startFixtureServer(): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", here("fixture-server.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`fixture server exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

/** Median milliseconds a fresh `node` takes to import a module (`runs` processes). */
export async function coldImportMs(
  specifier: string,
  runs = 11,
): Promise<{ median: number; min: number; max: number }> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    times.push(Number(stdout.trim()));
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** Heap in MiB after `calls` calls of a contender, in a fresh process, after garbage collection. */
export async function heapAfterCalls(contender: string, serverURL: string, calls: number): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ["--expose-gc", here("heap-child.mjs"), contender, serverURL, String(calls)],
    {
      cwd: root,
      maxBuffer: 1 << 20,
    },
  );
  return Number(stdout.trim()) / 2 ** 20;
}
