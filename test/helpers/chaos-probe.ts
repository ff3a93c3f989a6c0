import diagnostics from "node:diagnostics_channel";

/** How an attempt ended as the client's HTTP stack (undici, under the global fetch) saw it. */
export type AttemptEnd =
  /** The whole answer arrived: the SDK had every byte before anything could stop it. */
  | "complete"
  /** Stopped by the SDK's per-attempt timer (the abort reason was a RequestTimeoutError). */
  | "timeout"
  /** Stopped by the caller's signal. */
  | "aborted"
  /** Stopped by the timer or the caller: undici reported a bare AbortError, not the SDK's reason. */
  | "cancelled"
  /** The connection failed (closed, reset). */
  | "socket";

/** One attempt of one call, as undici saw it. */
export type ClientAttempt = {
  call: number;
  /** 0, 1, 2, ... per call; sent to the server as `x-chaos-attempt`. */
  attempt: number;
  /** `performance.now()` when undici got the request (just after the SDK armed its timer). */
  createdAt: number;
  /** The response status, once headers arrived. */
  status?: number;
  end?: AttemptEnd;
  endAt?: number;
  /** The error's name and code, for reports. */
  detail?: string;
};

/** Watches undici's diagnostics channels; stop it when the run is over. */
export type Probe = {
  /** Every attempt seen, by call id, in order. */
  attempts: Map<number, ClientAttempt[]>;
  /** Forgets every attempt seen so far (for long runs). */
  reset: () => void;
  /**
   * Resolves once undici has ended every attempt seen, or after `ms`. undici reports an attempt
   * the SDK abandoned (timed out, aborted) only when it gets to it, which under load can be
   * seconds after the SDK moved on.
   */
  drain: (ms: number) => Promise<void>;
  stop: () => void;
};

type RequestMessage = { request: { headers: unknown; addHeader: (name: string, value: string) => unknown } };

function callId(headers: unknown): number | undefined {
  const text = Array.isArray(headers) ? headers.join("\n") : String(headers);
  const match = /x-chaos-call(?::|\r?\n)\s*(\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

function endOf(error: { name?: string; code?: string } | undefined): AttemptEnd {
  if (error?.name === "RequestTimeoutError") return "timeout";
  if (error?.name === "RequestAbortedError") return "aborted";
  if (error?.name === "AbortError") return "cancelled";
  return "socket";
}

type Seen = { attempts: Map<number, ClientAttempt[]>; byRequest: WeakMap<object, ClientAttempt> };
type Message = RequestMessage & { response?: { statusCode: number }; error?: { name?: string; code?: string } };

function created(seen: Seen, { request }: Message): void {
  const call = callId(request.headers);
  if (call === undefined) return;
  const list = seen.attempts.get(call) ?? [];
  const attempt: ClientAttempt = { call, attempt: list.length, createdAt: performance.now() };
  list.push(attempt);
  seen.attempts.set(call, list);
  seen.byRequest.set(request, attempt);
  request.addHeader("x-chaos-attempt", String(attempt.attempt));
}

function ended(seen: Seen, { request, error }: Message, end: AttemptEnd): void {
  const attempt = seen.byRequest.get(request);
  if (!attempt || attempt.end) return;
  Object.assign(attempt, { end, endAt: performance.now() });
  if (error) attempt.detail = `${error.name}${error.code ? ` ${error.code}` : ""}`;
}

/**
 * Starts watching every request the global fetch makes in this process. Requests with an
 * `x-chaos-call` header get an `x-chaos-attempt` header too, so the server's log and the
 * client's view of each attempt can be matched exactly.
 */
export function startProbe(): Probe {
  const seen: Seen = { attempts: new Map(), byRequest: new WeakMap() };
  const listeners: Record<string, (message: unknown) => void> = {
    create: (message) => created(seen, message as Message),
    headers: (message) => {
      const { request, response } = message as Message;
      const attempt = seen.byRequest.get(request);
      if (attempt && response) attempt.status = response.statusCode;
    },
    trailers: (message) => ended(seen, message as Message, "complete"),
    error: (message) => ended(seen, message as Message, endOf((message as Message).error)),
  };
  for (const [name, listener] of Object.entries(listeners)) diagnostics.subscribe(`undici:request:${name}`, listener);
  const pending = () => [...seen.attempts.values()].some((list) => list.some((a) => a.end === undefined));
  return {
    attempts: seen.attempts,
    reset: () => seen.attempts.clear(),
    drain: async (ms) => {
      for (const until = performance.now() + ms; pending() && performance.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => {
      for (const [name, listener] of Object.entries(listeners)) {
        diagnostics.unsubscribe(`undici:request:${name}`, listener);
      }
    },
  };
}
