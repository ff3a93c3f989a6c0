import type { Client } from "openapi-fetch";
import { type SessionsMethods, specServerURL } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { checkedNumber, InvalidRequestError } from "./errors.js";
import type { MixOptions, RequestOptions } from "./options.js";
import { createRawClient } from "./raw.js";
import { checkedServerURL, mergedHeaders } from "./request.js";
import { resolvePolicy } from "./retry.js";
import { createSessions } from "./sessions.js";
import type { Transport } from "./transport.js";

// Stryker disable next-line OptionalChaining: equivalent under Node; only a runtime without process (the browser test's Chromium) tells
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * The Mix API client.
 *
 * ```ts
 * const mix = new Mix({ serverURL: "http://localhost:8088" });
 * const session = await mix.sessions.create({ title: "Refactor billing" });
 * ```
 *
 * Options are checked here; a bad one throws `InvalidRequestError` naming it.
 */
export class Mix {
  /** The six session operations, typed from the spec. */
  readonly sessions: SessionsMethods<RequestOptions>;
  /** The typed openapi-fetch client, on the same transport (retries, timeouts, abort). */
  readonly raw: Client<paths>;

  constructor(options: MixOptions = {}) {
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new InvalidRequestError("fetch", "must be a function");
    }
    const logger = options.debugLogger ?? (env.MIX_DEBUG === "1" ? console : undefined);
    if (typeof logger?.debug !== "function" && logger)
      throw new InvalidRequestError("debugLogger", "must have a debug method");
    const fromEnv = options.serverURL === undefined && env.MIX_SERVER_URL;
    const transport: Transport = {
      serverURL: checkedServerURL(
        fromEnv ? "MIX_SERVER_URL" : "serverURL",
        options.serverURL ?? (fromEnv || specServerURL),
      ),
      headers: options.headers && Object.fromEntries(mergedHeaders(options.headers)),
      policy: resolvePolicy(options.retryConfig),
      timeoutMs: options.timeoutMs === undefined ? 60_000 : checkedNumber("timeoutMs", options.timeoutMs, 0),
      fetch: options.fetch,
      logger,
      random: Math.random,
    };
    this.sessions = createSessions(transport);
    this.raw = createRawClient(transport);
  }
}
