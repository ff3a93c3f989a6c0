import type { Latency } from "../../src/mock/faults.ts";
import { createSessionsModel } from "../../src/mock/model.ts";
import type { MockSeed } from "../../src/mock/seed.ts";
import { type Checker, startChecker } from "./mock-checker.ts";
import { type FrontOptions, startFront } from "./mock-front.ts";
import { type Pending, type RunningServer, startModelServer } from "./mock-http.ts";
import { findPrism, type Prism, PrismMissingError, type PrismOptions } from "./prism.ts";

/** Everything `mix-mock` can be told (see scripts/mock.ts for the flags). */
export type MockConfig = {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `stateful` (default): the model, behind `prism proxy` when Prism is installed; `stateless`: Prism's examples; `dynamic`: Prism's generated data. */
  mode?: "stateful" | "stateless" | "dynamic";
  /** For `dynamic`: Prism's seed. Default 1. */
  seed?: number;
  /** For `stateful`: the store's seed. Default the spec's example sessions. */
  sessions?: MockSeed;
  latency?: Latency;
  failRate?: number;
  /** The statuses `failRate` injects. Default 429, 500, 503. */
  failStatus?: readonly number[];
  quirks?: boolean;
  /** Log only the requests with violations. Default false. */
  quiet?: boolean;
  /** Check every request and answer with Prism. Default: when `@stoplight/prism-cli` is installed. */
  check?: boolean;
  /** How long Prism may take to begin an answer before it is taken for stuck and started again. Default 15 s. */
  prismTimeoutMs?: number;
  /** The spec Prism checks against. Default spec/openapi.yaml of this repository. */
  spec?: string;
  /** Draws latencies and failures; returns a number in [0, 1). Default Math.random. */
  random?: () => number;
  /** Receives every line of the mock's log. Default: none. */
  log?: (line: string) => void;
  /** Called once when the mock cannot go on (Prism stopped and could not be started again). Default: none. */
  onFatal?: (error: Error) => void;
  /** Aborted during startup: what has started is stopped, and the start rejects with its reason. */
  signal?: AbortSignal;
  /** Starts Prism; tests give one that fails. Default scripts/lib/prism.ts's. */
  startPrism?: (options: PrismOptions) => Promise<Prism>;
};

/** A running mock: its URL, what runs behind it, and how to stop all of it. */
export type RunningMock = {
  url: string;
  /** Prism behind the front as it runs now; undefined when nothing is checked. */
  readonly prism: { url: string; pid: number } | undefined;
  /** The model's own server, behind Prism (stateful mode with Prism only). */
  modelURL?: string;
  stop: () => Promise<void>;
};

function prismArgs(config: MockConfig): string[] {
  if (config.mode !== "dynamic") return [];
  // Without fillProperties=false, Prism's faker invents extra keys wherever a schema allows them.
  return ["--dynamic", "--seed", String(config.seed ?? 1), "--json-schema-faker-fillProperties=false"];
}

type Parts = { front?: RunningServer; checker?: Checker; modelServer?: RunningServer };

async function startChecking(config: MockConfig, modelServer: RunningServer | undefined, log: (line: string) => void) {
  return startChecker({
    prism: {
      mode: modelServer ? "proxy" : "mock",
      upstream: modelServer?.url,
      errors: !modelServer,
      args: prismArgs(config),
      spec: config.spec,
    },
    log,
    onFatal: (error) => config.onFatal?.(error),
    signal: config.signal,
    start: config.startPrism,
  });
}

/**
 * Starts the mock: the front on the given port; in stateful mode the model, behind `prism proxy`
 * (without `--errors`, so a client gets the API's own answer and violations are only reported)
 * when Prism is installed, else answering directly; `--stateless` and `--dynamic` are Prism
 * alone and need it.
 */
export async function startMock(config: MockConfig = {}): Promise<RunningMock> {
  const log = config.log ?? (() => {});
  const stateful = (config.mode ?? "stateful") === "stateful";
  const check = config.check ?? (findPrism() !== undefined || config.startPrism !== undefined);
  if (!stateful && !check) throw new PrismMissingError();
  const model = stateful ? createSessionsModel({ seed: config.sessions, quirks: config.quirks }) : undefined;
  const pending: Pending = new Map();
  const parts: Parts = {};
  try {
    if (model && check) parts.modelServer = await startModelServer(model, { log, pending });
    config.signal?.throwIfAborted();
    if (check) parts.checker = await startChecking(config, parts.modelServer, log);
    parts.front = await startFront(frontOptions(config, { ...parts, model, pending, log }));
    const { front, checker } = parts;
    return {
      url: front.url,
      get prism() {
        return checker?.current();
      },
      modelURL: parts.modelServer?.url,
      stop: () => stopAll(parts),
    };
  } catch (error) {
    await stopAll(parts);
    throw error;
  }
}

/** What the front is told: where to listen, the scenario, and what runs behind it. */
function frontOptions(config: MockConfig, behind: Omit<FrontOptions, "port" | "host" | "scenario">): FrontOptions {
  const scenario = { ...config, random: config.random ?? Math.random, preferToPrism: !behind.model };
  const { quirks, quiet, prismTimeoutMs } = config;
  return {
    port: config.port ?? 4010,
    host: config.host ?? "127.0.0.1",
    scenario,
    quirks,
    quiet,
    prismTimeoutMs,
    ...behind,
  };
}

async function stopAll(parts: Parts) {
  await Promise.all([parts.front?.close(), parts.checker?.stop(), parts.modelServer?.close()]);
}
