import { appendFileSync } from "node:fs";
import { expect } from "vitest";
import { startServer } from "./http-server.ts";

/**
 * How far from a reference timer a timed event of the SDK may land, in ms.
 *
 * Timing tests do not hold the SDK's timers against the wall clock: on this shared 2-core
 * machine, with load averages of 10 and more, a timer fires up to ~300 ms late. They arm a
 * reference `setTimeout` of the planned length when the SDK arms its own, and bound the SDK's
 * event against it: the machine's lateness hits both and mostly cancels out, and what is left
 * is the SDK's own work plus the scheduler's noise in between. `npm run timing:slack` measures
 * both over many runs of the timing tests (CONTRIBUTING.md, "Timing tests"). Measured in two rounds of
 * 30 runs under load averages of 8 to 12 (1,433 measurements): never earlier than the
 * reference; later by p50 2 ms, p99 81-92 ms, at most 170 ms, while the reference timers
 * themselves fired up to 285 ms late. The tests that catch a timer lasting 2x or 3x its value
 * plan 250 ms, more than `lateMs`, so such a timer lands at least 250 ms late.
 */
export const timingSlack = {
  /** Earlier than the reference: never seen; Date.now()'s whole milliseconds in the SDK's budget math. */
  earlyMs: 10,
  /** Later than the reference: the SDK settling the call, or sending the next attempt (measured: at most 170). */
  lateMs: 200,
};

/** A timer armed at `armedAt` for `ms`, standing in for one the SDK arms at the same moment. */
export type Reference = { armedAt: number; ms: number; firedAt: Promise<number> };

/** Arms a reference timer of `ms` now; `firedAt` resolves with `performance.now()` when it fires. */
export function referenceTimer(ms: number): Reference {
  const armedAt = performance.now();
  const firedAt = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), ms));
  return { armedAt, ms, firedAt };
}

/** A reference for an event that has happened already (an abort), at `performance.now()` reading `at`. */
export function happened(at: number): Reference {
  return { armedAt: at, ms: 0, firedAt: Promise.resolve(at) };
}

/** How far `at` lies after `reference` fired, in ms; logged to TIMING_LOG when that is set. */
async function measured(what: string, at: number, reference: Reference, blockedMs = 0): Promise<number> {
  const firedAt = await reference.firedAt;
  const delta = at - firedAt;
  const log = process.env.TIMING_LOG;
  if (log) {
    const machineLateMs = firedAt - reference.armedAt - reference.ms;
    appendFileSync(log, `${JSON.stringify({ what, ms: reference.ms, delta, blockedMs, machineLateMs })}\n`);
  }
  return delta;
}

function expectWithin(what: string, delta: number, reference: Reference, blockedMs = 0) {
  const { earlyMs, lateMs } = timingSlack;
  const shown = `${what}: ${delta.toFixed(1)} ms after a ${reference.ms} ms reference timer`;
  expect(delta, `${shown}, more than ${earlyMs} ms early`).toBeGreaterThanOrEqual(-earlyMs);
  const blocked = blockedMs ? ` + ${blockedMs.toFixed(1)} ms of forced GC` : "";
  expect(delta, `${shown}, more than ${lateMs} ms${blocked} late`).toBeLessThanOrEqual(lateMs + blockedMs);
}

/**
 * Expects `at` (a `performance.now()` reading of an SDK event: a call settling, a request
 * arriving) within [-earlyMs, +lateMs] of the moment `reference` fired. `blockedMs` is time the
 * test itself blocked the event loop meanwhile (forced garbage collections): it may add to the
 * lateness. With TIMING_LOG set to a file, appends each measurement to it as a JSON line.
 */
export async function expectOnTime(what: string, at: number, reference: Reference, blockedMs = 0) {
  expectWithin(what, await measured(what, at, reference, blockedMs), reference, blockedMs);
}

/** Expects `at` no earlier than `earliest` fired (less earlyMs) and no later than `latest` (plus lateMs). */
export async function expectBetween(what: string, at: number, earliest: Reference, latest: Reference) {
  const early = await measured(`${what} (earliest)`, at, earliest);
  const late = await measured(`${what} (latest)`, at, latest);
  expectWithin(`${what} (earliest)`, Math.min(early, 0), earliest);
  expectWithin(`${what} (latest)`, Math.max(late, 0), latest);
}

/**
 * Makes one fetch on loopback. A process's first fetch loads undici synchronously, for tens of
 * ms on a busy machine, and the SDK arms its timer only after that: a timing test that starts
 * with it would find the SDK late by the load. Call it in `beforeAll` of a timing test file.
 */
export async function warmUpFetch(): Promise<void> {
  const server = await startServer((_req, res) => void res.end("ok"));
  try {
    await (await fetch(server.url)).text();
  } finally {
    await server.close();
  }
}
