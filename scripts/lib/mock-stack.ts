import type { Latency } from "../../src/mock/faults.ts";
import { createSessionsModel } from "../../src/mock/model.ts";
import type { MockSeed } from "../../src/mock/seed.ts";
import { startFront } from "./mock-front.ts";
import { type RunningServer, startModelServer } from "./mock-http.ts";
import { type Prism, startPrism } from "./prism.ts";

/** Everything `npm run mock` can be told (see scripts/mock.ts for the flags). */
export type MockConfig = {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `stateful` (default): the model behind `prism proxy`; `stateless`: Prism's examples; `dynamic`: Prism's generated data. */
  mode?: "stateful" | "stateless" | "dynamic";
  /** For `dynamic`: Prism's seed. Default 1. */
  seed?: number;
  /** For `stateful`: the store's seed. Default the spec's example sessions. */
  sessions?: MockSeed;
  latency?: Latency;
  failRate?: number;
  quirks?: boolean;
  /** Draws latencies and failures; returns a number in [0, 1). Default Math.random. */
  random?: () => number;
  /** Receives every line of the mock's log, Prism's included. Default: none. */
  log?: (line: string) => void;
  /** Aborted during startup: what has started is stopped, and the start rejects with its reason. */
  signal?: AbortSignal;
};

/** A running mock: its URL, the processes and ports behind it, and how to stop all of it. */
export type RunningMock = {
  url: string;
  /** Prism's own URL and process id, behind the front. */
  prism: { url: string; pid: number };
  /** The model's own server, behind Prism (stateful mode only). */
  modelURL?: string;
  stop: () => Promise<void>;
};

function prismArgs(config: MockConfig): string[] {
  if (config.mode !== "dynamic") return [];
  // Without fillProperties=false, Prism's faker invents extra keys wherever a schema allows them.
  return ["--dynamic", "--seed", String(config.seed ?? 1), "--json-schema-faker-fillProperties=false"];
}

/**
 * Starts the mock: the front on the given port, Prism behind it on a free loopback port, and
 * in stateful mode the model's server behind Prism (`prism proxy` without `--errors`, so a
 * client gets the API's own answer and violations are only reported).
 */
export async function startMock(config: MockConfig = {}): Promise<RunningMock> {
  const log = config.log ?? (() => {});
  const stateful = (config.mode ?? "stateful") === "stateful";
  const model = stateful ? createSessionsModel({ seed: config.sessions, quirks: config.quirks }) : undefined;
  let modelServer: RunningServer | undefined;
  let prism: Prism | undefined;
  try {
    if (model) modelServer = await startModelServer(model, { log });
    config.signal?.throwIfAborted();
    prism = await startPrism({
      signal: config.signal,
      mode: modelServer ? "proxy" : "mock",
      upstream: modelServer?.url,
      errors: !modelServer,
      args: prismArgs(config),
      onLine: (line) => log(`prism: ${line}`),
    });
    const front = await startFront({
      ...config,
      port: config.port ?? 4010,
      host: config.host ?? "127.0.0.1",
      target: prism.url,
      model,
      log,
    });
    const running = { front, prism, modelServer };
    return {
      url: front.url,
      prism: { url: prism.url, pid: prism.pid },
      modelURL: modelServer?.url,
      stop: () => stopAll(running),
    };
  } catch (error) {
    await stopAll({ prism, modelServer });
    throw error;
  }
}

async function stopAll(parts: { front?: RunningServer; prism?: Prism; modelServer?: RunningServer }) {
  await Promise.all([parts.front?.close(), parts.prism?.stop(), parts.modelServer?.close()]);
}
