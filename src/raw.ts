import createClient, { type Client } from "openapi-fetch";
import { type OperationFacts, sessionOperations } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { execute, type Transport } from "./transport.js";

const readBytes = (response: Response) => response.arrayBuffer();
const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
let routes: { method: string; pattern: RegExp; idempotent: boolean }[] | undefined;

/** Looks the request up in the spec's table; unknown routes are idempotent by HTTP method. */
function isIdempotent(method: string, url: string): boolean {
  routes ??= (Object.values(sessionOperations) as OperationFacts[]).map((op) => ({
    method: op.method,
    pattern: new RegExp(`${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    idempotent: op.idempotent,
  }));
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  return route ? route.idempotent : idempotentMethods.has(method);
}

/**
 * The typed openapi-fetch client behind `mix.raw`, sending through the same transport: retries
 * (create and fork keep their rule), timeouts covering the body, and the request's `signal`.
 */
export function createRawClient(t: Transport): Client<paths> {
  async function rawFetch(request: Request): Promise<Response> {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const outgoing = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      idempotent: isIdempotent(request.method, request.url),
    };
    const { response, body: bytes } = await execute(t, outgoing, { signal: request.signal }, readBytes);
    const empty = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(empty ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  return createClient<paths>({ baseUrl: t.serverURL, fetch: rawFetch, headers: t.headers });
}
