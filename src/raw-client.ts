import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import type { OperationFacts } from "./operation-facts.js";
import type { checkedServerURL } from "./request.js";
import type { execute, Transport } from "./transport.js";

/**
 * What the raw client takes from the rest of the SDK. Passed in rather than imported, so this
 * module shares no code with the main entry: bundlers that move shared code into a chunk of
 * its own (esbuild does) then leave the main entry whole.
 */
export type RawClientParts = {
  transport: Transport;
  execute: typeof execute;
  checkedServerURL: typeof checkedServerURL;
  operations: Readonly<Record<string, OperationFacts>>;
  /** Middleware registered before the client loaded. */
  middleware: Middleware[];
};

const readBytes = (response: Response) => response.arrayBuffer();
const idempotentMethods = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

/** Looks the request up in the spec's table; unknown routes are idempotent by HTTP method. */
function isIdempotent(operations: RawClientParts["operations"], method: string, url: string): boolean {
  const path = new URL(url).pathname;
  for (const op of Object.values(operations)) {
    if (op.method === method && new RegExp(`${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path))
      return op.idempotent;
  }
  return idempotentMethods.includes(method);
}

function transportFetch({ transport, execute, operations }: RawClientParts) {
  return async (request: Request): Promise<Response> => {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const { method, url, headers } = request;
    const outgoing = { method, url, headers, body, idempotent: isIdempotent(operations, method, url) };
    const { response, body: bytes } = await execute(transport, outgoing, { signal: request.signal }, readBytes);
    // A null body for an empty one: Response refuses any body, even empty, for 204, 205 and 304.
    return new Response(bytes.byteLength ? bytes : null, response);
  };
}

/**
 * openapi-fetch's client for the spec's paths, sending through the SDK's transport, with the
 * middleware registered so far. Loaded by `mix.raw` on its first call, with openapi-fetch.
 */
export function openRawClient(parts: RawClientParts): Client<paths> {
  const { serverURL, headers } = parts.transport;
  // A CommonJS build imports openapi-fetch's CommonJS exports whole, its function as `default`.
  const create = (createClient as unknown as { default?: typeof createClient }).default ?? createClient;
  const client = create<paths>({ baseUrl: serverURL, fetch: transportFetch(parts), headers });
  client.use(...parts.middleware);
  const methods = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"]) {
    const send = methods[name] as (...args: unknown[]) => Promise<unknown>;
    methods[name] = async (...args: unknown[]) => {
      // A per-call baseUrl is checked like serverURL: fetch would refuse credentials with an
      // error that shows them.
      const init = args[name === "request" ? 2 : 1] as { baseUrl?: unknown } | undefined;
      if (init?.baseUrl !== undefined) parts.checkedServerURL("baseUrl", init.baseUrl);
      return send(...args);
    };
  }
  return client;
}
