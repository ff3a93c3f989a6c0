import { ConnectionError, HTTPClientError, RequestAbortedError, RequestTimeoutError } from "./errors.js";
import { describeAttempt, secretValues } from "./log.js";
import type { RequestOptions } from "./options.js";
import { type Failure, planRetry, type RetryPolicy, resolvePolicy, retryAfterMs } from "./retry.js";

/** What every call of one client shares. Built once by the `Mix` constructor. */
export type Transport = {
  readonly serverURL: string;
  /** Client-wide headers, names in lower case; undefined when there are none. */
  readonly headers: Record<string, string> | undefined;
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  /** The caller's fetch; undefined means the global fetch, called as `fetch(url, init)`. */
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  readonly logger: Pick<Console, "debug"> | undefined;
  readonly random: () => number;
};

/** One request, rebuilt from these parts for every attempt. */
export type Outgoing = {
  readonly method: string;
  readonly url: string;
  readonly headers: HeadersInit | undefined;
  readonly body: BodyInit | undefined;
  /** False for create and fork: a retry could act twice. */
  readonly idempotent: boolean;
};

/** The final response of a call, its body already read within the attempt's timeout. */
export type Received<B> = { response: Response; body: B };

/** Reads a response body inside the attempt (so the timeout covers it). */
export type BodyReader<B> = (response: Response) => Promise<B>;

/** Requests handed to a custom fetch, kept reachable until their attempt ends. */
const requestsInFlight = new Set<Request>();

async function exchange<B>(t: Transport, req: Outgoing, signal: AbortSignal | undefined, read: BodyReader<B>) {
  const init: RequestInit = { method: req.method, headers: req.headers, body: req.body, signal };
  if (!t.fetch) {
    // (url, init) builds no second Request, and undici keeps a signal passed this way across
    // garbage collection, which it does not for a Request's own signal.
    const response = await fetch(req.url, init);
    return { response, body: await read(response) };
  }
  const request = new Request(req.url, init);
  // undici follows a Request's signal through a weak reference: once this Request is collected,
  // an abort no longer reaches the fetch in flight. The set holds it until the attempt ends.
  requestsInFlight.add(request);
  try {
    const response = await t.fetch(request);
    return { response, body: await read(response) };
  } finally {
    requestsInFlight.delete(request);
  }
}

function transportError(error: unknown, req: Outgoing): HTTPClientError {
  if (error instanceof HTTPClientError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectionError(`${req.method} ${req.url} failed: ${reason}`, { cause: error });
}

/**
 * One attempt. The timer and the caller's signal settle it themselves instead of trusting the
 * fetch to honour an abort, so a fetch that ignores its signal still cannot hang the call.
 */
function attempt<B>(
  t: Transport,
  req: Outgoing,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  read: BodyReader<B>,
) {
  if (timeoutMs <= 0 && !signal) {
    return exchange(t, req, undefined, read).catch((error: unknown) => Promise.reject(transportError(error, req)));
  }
  return new Promise<Received<B>>((resolve, reject) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (error?: HTTPClientError) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) {
        controller.abort(error);
        reject(error);
      }
    };
    const onAbort = () => settle(new RequestAbortedError("The call was aborted", { cause: signal?.reason }));
    const onTimeout = () => settle(new RequestTimeoutError(`${req.method} ${req.url} timed out after ${timeoutMs} ms`));
    signal?.addEventListener("abort", onAbort);
    exchange(t, req, controller.signal, read).then(
      (received) => {
        settle();
        resolve(received);
      },
      (error: unknown) => settle(transportError(error, req)),
    );
    // Armed once fetch has been called: a process's first fetch can spend tens of milliseconds
    // loading itself synchronously, and that is not time the server took.
    if (timeoutMs > 0) timer = setTimeout(onTimeout, timeoutMs);
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () =>
      new RequestAbortedError("The call was aborted while waiting to retry", { cause: signal?.reason });
    // A listener added to an already aborted signal never fires.
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function failureOf(outcome: Received<unknown> | HTTPClientError): Failure | undefined {
  if (outcome instanceof RequestTimeoutError) return { kind: "timeout" };
  if (outcome instanceof ConnectionError) return { kind: isRefused(outcome.cause) ? "refused" : "dropped" };
  if (outcome instanceof Error) return undefined;
  const { response } = outcome;
  return response.ok
    ? undefined
    : { kind: "status", status: response.status, retryAfterMs: retryAfterMs(response.headers, Date.now()) };
}

/**
 * True when the connection was never established, so the server cannot have seen the request:
 * ECONNREFUSED from Node (on the cause) and Bun (on the error), "tcp connect error: Connection
 * refused" from Deno (which gives no code).
 */
export function isRefused(error: unknown, depth = 0): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  if (!e || depth > 3) return false;
  if (e.code === "ECONNREFUSED" || e.code === "ConnectionRefused") return true;
  if (typeof e.message === "string" && /tcp connect error: Connection refused/.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => isRefused(x, depth + 1))) return true;
  return isRefused(e.cause, depth + 1);
}

/**
 * Runs a request with the call's retry policy, timeout and signal. Resolves with the final
 * response (which may be an HTTP error) and throws only `HTTPClientError`s.
 */
export async function execute<B>(
  t: Transport,
  req: Outgoing,
  options: RequestOptions | undefined,
  read: BodyReader<B>,
): Promise<Received<B>> {
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? t.timeoutMs;
  const policy = options?.retries ? resolvePolicy(options.retries, "retries") : t.policy;
  const started = Date.now();
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw new RequestAbortedError("The call was aborted", { cause: signal.reason });
    const attemptStarted = Date.now();
    let outcome: Received<B> | HTTPClientError;
    try {
      outcome = await attempt(t, req, timeoutMs, signal, read);
      if (outcome.response.ok && !t.logger) return outcome;
    } catch (error) {
      outcome = error as HTTPClientError;
    }
    const failure = failureOf(outcome);
    const fullPolicy = req.idempotent || options?.retries !== undefined;
    const context = { retry, elapsedMs: Date.now() - started, fullPolicy, random: t.random };
    const plan = failure ? planRetry(policy, failure, context) : undefined;
    t.logger?.debug(describeAttempt(req, outcome, Date.now() - attemptStarted, plan, secretValues(req.headers)));
    if (!plan?.retry) {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    }
    await sleep(plan.waitMs, signal);
  }
}
