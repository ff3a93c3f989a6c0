import { failure, type MockResponse } from "./response.js";

/** A fixed delay, or a range drawn from uniformly; milliseconds. */
export type Latency = number | readonly [min: number, max: number];

/** The statuses a fail rate injects by default, each as likely. */
export const defaultFailStatus: readonly number[] = [429, 500, 503];

/** The longest delay a request may ask for with `Prefer: delay=<ms>`: ten minutes. */
export const maxPreferDelay = 600_000;

/** The delay before one answer, in milliseconds. `random` returns a number in [0, 1). */
export function pickLatency(latency: Latency | undefined, random: () => number): number {
  if (latency === undefined) return 0;
  if (typeof latency === "number") return latency;
  const [min, max] = latency;
  return Math.round(min + (max - min) * random());
}

const reasons: Readonly<Record<number, string>> = {
  400: "Invalid request",
  403: "Forbidden",
  408: "Request timeout",
  404: "Not found",
  409: "Conflict",
  429: "Too many requests",
};

/** Where an injected error happens: the operation's words ("get session") and the path's id. */
export type FailureContext = { operation?: string; id?: string };

/**
 * An error answer for any 4XX or 5XX status, with the API's envelope: the type the API pairs with
 * the status (404 `not_found` naming the id, 401 `unauthorized`, 5XX `internal_error`, any other
 * 4XX `bad_request`), 429 with `Retry-After: 1`. `why` ends the message.
 */
export function injectedFailure(status: number, why: string, context: FailureContext = {}): MockResponse {
  if (status === 404 && context.id !== undefined)
    return failure("not_found", `Session with ID '${context.id}' not found`, 404);
  if (status === 401) return failure("unauthorized", `Unauthorized: ${why}`, 401);
  if (status >= 500)
    return failure("internal_error", `Internal error during ${context.operation ?? "request"}: ${why}`, status);
  const response = failure(
    status === 404 ? "not_found" : "bad_request",
    `${reasons[status] ?? `HTTP ${status}`}: ${why}`,
    status,
  );
  return status === 429 ? { ...response, headers: { "retry-after": "1" } } : response;
}

/**
 * With probability `failRate`, one of `failStatus` (each as likely) as an injected failure;
 * otherwise undefined. Decided before the model runs, so the store is left unchanged.
 */
export function pickFault(
  failRate: number | undefined,
  failStatus: readonly number[] = defaultFailStatus,
  random: () => number = Math.random,
  context: FailureContext = {},
): MockResponse | undefined {
  if (!failRate || random() >= failRate) return undefined;
  const status = failStatus[Math.floor(random() * failStatus.length)] ?? 500;
  return injectedFailure(status, `injected by the mock's fail rate (${status})`, context);
}

/** Checks a fail rate: a number from 0 to 1. */
export function checkFailRate(failRate: unknown): number | undefined {
  if (failRate === undefined) return undefined;
  if (typeof failRate !== "number" || !(failRate >= 0 && failRate <= 1))
    throw new TypeError(`failRate must be a number from 0 to 1, got ${String(failRate)}`);
  return failRate;
}

/** Checks the statuses a fail rate injects: a non-empty list of whole numbers from 400 to 599. */
export function checkFailStatus(failStatus: unknown): readonly number[] | undefined {
  if (failStatus === undefined) return undefined;
  const ok = (s: unknown) => Number.isInteger(s) && (s as number) >= 400 && (s as number) <= 599;
  if (!Array.isArray(failStatus) || failStatus.length === 0 || !failStatus.every(ok))
    throw new TypeError(`failStatus must be a list of statuses from 400 to 599, got ${JSON.stringify(failStatus)}`);
  return [...failStatus];
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
