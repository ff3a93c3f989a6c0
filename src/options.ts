/** Backoff timing, in milliseconds. Fields left out take the spec's defaults. */
export type BackoffConfig = {
  /** Wait before the first retry (default 500 ms, from the spec). */
  initialInterval?: number;
  /** Upper bound of a computed wait (default 60 000 ms). Retry-After is not capped by it. */
  maxInterval?: number;
  /** Growth factor per retry (default 1.5). */
  exponent?: number;
  /** Budget for the whole call, waits included (default 600 000 ms). */
  maxElapsedTime?: number;
};

/**
 * A retry policy. The default is the one the spec declares (`x-speakeasy-retries`): backoff
 * from 500 ms to 60 s, exponent 1.5, 10 minutes in all, on connection errors and statuses
 * 5XX, 408 and 429; and at most 3 retries (`maxRetries`), whichever bound is reached first.
 */
export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      backoff?: BackoffConfig;
      /** Retry when no response arrived: refused or dropped connections, timeouts (default true). */
      retryConnectionErrors?: boolean;
      /** Statuses to retry, as codes ("429") or classes ("5XX") (default ["5XX", "408", "429"]). */
      statusCodes?: string[];
      /**
       * Retries after the first attempt, at most (default 3): a whole number >= 0, or `Infinity`
       * to leave `backoff.maxElapsedTime` as the only bound (the spec's own, time-only policy).
       */
      maxRetries?: number;
    };

/** Options of one call. Each one overrides the client's setting for this call only. */
export type RequestOptions = {
  /**
   * Retry policy for this call. Passing it on `create` or `fork` opts into the full policy,
   * which may repeat a request the server already acted on.
   */
  retries?: RetryConfig;
  /** Per-attempt timeout in milliseconds, covering headers and body; 0 turns it off. */
  timeoutMs?: number;
  /** Aborts the call at any point, also while waiting to retry. */
  signal?: AbortSignal;
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string>;
  /** Server for this call, for example `http://127.0.0.1:4010`. */
  serverURL?: string;
};

/** Options of a `Mix` client. */
export type MixOptions = {
  /**
   * Base URL of the API. Default: the `MIX_SERVER_URL` environment variable (Node), else the
   * spec's server, `http://localhost:8088`. A trailing "/" is dropped.
   */
  serverURL?: string;
  /** Default retry policy of every call (default: the spec's policy, see `RetryConfig`). */
  retryConfig?: RetryConfig;
  /** Per-attempt timeout in milliseconds, covering headers and body (default 60 000; 0 = none). */
  timeoutMs?: number;
  /** A custom fetch, called once per attempt as `fetch(request)` (default: the global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent on every request (default none). */
  headers?: Record<string, string>;
  /** Receives one debug line per attempt (default: `console` when `MIX_DEBUG=1`, else none). */
  debugLogger?: Pick<Console, "debug">;
};
