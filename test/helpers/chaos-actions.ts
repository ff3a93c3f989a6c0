/**
 * What the chaos server may do with one request, drawn from a seeded PRNG. Kept apart from the
 * server so the oracle and the soak script can name and count the same kinds.
 */

/** A small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG of one attempt of one call, independent of how requests interleave. */
export function attemptPrng(seed: number, call: number, attempt: number): () => number {
  return prng(seed ^ Math.imul(call + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca77));
}

/**
 * The run's seed: `CHAOS_SEED` when set (an integer, or "random"), else `fallback`. Print it
 * with every failure so a run can be replayed.
 */
export function chaosSeed(fallback: number, env: string | undefined = process.env.CHAOS_SEED): number {
  if (env === "random") return Math.floor(Math.random() * 2 ** 31);
  if (env !== undefined && env !== "") {
    const seed = Number(env);
    if (!Number.isSafeInteger(seed)) throw new Error(`CHAOS_SEED must be an integer or "random", got ${env}`);
    return seed;
  }
  return fallback;
}

/** A Retry-After the server may send with a status, and the wait the contract reads from it. */
export type RetryHint = { header: "retry-after-ms" | "retry-after"; value: string; ms: number | undefined };

/** What the server did with one request. */
export type ChaosAction =
  | { kind: "ok"; delayMs: number }
  | { kind: "huge" }
  | { kind: "status"; status: 429 | 500 | 502 | 503; envelope: boolean; hint?: RetryHint }
  | { kind: "drop-before-body" | "drop-after-body" | "drop-mid-body" }
  | { kind: "stall-headers" | "stall-body" }
  | { kind: "bad-json"; variant: "syntax" | "truncated" | "no-envelope" | "wrong-data" };

/** Every kind of action, for reports. */
export type ActionKind = ChaosAction["kind"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function retryHint(random: () => number): RetryHint | undefined {
  const r = random();
  if (r < 0.25) return undefined;
  if (r < 0.45) {
    const ms = Math.floor(random() * 30);
    return { header: "retry-after-ms", value: String(ms), ms };
  }
  // Long enough that an abort during the wait must cut it short to settle in time.
  if (r < 0.55) {
    const ms = 150 + Math.floor(random() * 250);
    return { header: "retry-after-ms", value: String(ms), ms };
  }
  if (r < 0.62) return { header: "retry-after-ms", value: "7.5", ms: 7.5 };
  if (r < 0.72) return { header: "retry-after", value: "0", ms: 0 };
  // One second is more than any chaos budget: the call must stop at once.
  if (r < 0.82) return { header: "retry-after", value: "1", ms: 1000 };
  if (r < 0.92) return { header: "retry-after", value: "Tue, 24 Nov 2020 06:00:00 GMT", ms: 0 };
  return { header: "retry-after", value: pick(random, ["soon", "-1", "1.5", "   "]), ms: undefined };
}

const weights: [number, (random: () => number, timeoutMs: number) => ChaosAction][] = [
  [36, () => ({ kind: "ok", delayMs: 0 })],
  // Slow, but well inside the attempt's timeout.
  [8, (random, timeoutMs) => ({ kind: "ok", delayMs: Math.round(5 + random() * (0.3 * timeoutMs - 5)) })],
  [2, (_, timeoutMs) => (timeoutMs >= 100 ? { kind: "huge" } : { kind: "ok", delayMs: 0 })],
  [24, (random) => statusAction(random)],
  [4, () => ({ kind: "drop-before-body" })],
  [4, () => ({ kind: "drop-after-body" })],
  [3, () => ({ kind: "drop-mid-body" })],
  [4, () => ({ kind: "stall-headers" })],
  [3, () => ({ kind: "stall-body" })],
  [12, (random) => ({ kind: "bad-json", variant: pick(random, ["syntax", "truncated", "no-envelope", "wrong-data"]) })],
];
const totalWeight = weights.reduce((sum, [w]) => sum + w, 0);

function statusAction(random: () => number): ChaosAction {
  const status = pick(random, [429, 429, 500, 502, 503, 503] as const);
  return { kind: "status", status, envelope: random() < 0.75, hint: retryHint(random) };
}

/** Draws an action for an attempt whose client-side timeout is `timeoutMs`. */
export function drawAction(random: () => number, timeoutMs: number): ChaosAction {
  let ticket = random() * totalWeight;
  for (const [weight, make] of weights) {
    ticket -= weight;
    if (ticket < 0) return make(random, timeoutMs);
  }
  return { kind: "ok", delayMs: 0 };
}

/** A short label for reports: "status 503 retry-after-ms=12", "bad-json truncated", ... */
export function describeAction(action: ChaosAction): string {
  if (action.kind === "ok") return action.delayMs ? `slow ${action.delayMs} ms` : "ok";
  if (action.kind === "bad-json") return `bad-json ${action.variant}`;
  if (action.kind !== "status") return action.kind;
  const hint = action.hint ? ` ${action.hint.header}=${JSON.stringify(action.hint.value)}` : "";
  return `status ${action.status}${action.envelope ? "" : " html"}${hint}`;
}
