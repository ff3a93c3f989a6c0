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
  /** Everything Prism printed so far. */
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

/** Starts Prism (in one process) and resolves once it listens. */
export async function startPrism(options: PrismOptions = {}): Promise<Prism> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const mode = options.mode ?? "mock";
  const target = mode === "proxy" ? [options.upstream ?? ""] : [];
  const errors = options.errors === false ? [] : ["--errors"];
  // One process: with NODE_ENV=production Prism would fork a worker that a stop could leave behind.
  const args = [
    prismBin,
    mode,
    options.spec ?? specPath,
    ...target,
    "-h",
    host,
    "-p",
    String(port),
    "--no-multiprocess",
    ...errors,
  ];
  const child = spawn(process.execPath, [...args, ...(options.args ?? [])], {
    env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 60 s:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      stopProcess(child).then(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) options.onLine?.(line);
      output += chunk.toString();
      if (/Prism is listening on/.test(output)) {
        clearTimeout(timer);
        resolve(`http://${host}:${port}`);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners("exit");
  return { url, pid: child.pid ?? 0, output: () => output, stop: () => stopProcess(child) };
}
