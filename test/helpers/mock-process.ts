import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { alive, descendants, running } from "./processes.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** What a started mock prints on its "listening on" and "Behind it:" lines. */
export type MockAddresses = {
  /** The front's port, then Prism's and the model's (when Prism checks). */
  ports: number[];
  url: string;
  modelURL: string;
  prismPid: number;
  mockPid: number;
};

/** A mock running as a process of its own (`npm run mock`, `npx mix-mock`, or node running scripts/mock.ts). */
export type MockProcess = {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /** Every process seen below `child` so far, read at each poll (Prism and tsx's esbuild among them). */
  seen: () => number[];
  /** Reads the processes below `child` now, and returns every one seen so far. */
  look: () => number[];
  /** Polls every 20 ms until `done` holds; throws after `ms` or once the process has exited. */
  until: (what: string, done: () => boolean, ms?: number) => Promise<void>;
  /** Resolves once the mock says it listens, with the addresses it printed. */
  ready: () => Promise<MockAddresses>;
  /** SIGKILLs the process and every process seen below it that still runs (for `finally`). */
  kill: () => void;
};

/** `node --import tsx scripts/mock.ts`, with `preload` imported first when given. */
export const mockScript = (args: string[], preload?: string) => [
  "--import",
  "tsx",
  ...(preload ? ["--import", preload] : []),
  "scripts/mock.ts",
  ...args,
];

function parseAddresses(output: string): MockAddresses {
  const port = Number(/Mix API mock listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  const behind = output.split("\n").find((line) => line.startsWith("Behind it:")) ?? "";
  const ports = [...behind.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  const [, prismPid, mockPid] = /\(pid (\d+)\).*mock pid (\d+)/.exec(behind)?.map(Number) ?? [];
  return {
    ports: [port, ...ports],
    url: `http://127.0.0.1:${port}`,
    modelURL: `http://127.0.0.1:${ports[1]}`,
    prismPid: prismPid ?? 0,
    mockPid: mockPid ?? 0,
  };
}

/** Everything a process prints, stdout and stderr as they come. */
function collect(child: ChildProcess): () => string {
  let output = "";
  const record = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  return () => output;
}

/** Where and how to run a mock process. */
export type SpawnOptions = {
  /** Default 0: a free port, read from what the mock prints. */
  port?: number;
  /** Default: this repository. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
};

/**
 * Spawns a mock (`command` is `npm`, `npx` or `node`, `args` its arguments up to the mock's own
 * flags). The caller kills it in a `finally`, whatever happened.
 */
export function spawnMock(command: "npm" | "npx" | "node", args: string[], options: SpawnOptions = {}): MockProcess {
  const executable = command === "node" ? process.execPath : command;
  const child = spawn(executable, [...args, "--port", String(options.port ?? 0)], {
    cwd: options.cwd ?? root,
    env: { ...process.env, SCARF_ANALYTICS: "false", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collect(child);
  const seen = new Set<number>();
  const look = () => {
    if (child.pid) for (const pid of descendants(child.pid)) seen.add(pid);
    return [...seen];
  };
  const until = async (what: string, done: () => boolean, ms = 90_000) => {
    const deadline = Date.now() + ms;
    for (look(); !done(); look()) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline)
        throw new Error(`the mock did not get to: ${what}\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    child,
    output,
    seen: () => [...seen],
    look,
    until,
    ready: async () => {
      await until("listening", () => /Behind it: .*mock pid \d+/.test(output()));
      return parseAddresses(output());
    },
    kill: () => {
      look();
      // Never pid 0: process.kill(0) signals this test's own process group.
      for (const pid of [child.pid ?? 0, ...seen].filter((p) => p > 0 && alive(p))) process.kill(pid, "SIGKILL");
    },
  };
}

/**
 * Waits for every one of `pids` to stop running (zombies count as stopped), up to `ms` (default
 * 30 s: a bound for a failure, not a wait: it returns as soon as they have stopped); returns the others.
 */
export async function survivors(pids: number[], ms = 30_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(running) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return pids.filter(running);
}
