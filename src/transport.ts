import { ConnectionError, HTTPClientError, RequestAbortedError, RequestTimeoutError } from "./errors.js";
import { describeAttempt, writeLog } from "./log.js";
import { type Failure, planRetry, type RetryPolicy, retryAfterMs } from "./retry.js";
import { isRefused } from "./runtime.js";

/** What every call of one client shares. Built once by the `Mix` constructor. */
export type Transport = {
  readonly serverURL: string;
  /** Client-wide headers, names in lower case; undefined when there are none. */
  readonly headers: Record<string, string> | undefined;
  readonly policy: RetryPolicy;
  /** Per attempt, in milliseconds; 0 for none. */
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
};

/** Everything the transport runs for one call, resolved once from the call's options and the client's. */
export type Call = Outgoing & {
  /** False for create and fork unless the caller passed `retries`: a retry could act twice. */
  readonly fullPolicy: boolean;
  readonly policy: RetryPolicy;
  /** Per attempt, in milliseconds; Infinity for none. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Hides the request's secrets in a text: error messages and log lines go through it. */
  readonly redact: (text: string) => string;
};

/** The final response of a call, its body already read within the attempt's timeout. */
export type Received<B> = {
  response: Response;
  body: B;
  /** For an error status: the wait the server asked for, as read for the retry decision. */
  retryAfterMs?: number;
};

/** Reads a response body inside the attempt (so the timeout covers it). */
export type BodyReader<B> = (response: Response) => Promise<B>;

/** setTimeout fires at once for delays over 2^31 - 1 ms (about 24.8 days), so longer ones wait that long. */
const maxDelay = 2 ** 31 - 1;

function transportError(error: unknown, call: Call): HTTPClientError {
  if (error instanceof HTTPClientError) return error;
  const reason = call.redact(error instanceof Error ? error.message : String(error));
  return new ConnectionError(`${call.method} ${call.url} failed: ${reason}`, { cause: error });
}

const aborted = (signal: AbortSignal | undefined, what = "") =>
  // Stryker disable next-line OptionalChaining: equivalent: every caller passes the signal that aborted
  new RequestAbortedError(`The call was aborted${what}`, { cause: signal?.reason });

/**
 * Calls fetch once and reads the body. The global fetch gets (url, init): no second Request,
 * and undici keeps a signal passed this way across garbage collection. A custom fetch gets a
 * Request, kept in `hold` for as long as the attempt runs: undici follows a Request's signal
 * through a weak reference, so once the Request is collected an abort no longer reaches it.
 */
async function send<B>(t: Transport, call: Call, init: RequestInit, read: BodyReader<B>, hold: { request?: Request }) {
  let response: Response;
  if (t.fetch) {
    hold.request = new Request(call.url, init);
    response = await t.fetch(hold.request);
  } else response = await fetch(call.url, init);
  return { response, body: await read(response) };
}

/**
 * One attempt, limited to `timeoutMs` (Infinity for none). The timer and the caller's signal
 * settle it themselves instead of trusting the fetch to honour an abort, so a fetch that
 * ignores its signal still cannot hang the call.
 *
 * The timer is armed once fetch has been called: a process's first fetch can spend tens of
 * milliseconds loading itself synchronously, and that is not time the server took. A custom
 * fetch may also have settled the attempt by then (an abort inside it); then no timer is needed.
 */
function attempt<B>(t: Transport, call: Call, read: BodyReader<B>, timeoutMs: number) {
  const { method, url, headers, body, signal } = call;
  return new Promise<Received<B>>((resolve, reject) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hold: { request?: Request } = {};
    const settle = (error?: HTTPClientError) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) {
        controller.abort(error);
        reject(error);
      }
    };
    const onAbort = () => settle(aborted(signal));
    signal?.addEventListener("abort", onAbort);
    const init = { method, headers, body, signal: controller.signal };
    send(t, call, init, read, hold).then(
      (received) => {
        settle();
        resolve(received);
      },
      (error: unknown) => settle(transportError(error, call)),
    );
    // Only a failure can settle the attempt this early, and a failure aborts the controller.
    if (timeoutMs < Infinity && !controller.signal.aborted) {
      const onTimeout = () => settle(new RequestTimeoutError(`${method} ${url} timed out after ${timeoutMs} ms`));
      timer = setTimeout(onTimeout, Math.min(timeoutMs, maxDelay));
    }
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal, " while waiting to retry"));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, maxDelay),
    );
    // A listener added to an already aborted signal never fires.
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function failureOf(outcome: Received<unknown> | HTTPClientError): Failure | undefined {
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent: planRetry tells failures apart only as a status or a refusal; a timeout takes the path of any other failure
  if (outcome instanceof RequestTimeoutError) return { kind: "timeout" };
  if (outcome instanceof ConnectionError) return { kind: isRefused(outcome.cause) ? "refused" : "dropped" };
  if (outcome instanceof Error) return undefined;
  const { response } = outcome;
  return response.ok
    ? undefined
    : { kind: "status", status: response.status, retryAfterMs: retryAfterMs(response.headers, Date.now()) };
}

/**
 * Runs a call with its retry policy, timeout and signal. Resolves with the final response
 * (which may be an HTTP error) and throws only `HTTPClientError`s.
 */
export async function execute<B>(t: Transport, call: Call, read: BodyReader<B>): Promise<Received<B>> {
  const { signal, policy } = call;
  const started = Date.now();
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw aborted(signal);
    const attemptStarted = Date.now();
    // maxElapsedTime bounds the whole call: an attempt gets no more than what is left of it.
    const left = policy.enabled ? policy.maxElapsedTime - (attemptStarted - started) : Infinity;
    let outcome: Received<B> | HTTPClientError;
    try {
      outcome = await attempt(t, call, read, Math.max(1, Math.min(call.timeoutMs, left)));
      if (outcome.response.ok && !t.logger) return outcome;
    } catch (error) {
      outcome = error as HTTPClientError;
    }
    const failure = failureOf(outcome);
    const context = { retry, elapsedMs: Date.now() - started, fullPolicy: call.fullPolicy, random: t.random };
    const plan = failure ? planRetry(policy, failure, context) : undefined;
    if (t.logger) writeLog(t.logger, describeAttempt(call, outcome, Date.now() - attemptStarted, plan));
    if (!plan?.retry) {
      if (outcome instanceof Error) throw outcome;
      // Read once: a date in Retry-After means another wait each time it is read.
      return failure?.kind === "status" ? { ...outcome, retryAfterMs: failure.retryAfterMs } : outcome;
    }
    await sleep(plan.waitMs, signal);
  }
}
