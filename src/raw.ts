import type { Client, Middleware } from "openapi-fetch";
import { sessionOperations } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { checkedServerURL } from "./request.js";
import { execute, type Transport } from "./transport.js";

type AnyClient = Record<string, (...args: unknown[]) => Promise<unknown>> & Client<paths>;

/**
 * `mix.raw`: openapi-fetch's client for the spec's paths, sending through the same transport
 * (retries with create and fork's rule, timeouts covering the body, the request's `signal`).
 * It loads on the first call, with openapi-fetch (src/raw-client.ts), so apps that never use
 * `raw` do not ship them.
 */
export function createRawClient(t: Transport): Client<paths> {
  let client: Promise<AnyClient> | undefined;
  let loaded: AnyClient | undefined;
  let middleware: Middleware[] = [];
  const load = () =>
    (client ??= import("./raw-client.js").then(
      (module) => {
        loaded = module.openRawClient({
          transport: t,
          execute,
          checkedServerURL,
          operations: sessionOperations,
          middleware,
        }) as AnyClient;
        return loaded;
      },
      (error: unknown) => {
        // A failed load is not cached: the next call tries again.
        client = undefined;
        throw error;
      },
    ));
  // Before the load, middleware waits in the list the load applies; after it, it goes straight in.
  const raw: Record<string, unknown> = {
    use(...added: Middleware[]) {
      middleware.push(...added);
      loaded?.use(...added);
    },
    eject(...removed: Middleware[]) {
      middleware = middleware.filter((m) => !removed.includes(m));
      loaded?.eject(...removed);
    },
  };
  for (const name of ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]) {
    // Stryker disable next-line OptionalChaining: equivalent: openapi-fetch's client has every method named in the list
    raw[name] = (...args: unknown[]) => load().then((c) => c[name]?.(...args));
  }
  return raw as unknown as Client<paths>;
}
