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

/** Starts a report for seed `seed` in `path` (default tmp/soak/seed-<seed>.txt), emptied first. */
export function startReport(seed: number, path: string | undefined, slack: Slack): SoakReport {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const file = path ?? `${root}tmp/soak/seed-${seed}.txt`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "");
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const batchLag = { worstMaxNs: 0, p99s: [] as number[], current: "" };
  const counts = { wrong: 0, late: 0, printed: 0 };
  const write = (text: string) => appendFileSync(file, `${text}\n`);
  const line = (text: string) => {
    console.log(text);
    write(text);
  };
  const closeBatch = () => {
    if (!lag.count) return;
    batchLag.worstMaxNs = Math.max(batchLag.worstMaxNs, lag.max);
    batchLag.p99s.push(lag.percentile(99));
    batchLag.current = `event-loop lag in this batch: p99 ${ms(lag.percentile(99))}, max ${ms(lag.max)}`;
  };
  return {
    path: file,
    line,
    batchStarted: (first, size) => {
      lag.reset();
      write(`-- batch of calls ${first}-${first + size - 1}`);
    },
    problems: (problems, replayArgs) => {
      closeBatch();
      for (const problem of problems) {
        counts[problem.kind]++;
        const lines = [
          ...describeProblem(problem, seed),
          `    (${batchLag.current})`,
          `    replay: npm run soak -- ${replayArgs}`,
        ];
        lines.forEach(write);
        const full = problem.kind === "wrong" && counts.printed++ < shownInFull;
        if (full || problem.kind === "wrong" || counts.late <= shownInFull) {
          console.log((full ? lines : lines.slice(0, 1)).join("\n"));
        }
      }
    },
    counts: () => `${counts.wrong} wrong, ${counts.late} late`,
    unhandled: (reason) => {
      counts.wrong++;
      line(`WRONG (seed ${seed}): an unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    },
    crashed: (error, call) => {
      line(`CRASHED near call ${call} (seed ${seed}): ${error instanceof Error ? error.stack : String(error)}`);
      line(`  replay: npm run soak -- --seed ${seed} --from ${call}`);
    },
    finish: (failOnLate) => {
      lag.disable();
      const p99s = batchLag.p99s.sort((a, b) => a - b);
      const median = p99s[Math.floor(p99s.length / 2)] ?? 0;
      line(`  event-loop lag: median of batch p99s ${ms(median)}, worst ${ms(batchLag.worstMaxNs)}`);
      line(`  wrong (broke the contract): ${counts.wrong}`);
      line(
        `  late (right, but past ${slack.budgetMs} ms over budget or ${slack.abortMs} ms after an abort): ${counts.late}`,
      );
      if (counts.wrong > shownInFull)
        line(`  the first ${shownInFull} wrong ones are above in full; all are in ${file}`);
      const failed = counts.wrong > 0 || (failOnLate === true && counts.late > 0);
      line(`  verdict: ${failed ? "FAILED" : "passed"}; report in ${file}`);
      return failed ? 1 : 0;
    },
  };
}
