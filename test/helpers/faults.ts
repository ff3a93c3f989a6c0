import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach } from "vitest";
import type { RetryConfig } from "../../src/index.ts";
import { type Handler, sendJson, startServer, type TestServer } from "./http-server.ts";
import { sampleSession } from "./spec-examples.ts";

export { delay };

/** A quick backoff policy: waits of 5 to 50 ms, 2 s for the whole call. */
export const fastRetries = {
  strategy: "backoff",
  backoff: { initialInterval: 10, maxInterval: 50, exponent: 2, maxElapsedTime: 2000 },
} satisfies RetryConfig;

/** The same quick policy with another budget for the whole call. */
export function fastRetriesWithin(maxElapsedTime: number): RetryConfig {
  return { ...fastRetries, backoff: { ...fastRetries.backoff, maxElapsedTime } };
}

/** A 503 body shaped like the real server's error envelope. */
export const unavailable = { error: { code: 503, message: "Service unavailable", type: "internal_error" } };

/**
 * Returns a `startServer` whose servers are all closed after each test of the calling file.
 * Call it once at the top level of a test file.
 */
export function serversClosedAfterEach(): (handler: Handler) => Promise<TestServer> {
  const open: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    open.push(server);
    return server;
  };
}

/** Answers with the session envelope: 200 by default, 201 for create and fork. */
export function sendSession(res: ServerResponse, status = 200): void {
  sendJson(res, status, { data: sampleSession });
}

/** Sends the headers and the first half of a session envelope, then stops writing. */
export function sendHalfSession(res: ServerResponse): void {
  const text = JSON.stringify({ data: sampleSession });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)));
}

/** Resolves with `performance.now()` when the connection behind `res` closes. */
export function whenClosed(res: ServerResponse): Promise<number> {
  return new Promise((resolve) => {
    if (!res.socket || res.socket.destroyed) resolve(performance.now());
    else res.once("close", () => resolve(performance.now()));
  });
}

/**
 * Runs `globalThis.gc` a few times, letting timers and I/O run in between. Resolves with the
 * milliseconds the collections blocked the event loop (a timer due meanwhile fires that late).
 */
export async function collectGarbage(times = 3): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error("globalThis.gc is missing: run the faults project (node --expose-gc)");
  let blockedMs = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    gc();
    blockedMs += performance.now() - started;
    await delay(10);
  }
  return blockedMs;
}

/**
 * How a call settled: how long it took in milliseconds, from before the call started, and
 * `settledAt`, the `performance.now()` reading when it settled.
 */
export type Outcome<T> = { value?: T; error?: unknown; ms: number; settledAt: number };

/** Makes a call and awaits it without throwing, timing it from before the call starts. */
export async function outcome<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  const settled = (result: { value?: T; error?: unknown }) => {
    const settledAt = performance.now();
    return { ...result, ms: settledAt - started, settledAt };
  };
  try {
    return settled({ value: await call() });
  } catch (error) {
    return settled({ error });
  }
}

/** Resolves like `promise`, or rejects naming `what` when it takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The two ways a request leaves the SDK: the global fetch, and a custom fetch that hands the
 * SDK's Request to the global fetch (the usual wrapper around a proxy agent, for example).
 */
export const fetchers: [string, ((request: Request) => Promise<Response>) | undefined][] = [
  ["the global fetch", undefined],
  ["a custom fetch", (request) => fetch(request)],
];
