import { specRetryPolicy, specServerURL } from "../generated/operations.js";

/**
 * Every default of the client, in one place. The server and the backoff come from the spec
 * (`servers` and `x-speakeasy-retries`, read by `npm run generate`); the rest is the SDK's own.
 */
export const defaults = {
  /** The spec's first server, used when neither `serverURL` nor `MIX_SERVER_URL` is set. */
  serverURL: specServerURL,
  /** Per-attempt timeout, in milliseconds. */
  timeoutMs: 60_000,
  /**
   * The retry policy: the spec's backoff, connection errors and statuses, and at most 3
   * retries, as the widely used SDKs cap theirs (the spec bounds retries by time only).
   */
  retry: { ...specRetryPolicy, maxRetries: 3 },
} as const;
