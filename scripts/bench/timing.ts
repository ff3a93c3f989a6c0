import type { Contender } from "./contenders.ts";

/**
 * Per-call times of one contender over the measured rounds, and its ratio to the baseline:
 * wall time, and this process's CPU time, which other processes on a busy machine disturb far less.
 */
export type Timing = { name: string; perCallUs: number[]; ratios: number[]; cpuUs: number[]; cpuRatios: number[] };

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Runs each contender's calls in alternating batches within one process, rotating the order
 * every round. Each round yields a per-call time and a ratio to the first contender measured
 * in that same round, so slow phases of a noisy machine hit every contender alike.
 */
export async function timeCalls(
  contenders: Contender[],
  serverURL: string,
  { batch = 1000, rounds = 15, warmup = 3 } = {},
): Promise<Timing[]> {
  const calls = contenders.map((c) => c.make(serverURL));
  const results: Timing[] = contenders.map((c) => ({
    name: c.name,
    perCallUs: [],
    ratios: [],
    cpuUs: [],
    cpuRatios: [],
  }));
  for (let round = 0; round < warmup + rounds; round++) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < calls.length; k++) {
      const index = (k + round) % calls.length;
      const call = calls[index] as () => Promise<unknown>;
      const [started, cpuStarted] = [performance.now(), cpuNow()];
      for (let i = 0; i < batch; i++) await call();
      times[index] = ((performance.now() - started) * 1000) / batch;
      cpu[index] = (cpuNow() - cpuStarted) / batch;
    }
    if (round < warmup) continue;
    results.forEach((result, index) => {
      result.perCallUs.push(times[index] as number);
      result.ratios.push((times[index] as number) / (times[0] as number));
      result.cpuUs.push(cpu[index] as number);
      result.cpuRatios.push((cpu[index] as number) / (cpu[0] as number));
    });
  }
  return results;
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
