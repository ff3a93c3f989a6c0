import type { SessionsMethods } from "../generated/operations.js";
import { defaults } from "./defaults.js";
import { checkedNumber, InvalidRequestError, responseError } from "./errors.js";
import { internals, type MixInternals } from "./internals.js";
import type { MixOptions, RequestOptions } from "./options.js";
import { checkedServerURL, mergedHeaders, pathSegment, resolveCall } from "./request.js";
import { resolvePolicy } from "./retry.js";
import { env } from "./runtime.js";
import { createSessions } from "./sessions.js";
import { execute, type Transport } from "./transport.js";

/**
 * The Mix API client.
 *
 * ```ts
 * const mix = new Mix({ serverURL: "http://localhost:8088" });
 * const session = await mix.sessions.create({ title: "Refactor billing" });
 * ```
 *
 * Options are checked here; a bad one throws `InvalidRequestError` naming it. The typed
 * openapi-fetch client over the same transport is `createRawClient(mix)` from `mix-sdk/raw`.
 */
export class Mix {
  /** The six session operations, typed from the spec. */
  declare readonly sessions: SessionsMethods<RequestOptions>;

  constructor(options: MixOptions = {}) {
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new InvalidRequestError("fetch", "must be a function");
    }
    const logger = options.debugLogger ?? (env?.MIX_DEBUG === "1" ? console : undefined);
    if (typeof logger?.debug !== "function" && logger)
      throw new InvalidRequestError("debugLogger", "must have a debug method");
    const fromEnv = options.serverURL === undefined && env?.MIX_SERVER_URL;
    const transport: Transport = {
      serverURL: checkedServerURL(
        fromEnv ? "MIX_SERVER_URL" : "serverURL",
        options.serverURL ?? (fromEnv || defaults.serverURL),
      ),
      headers: options.headers && Object.fromEntries(mergedHeaders(options.headers)),
      policy: resolvePolicy(options.retryConfig),
      timeoutMs: checkedNumber("timeoutMs", options.timeoutMs ?? defaults.timeoutMs, 0),
      fetch: options.fetch,
      logger,
      random: Math.random,
    };
    this.sessions = createSessions(transport);
    const parts: MixInternals = [transport, execute, resolveCall, pathSegment, checkedServerURL, responseError];
    Object.defineProperty(this, internals, { value: parts });
  }
}
