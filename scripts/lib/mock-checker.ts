import { type Prism, type PrismOptions, startPrism } from "./prism.ts";

/** How the checker runs Prism, and what it tells its owner. */
export type CheckerOptions = {
  /** How to start Prism; the checker adds its own `signal` and `onLine`. */
  prism: Omit<PrismOptions, "signal" | "onLine">;
  /** Gets a line when Prism stops and comes back. */
  log: (line: string) => void;
  /** Called once when Prism stopped and could not be started again: the mock must end. */
  onFatal: (error: Error) => void;
  /** Aborted while the first Prism starts: it is stopped and the start rejects. */
  signal?: AbortSignal;
  /** Failed starts in a row, after Prism stopped, before giving up. Default 3. */
  attempts?: number;
  /** Starts Prism; tests give one that fails. Default `startPrism`. */
  start?: (options: PrismOptions) => Promise<Prism>;
};

/** Prism kept running behind the front. */
export type Checker = {
  /** Prism's URL once it listens; while it is being started again, once it listens again. */
  url: () => Promise<string>;
  /** The Prism running now. */
  current: () => { url: string; pid: number };
  /** Stops a Prism that no longer answers, so that it is started again. */
  restart: (reason: string) => void;
  stop: () => Promise<void>;
};

/** The last lines Prism printed, for the reason when it stops. */
function tail(size: number) {
  const lines: string[] = [];
  return {
    add: (line: string) => {
      lines.push(line);
      if (lines.length > size) lines.shift();
    },
    text: () => lines.join("\n"),
  };
}

/**
 * Starts Prism and keeps it running: when it stops (a request it could not survive, or a kill),
 * it is started again and requests wait for it; when it cannot be started `attempts` times in a
 * row, `onFatal` gets the reason. Rejects when the first start fails.
 */
export async function startChecker(options: CheckerOptions): Promise<Checker> {
  const start = options.start ?? startPrism;
  const lines = tail(20);
  const launch = () => start({ ...options.prism, onLine: lines.add });
  let stopped = false;
  let prism = await start({ ...options.prism, onLine: lines.add, signal: options.signal });
  let ready: Promise<Prism> = Promise.resolve(prism);

  const relaunch = async (): Promise<Prism> => {
    let error: unknown;
    for (let attempt = 1; attempt <= (options.attempts ?? 3) && !stopped; attempt++) {
      try {
        return watch(await launch());
      } catch (failed) {
        error = failed;
        options.log(
          `mix-mock: Prism did not start again (attempt ${attempt}): ${(failed as Error).message.split("\n")[0]}`,
        );
      }
    }
    const reason = new Error(`Prism stopped and could not be started again: ${(error as Error)?.message}`);
    if (!stopped) options.onFatal(reason);
    throw reason;
  };
  const watch = (running: Prism): Prism => {
    prism = running;
    running.exited.then(({ code, signal }) => {
      if (stopped || prism !== running) return;
      options.log(
        `mix-mock: Prism stopped (${signal ?? `exit code ${code}`}); starting it again. Its last lines:\n${lines.text()}`,
      );
      ready = relaunch();
      ready.catch(() => {});
    });
    return running;
  };
  watch(prism);
  return {
    url: async () => (await ready).url,
    current: () => ({ url: prism.url, pid: prism.pid }),
    restart: (reason) => {
      options.log(`mix-mock: ${reason}; stopping Prism (pid ${prism.pid}) to start it again`);
      try {
        process.kill(prism.pid, "SIGKILL");
      } catch {
        // It has ended already, and is being started again.
      }
    },
    stop: async () => {
      stopped = true;
      await ready.catch(() => {});
      await prism.stop();
    },
  };
}
