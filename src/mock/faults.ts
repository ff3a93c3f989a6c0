import { failure, type MockResponse } from "./response.js";

/** A fixed delay, or a range drawn from uniformly; milliseconds. */
export type Latency = number | readonly [min: number, max: number];

/** The delay before one answer, in milliseconds. `random` returns a number in [0, 1). */
export function pickLatency(latency: Latency | undefined, random: () => number): number {
  if (latency === undefined) return 0;
  if (typeof latency === "number") return latency;
  const [min, max] = latency;
  return Math.round(min + (max - min) * random());
}

/**
 * With probability `failRate`, one of the failures a client must survive, with the API's
 * error envelope: 429 with `Retry-After: 1`, 500 or 503, each equally likely. Otherwise
 * undefined. A failure is decided before the model runs, so the store is left unchanged.
 */
export function pickFault(failRate: number | undefined, random: () => number): MockResponse | undefined {
  if (!failRate || random() >= failRate) return undefined;
  const pick = Math.floor(random() * 3);
  if (pick === 0) {
    const response = failure("bad_request", "Too many requests: injected by the mock's fail rate", 429);
    return { ...response, headers: { "retry-after": "1" } };
  }
  const status = pick === 1 ? 500 : 503;
  return failure(
    "internal_error",
    `Internal error during request: injected by the mock's fail rate (${status})`,
    status,
  );
}

/** Checks a fail rate: a number from 0 to 1. */
export function checkFailRate(failRate: unknown): number | undefined {
  if (failRate === undefined) return undefined;
  if (typeof failRate !== "number" || !(failRate >= 0 && failRate <= 1))
    throw new TypeError(`failRate must be a number from 0 to 1, got ${String(failRate)}`);
  return failRate;
}

/** Checks a latency: a whole number of milliseconds >= 0, or a range [min, max] of them. */
export function checkLatency(latency: unknown): Latency | undefined {
  if (latency === undefined) return undefined;
  const ok = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (ok(latency)) return latency as number;
  if (Array.isArray(latency) && latency.length === 2 && ok(latency[0]) && ok(latency[1]) && latency[0] <= latency[1])
    return [latency[0], latency[1]];
  throw new TypeError(`latencyMs must be milliseconds >= 0 or a range [min, max], got ${JSON.stringify(latency)}`);
}
