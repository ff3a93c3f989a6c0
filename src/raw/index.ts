import { InvalidRequestError, type Mix, type paths, ResponseValidationError } from "mix-sdk";
import createClient, { type Client } from "openapi-fetch";
import { sessionOperations } from "../../generated/operations.js";
import { internals, type MixInternals } from "../internals.js";

type Method = (...args: unknown[]) => Promise<unknown>;
/** What the raw client reads of openapi-fetch's per-call options before openapi-fetch does. */
type FetchOptions = {
  params?: { path?: Record<string, unknown> };
  baseUrl?: unknown;
  signal?: AbortSignal;
  parseAs?: string;
};

const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];
const idempotentMethods = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];
const readBytes = (response: Response) => response.arrayBuffer();

/** The spec's `x-idempotent` for an operation; a path the spec does not have goes by its HTTP method. */
function isIdempotent(method: string, path: string): boolean {
  const op = Object.values(sessionOperations).find((o) => o.method === method && o.path === path);
  return op ? op.idempotent : idempotentMethods.includes(method);
}

/** True when openapi-fetch would parse this 2xx body as JSON and fail: what the methods call a ResponseValidationError. */
function unparsable(request: Request, response: Response, text: string, parseAs = "json"): boolean {
  if (!response.ok || parseAs !== "json" || response.status === 204 || request.method === "HEAD") return false;
  if (response.headers.get("content-length") === "0") return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * The fetch openapi-fetch calls for one request: the client's transport, with the caller's
 * own signal rather than the Request's (undici drops a Request's signal once the Request is
 * garbage collected).
 */
function transportFetch(parts: MixInternals, init: FetchOptions, idempotent: boolean) {
  const [transport, execute, resolveCall, , , responseError] = parts;
  return async (request: Request): Promise<Response> => {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const outgoing = { method: request.method, url: request.url, headers: request.headers, body };
    const call = resolveCall(transport, outgoing, { signal: init.signal }, idempotent);
    const { response, body: bytes, retryAfterMs } = await execute(transport, call, readBytes);
    const text = new TextDecoder().decode(bytes);
    // Response refuses a status past 599 (fetch reports up to 999, and none below 200), so it cannot
    // be openapi-fetch's `response`: it gets the methods' MixDefaultError, no operation documenting it.
    // Stryker disable next-line ArrayDeclaration: equivalent: no operation documents a status past 599
    if (response.status > 599) throw responseError([], response, text, retryAfterMs, call.redact);
    if (unparsable(request, response, text, init.parseAs)) {
      const message = `${request.method} ${new URL(request.url).pathname} answered ${response.status} with a body that is not JSON`;
      throw new ResponseValidationError(call.redact(message), response, text);
    }
    // A null body for an empty one: Response refuses any body, even empty, for 204, 205 and 304.
    return new Response(bytes.byteLength ? bytes : null, response);
  };
}

/**
 * openapi-fetch's options for one call, checked as `mix.sessions` checks its own: each path
 * parameter one well-formed segment (`.` and `..` refused), a per-call `baseUrl` a server URL.
 * The signal goes to the transport instead of the Request.
 */
function fetchOptions(parts: MixInternals, method: string, path: string, init: FetchOptions | undefined) {
  const [, , , pathSegment, checkedServerURL] = parts;
  // Stryker disable next-line StringLiteral: equivalent: the pattern's one group always matches, so no default is taken
  for (const [, name = ""] of path.matchAll(/\{([^}]+)\}/g)) pathSegment(name, init?.params?.path?.[name]);
  if (init?.baseUrl !== undefined) checkedServerURL("baseUrl", init.baseUrl);
  const { signal, ...rest } = init ?? {};
  return { ...rest, fetch: transportFetch(parts, init ?? {}, isIdempotent(method, path)) };
}

/**
 * openapi-fetch's typed client for the spec's paths, sending through `mix`'s transport: the
 * same retries (create and fork's rule included), timeouts covering the body, abort, debug
 * log, redaction and input rules as `mix.sessions`. It returns what openapi-fetch returns
 * (`data`, `error`, `response`) and throws only what the methods would throw for the same
 * exchange when there is no status to return: transport errors, `MixDefaultError` for a status
 * no `Response` can carry (outside 200-599), and `ResponseValidationError` for a 2xx that
 * openapi-fetch would fail to parse as JSON.
 *
 * ```ts
 * import { createRawClient } from "mix-sdk/raw";
 * const raw = createRawClient(mix);
 * const { data, error } = await raw.GET("/api/sessions/{id}", { params: { path: { id } } });
 * ```
 */
export function createRawClient(mix: Mix): Client<paths> {
  const parts = (mix as { [internals]?: MixInternals } | undefined)?.[internals];
  if (!parts) throw new InvalidRequestError("mix", "must be a Mix client (new Mix(...))");
  const { serverURL, headers } = parts[0];
  // A CommonJS build imports openapi-fetch's CommonJS exports whole, its function as `default`.
  const create = (createClient as unknown as { default?: typeof createClient }).default ?? createClient;
  const client = create<paths>({ baseUrl: serverURL, headers });
  const send = client as unknown as Record<string, Method>;
  for (const name of methods) {
    const original = send[name] as Method;
    send[name] = async (path, init) => original(path, fetchOptions(parts, name, String(path), init as FetchOptions));
  }
  const request = send.request as Method;
  send.request = async (method, path, init) =>
    request(method, path, fetchOptions(parts, String(method).toUpperCase(), String(path), init as FetchOptions));
  return client;
}
