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

/** What the keeper of one Prism knows: the one running, the start under way, whether it was stopped. */
type Keeper = {
  options: CheckerOptions;
  lines: ReturnType<typeof tail>;
  prism: Prism;
  ready: Promise<Prism>;
  stopped: boolean;
};

const launch = (keeper: Keeper, signal?: AbortSignal) =>
  (keeper.options.start ?? startPrism)({ ...keeper.options.prism, onLine: keeper.lines.add, signal });

/** Starts Prism again, up to `attempts` times in a row; then tells `onFatal` and rejects. */
async function relaunch(keeper: Keeper): Promise<Prism> {
  const { log, attempts = 3, onFatal } = keeper.options;
  let error: unknown;
  for (let attempt = 1; attempt <= attempts && !keeper.stopped; attempt++) {
    try {
      return watch(keeper, await launch(keeper));
    } catch (failed) {
      error = failed;
      log(`mix-mock: Prism did not start again (attempt ${attempt}): ${(failed as Error).message.split("\n")[0]}`);
    }
  }
  const reason = new Error(`Prism stopped and could not be started again: ${(error as Error)?.message}`);
  if (!keeper.stopped) onFatal(reason);
  throw reason;
}

/** Makes `running` the Prism in use, and starts another when it stops unasked. */
function watch(keeper: Keeper, running: Prism): Prism {
  keeper.prism = running;
  running.exited.then(({ code, signal }) => {
    if (keeper.stopped || keeper.prism !== running) return;
    const how = signal ?? `exit code ${code}`;
    keeper.options.log(`mix-mock: Prism stopped (${how}); starting it again. Its last lines:\n${keeper.lines.text()}`);
    keeper.ready = relaunch(keeper);
    keeper.ready.catch(() => {});
  });
  return running;
}

/**
 * Starts Prism and keeps it running: when it stops (a request it could not survive, or a kill),
 * it is started again and requests wait for it; when it cannot be started `attempts` times in a
 * row, `onFatal` gets the reason. Rejects when the first start fails.
 */
export async function startChecker(options: CheckerOptions): Promise<Checker> {
  const keeper = { options, lines: tail(20), stopped: false } as Keeper;
  keeper.prism = await launch(keeper, options.signal);
  keeper.ready = Promise.resolve(watch(keeper, keeper.prism));
  return {
    url: async () => (await keeper.ready).url,
    current: () => ({ url: keeper.prism.url, pid: keeper.prism.pid }),
    restart: (reason) => {
      options.log(`mix-mock: ${reason}; stopping Prism (pid ${keeper.prism.pid}) to start it again`);
      try {
        process.kill(keeper.prism.pid, "SIGKILL");
      } catch {
        // It has ended already, and is being started again.
      }
    },
    stop: async () => {
      keeper.stopped = true;
      await keeper.ready.catch(() => {});
      await keeper.prism.stop();
    },
  };
}
