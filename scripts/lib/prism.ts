import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { specPath } from "./spec.ts";

/** A running Prism process. */
export type Prism = {
  /** Base URL, for example `http://127.0.0.1:4010`. */
  url: string;
  /** The process id of Prism. */
  pid: number;
  /** What Prism printed until it listened (later lines only go to `onLine`). */
  output: () => string;
  /** Stops the process and waits for it to exit. */
  stop: () => Promise<void>;
};

/** How to start Prism. */
export type PrismOptions = {
  /** `mock` serves the spec's examples; `proxy` validates traffic to `upstream`. Default mock. */
  mode?: "mock" | "proxy";
  upstream?: string;
  /** Default: a free port chosen at random. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `spec/openapi.yaml`. */
  spec?: string;
  /**
   * `--errors` (default true): Prism answers a violation with its own error (the documented
   * 400 or a 422 for a bad request in mock mode; 422 or 500 problem+json in proxy mode).
   * Without it, a proxy forwards everything and only reports violations in `sl-violations`.
   */
  errors?: boolean;
  /** Further CLI flags, for example `--dynamic` or `--seed 1`. */
  args?: string[];
  /** Receives each line Prism prints (default: kept silent). */
  onLine?: (line: string) => void;
  /** Aborted before Prism listens: Prism is stopped and the start rejects with its reason. */
  signal?: AbortSignal;
};

const prismBin = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist/index.js",
);

/** Asks the OS for a free loopback port. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Prism processes this process started and that still run. */
const running = new Set<ChildProcess>();
let exitHooked = false;

/**
 * Whatever way this process ends (a crash, an unhandled rejection, `process.exit` before an
 * orderly stop), its Prism processes end with it: the 'exit' event runs on every path but
 * SIGKILL and an unhandled signal, and only synchronous work runs there, so they get SIGTERM
 * without a wait.
 */
function stopWithThisProcess(child: ChildProcess) {
  if (!exitHooked) {
    exitHooked = true;
    process.once("exit", () => {
      for (const each of running) each.kill("SIGTERM");
    });
  }
  running.add(child);
  child.once("exit", () => running.delete(child));
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function commandLine(options: PrismOptions, host: string, port: number): string[] {
  const mode = options.mode ?? "mock";
  const target = mode === "proxy" ? [options.upstream ?? ""] : [];
  const errors = options.errors === false ? [] : ["--errors"];
  const where = ["-h", host, "-p", String(port)];
  // One process: with NODE_ENV=production Prism would fork a worker that a stop could leave behind.
  return [prismBin, mode, options.spec ?? specPath, ...target, ...where, "--no-multiprocess", ...errors];
}

/**
 * Resolves with what Prism printed once it says it listens; stops it and rejects if it exits
 * first, takes more than 60 s, or `signal` aborts.
 */
function untilListening(child: ChildProcess, { onLine, signal }: PrismOptions): Promise<string> {
  let output = "";
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 60 s:\n${output}`)), 60_000);
    const exited = (code: number | null) => fail(new Error(`Prism exited with ${code}:\n${output}`));
    const aborted = () => fail(signal?.reason);
    const settle = () => {
      clearTimeout(timer);
      child.off("exit", exited);
      signal?.removeEventListener("abort", aborted);
    };
    const fail = (error: Error) => {
      settle();
      stopProcess(child).then(() => reject(error));
    };
    let listening = false;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) onLine?.(line);
      // Prism logs every request: kept past startup, the text would grow for the mock's whole life.
      if (listening) return;
      output += chunk.toString();
      if (!/Prism is listening on/.test(output)) return;
      listening = true;
      settle();
      resolve(output);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", exited);
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** Starts Prism (in one process) and resolves once it listens. */
export async function startPrism(options: PrismOptions = {}): Promise<Prism> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  options.signal?.throwIfAborted();
  const child = spawn(process.execPath, [...commandLine(options, host, port), ...(options.args ?? [])], {
    env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  stopWithThisProcess(child);
  const output = await untilListening(child, options);
  return { url: `http://${host}:${port}`, pid: child.pid ?? 0, output: () => output, stop: () => stopProcess(child) };
}
