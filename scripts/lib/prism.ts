import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
  /** Settles when the process has exited, for whatever reason, with its code or signal. */
  exited: Promise<{ code: number | null; signal: string | null }>;
};

/** How to start Prism. */
export type PrismOptions = {
  /** `mock` serves the spec's examples; `proxy` validates traffic to `upstream`. Default mock. */
  mode?: "mock" | "proxy";
  upstream?: string;
  /** Default 0: a free port, which Prism picks and names when it says it listens. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `spec/openapi.yaml` of this repository. */
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

/** The install command `mix-mock` names when Prism is missing (the range of the peer dependency). */
export const prismInstall = "npm install --save-dev @stoplight/prism-cli@5";

/** Thrown by `startPrism` when `@stoplight/prism-cli` is not installed. */
export class PrismMissingError extends Error {
  override readonly name = "PrismMissingError";
  constructor() {
    super(`@stoplight/prism-cli is not installed (${prismInstall})`);
  }
}

/**
 * The path of Prism's CLI as installed beside this file (in the project that installed mix-sdk,
 * or this repository), or undefined when it is not installed: Prism is an optional peer.
 */
export function findPrism(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json");
    return join(dirname(manifest), "dist/index.js");
  } catch {
    return undefined;
  }
}

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

function commandLine(bin: string, options: PrismOptions, host: string): string[] {
  const mode = options.mode ?? "mock";
  const target = mode === "proxy" ? [options.upstream ?? ""] : [];
  const errors = options.errors === false ? [] : ["--errors"];
  const where = ["-h", host, "-p", String(options.port ?? 0)];
  const spec = options.spec ?? fileURLToPath(new URL("../../spec/openapi.yaml", import.meta.url));
  // One process: with NODE_ENV=production Prism would fork a worker that a stop could leave behind.
  return [bin, mode, spec, ...target, ...where, "--no-multiprocess", ...errors];
}

/**
 * Resolves with what Prism printed once it says it listens, and the URL it names; stops it and
 * rejects if it exits first, takes more than 60 s, or `signal` aborts.
 */
function untilListening(
  child: ChildProcess,
  { onLine, signal }: PrismOptions,
): Promise<{ output: string; url: string }> {
  let output = "";
  return new Promise((resolve, reject) => {
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
      const url = /Prism is listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      listening = true;
      settle();
      resolve({ output, url });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", exited);
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** Starts Prism (in one process) and resolves once it listens; `exited` settles when it ends. */
export async function startPrism(options: PrismOptions = {}): Promise<Prism> {
  const bin = findPrism();
  if (!bin) throw new PrismMissingError();
  options.signal?.throwIfAborted();
  const args = [...commandLine(bin, options, options.host ?? "127.0.0.1"), ...(options.args ?? [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  stopWithThisProcess(child);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const { output, url } = await untilListening(child, options);
  return { url, pid: child.pid ?? 0, output: () => output, stop: () => stopProcess(child), exited };
}
