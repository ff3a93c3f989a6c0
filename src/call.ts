import { checkedNumber, InvalidRequestError } from "./errors.js";
import type { RequestOptions } from "./options.js";
import { redactorFor } from "./redact.js";
import { resolvePolicy } from "./retry.js";
import type { Call, Outgoing, Transport } from "./transport.js";

/** A call's options, checked and resolved against the client's settings. */
export type CallSettings = Pick<Call, "fullPolicy" | "policy" | "timeoutMs" | "signal">;

/**
 * Checks one call's options and resolves them against the client's, once: the per-call ones
 * win. Passing `retries` opts a call that may act twice (create, fork) into the full policy.
 */
export function resolveOptions(t: Transport, options: RequestOptions | undefined, idempotent: boolean): CallSettings {
  if (options?.timeoutMs !== undefined) checkedNumber("timeoutMs", options.timeoutMs, 0);
  const signal = options?.signal;
  if (signal !== undefined && typeof signal?.addEventListener !== "function") {
    throw new InvalidRequestError("signal", "must be an AbortSignal");
  }
  const optedIn = options?.retries !== undefined;
  return {
    fullPolicy: idempotent || optedIn,
    policy: optedIn ? resolvePolicy(options.retries, "retries") : t.policy,
    // 0 turns the timeout off.
    timeoutMs: (options?.timeoutMs ?? t.timeoutMs) || Infinity,
    signal,
  };
}

/** A request and its settings: everything the transport runs for one call. */
export function callOf(request: Outgoing, settings: CallSettings): Call {
  return { ...request, ...settings, redact: redactorFor(request.headers) };
}
