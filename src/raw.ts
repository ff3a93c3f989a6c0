import type { Client, Middleware } from "openapi-fetch";
import { sessionOperations } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import type { OperationFacts } from "./operation-facts.js";
import { execute, type Transport } from "./transport.js";

type AnyClient = Record<string, (...args: unknown[]) => Promise<unknown>> & Client<paths>;

const readBytes = (response: Response) => response.arrayBuffer();
const idempotentMethods = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

/** Looks the request up in the spec's table; unknown routes are idempotent by HTTP method. */
function isIdempotent(method: string, url: string): boolean {
  const path = new URL(url).pathname;
  for (const op of Object.values(sessionOperations) as OperationFacts[]) {
    if (op.method === method && new RegExp(`${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path))
      return op.idempotent;
  }
  return idempotentMethods.includes(method);
}

function transportFetch(t: Transport) {
  return async (request: Request): Promise<Response> => {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const { method, url, headers } = request;
    const outgoing = { method, url, headers, body, idempotent: isIdempotent(method, url) };
    const { response, body: bytes } = await execute(t, outgoing, { signal: request.signal }, readBytes);
    // A null body for an empty one: Response refuses any body, even empty, for 204, 205 and 304.
    return new Response(bytes.byteLength ? bytes : null, response);
  };
}

/**
 * `mix.raw`: openapi-fetch's client for the spec's paths, sending through the same transport
 * (retries with create and fork's rule, timeouts covering the body, the request's `signal`).
 * openapi-fetch is loaded on the first call, so apps that never use `raw` do not ship it.
 */
export function createRawClient(t: Transport): Client<paths> {
  let client: Promise<AnyClient> | undefined;
  let loaded: AnyClient | undefined;
  let middleware: Middleware[] = [];
  const load = () =>
    (client ??= import("openapi-fetch")
      .then((module) => {
        // Some bundlers hand a CommonJS build's namespace over as `default`.
        const create = (module.default as unknown as { default?: typeof module.default }).default ?? module.default;
        const made = create<paths>({ baseUrl: t.serverURL, fetch: transportFetch(t), headers: t.headers });
        made.use(...middleware);
        loaded = made as AnyClient;
        return loaded;
      })
      .catch((error: unknown) => {
        // A failed load (or a bad middleware) is not cached: the next call tries again.
        client = undefined;
        throw error;
      }));
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
    raw[name] = (...args: unknown[]) => load().then((c) => c[name]?.(...args));
  }
  return raw as unknown as Client<paths>;
}
