import type { responseError } from "./errors.js";
import type { checkedServerURL, pathSegment, resolveCall } from "./request.js";
import type { execute, Transport } from "./transport.js";

/**
 * The key under which a `Mix` client holds what `mix-sdk/raw` needs of it. A `Symbol.for`, so
 * that the raw entry, bundled on its own, finds it without sharing a module with the client.
 */
export const internals = Symbol.for("mix-sdk");

/**
 * What `mix-sdk/raw` uses of a client: its transport and the client's own functions, so that
 * the raw client runs the same checks, retries and error classes as `mix.sessions`. A tuple,
 * not an object: its names would ship in every app, which carries it whether it uses raw or not.
 */
export type MixInternals = readonly [
  transport: Transport,
  execute: typeof execute,
  resolveCall: typeof resolveCall,
  pathSegment: typeof pathSegment,
  checkedServerURL: typeof checkedServerURL,
  responseError: typeof responseError,
];
