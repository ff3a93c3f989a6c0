/** Backoff timing, in milliseconds. Fields left out take the spec's defaults. */
export type BackoffConfig = {
  /** Wait before the first retry, in milliseconds. @default 500 (the spec's) */
  initialInterval?: number;
  /** Upper bound of a computed wait, in milliseconds; Retry-After is not capped by it. @default 60000 (the spec's) */
  maxInterval?: number;
  /** Growth factor of the wait from one retry to the next. @default 1.5 (the spec's) */
  exponent?: number;
  /** Budget for the whole call, waits included, in milliseconds. @default 600000 (the spec's) */
  maxElapsedTime?: number;
};

/**
 * A retry policy. Fields left out take the defaults: the policy the spec declares
 * (`x-speakeasy-retries`) and at most 3 retries, whichever bound is reached first.
 */
export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      backoff?: BackoffConfig;
      /** Retry when no response arrived: refused or dropped connections, timeouts. @default true (the spec's) */
      retryConnectionErrors?: boolean;
      /** Statuses to retry, as codes ("429") or classes ("5XX"). @default ["5XX", "408", "429"] (the spec's) */
      statusCodes?: string[];
      /**
       * Retries after the first attempt, at most: a whole number >= 0, or `Infinity` to leave
       * `backoff.maxElapsedTime` as the only bound (the spec's own, time-only policy).
       * @default 3
       */
      maxRetries?: number;
    };

/** Options of one call. Each one overrides the client's setting for this call only. */
export type RequestOptions = {
  /**
   * Retry policy for this call. Passing it on `create` or `fork` opts into the full policy,
   * which may repeat a request the server already acted on.
   * @default the client's `retryConfig`
   */
  retries?: RetryConfig;
  /** Per-attempt timeout in milliseconds, covering headers and body; 0 turns it off. @default the client's */
  timeoutMs?: number;
  /** Aborts the call at any point, also while waiting to retry. */
  signal?: AbortSignal;
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string>;
  /** Server for this call, for example `http://127.0.0.1:4010`. @default the client's `serverURL` */
  serverURL?: string;
};

/** Options of a `Mix` client. */
export type MixOptions = {
  /**
   * Base URL of the API. A trailing "/" is dropped.
   * @default the `MIX_SERVER_URL` environment variable (Node), else the spec's server, `http://localhost:8088`
   */
  serverURL?: string;
  /** Default retry policy of every call. @default the spec's policy and at most 3 retries (see `RetryConfig`) */
  retryConfig?: RetryConfig;
  /** Per-attempt timeout in milliseconds, covering headers and body; 0 turns it off. @default 60000 */
  timeoutMs?: number;
  /** A custom fetch, called once per attempt as `fetch(request)`. @default the global fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** Receives one debug line per attempt. @default `console` when the environment has `MIX_DEBUG=1`, else none */
  debugLogger?: Pick<Console, "debug">;
};
