import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { describeProblem, type Problem, type Slack } from "../../test/helpers/chaos-oracle.ts";

/** Problems printed in full on the console; the report file has every one in full. */
const shownInFull = 20;

/** Where `npm run soak` writes what it finds: the console and a file that survives a crash. */
export type SoakReport = {
  /** The report file. */
  path: string;
  /** Prints a line and appends it to the file. */
  line: (text: string) => void;
  /** Starts measuring the event loop's lag for a new batch of calls. */
  batchStarted: (first: number, size: number) => void;
  /** Reports a batch's problems, each with the command that replays the batch. */
  problems: (problems: Problem[], replayArgs: string) => void;
  /** "N wrong, M late" so far. */
  counts: () => string;
  /** Records an unhandled rejection: the SDK must never cause one. */
  unhandled: (reason: unknown) => void;
  /** Reports that the soak itself failed, near call `call`. */
  crashed: (error: unknown, call: number) => void;
  /** Prints the verdict and returns the exit code: 1 for anything wrong (or late, when asked). */
  finish: (failOnLate: boolean | undefined) => number;
};

/** MiB with one decimal. */
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Heap in use after a few garbage collections (when node runs with --expose-gc). */
export async function heapUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; gc && i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

/** "a 3, b 1": counts, largest first. */
export function listed(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}

const ms = (ns: number) => `${(ns / 1e6).toFixed(0)} ms`;

/** The event loop's lag, measured batch by batch. */
function lagMeter() {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const p99s: number[] = [];
  let worstMaxNs = 0;
  let current = "";
  return {
    /** Starts a new batch. */
    reset: () => lag.reset(),
    /** The lag of the batch so far, as a line (the last batch's when nothing was measured). */
    close: () => {
      if (!lag.count) return current;
      worstMaxNs = Math.max(worstMaxNs, lag.max);
      p99s.push(lag.percentile(99));
      current = `event-loop lag in this batch: p99 ${ms(lag.percentile(99))}, max ${ms(lag.max)}`;
      return current;
    },
    /** Stops measuring; the median of the batches' p99 and the worst lag seen. */
    summary: () => {
      lag.disable();
      const median = p99s.sort((a, b) => a - b)[Math.floor(p99s.length / 2)] ?? 0;
      return `event-loop lag: median of batch p99s ${ms(median)}, worst ${ms(worstMaxNs)}`;
    },
  };
}

/** The report of one soak run, written to the console and, in full, to a file. */
class ReportFile implements SoakReport {
  readonly #lag = lagMeter();
  readonly #counts = { wrong: 0, late: 0, printed: 0 };

  constructor(
    readonly path: string,
    private readonly seed: number,
    private readonly slack: Slack,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "");
  }

  #write = (text: string) => appendFileSync(this.path, `${text}\n`);

  line = (text: string) => {
    console.log(text);
    this.#write(text);
  };

  batchStarted = (first: number, size: number) => {
    this.#lag.reset();
    this.#write(`-- batch of calls ${first}-${first + size - 1}`);
  };

  problems = (problems: Problem[], replayArgs: string) => {
    const batchLag = this.#lag.close();
    const counts = this.#counts;
    for (const problem of problems) {
      counts[problem.kind]++;
      const lines = [
        ...describeProblem(problem, this.seed),
        `    (${batchLag})`,
        `    replay: npm run soak -- ${replayArgs}`,
      ];
      lines.forEach(this.#write);
      const full = problem.kind === "wrong" && counts.printed++ < shownInFull;
      if (full || problem.kind === "wrong" || counts.late <= shownInFull) {
        console.log((full ? lines : lines.slice(0, 1)).join("\n"));
      }
    }
  };

  counts = () => `${this.#counts.wrong} wrong, ${this.#counts.late} late`;

  unhandled = (reason: unknown) => {
    this.#counts.wrong++;
    this.line(
      `WRONG (seed ${this.seed}): an unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`,
    );
  };

  crashed = (error: unknown, call: number) => {
    this.line(`CRASHED near call ${call} (seed ${this.seed}): ${error instanceof Error ? error.stack : String(error)}`);
    this.line(`  replay: npm run soak -- --seed ${this.seed} --from ${call}`);
  };

  finish = (failOnLate: boolean | undefined) => {
    const { wrong, late } = this.#counts;
    this.line(`  ${this.#lag.summary()}`);
    this.line(`  wrong (broke the contract): ${wrong}`);
    const { budgetMs, abortMs } = this.slack;
    this.line(`  late (right, but past ${budgetMs} ms over budget or ${abortMs} ms after an abort): ${late}`);
    if (wrong > shownInFull)
      this.line(`  the first ${shownInFull} wrong ones are above in full; all are in ${this.path}`);
    const failed = wrong > 0 || (failOnLate === true && late > 0);
    this.line(`  verdict: ${failed ? "FAILED" : "passed"}; report in ${this.path}`);
    return failed ? 1 : 0;
  };
}

/** Starts a report for seed `seed` in `path` (default tmp/soak/seed-<seed>.txt), emptied first. */
export function startReport(seed: number, path: string | undefined, slack: Slack): SoakReport {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  return new ReportFile(path ?? `${root}tmp/soak/seed-${seed}.txt`, seed, slack);
}
