import { type SessionsMethods, sessionOperations } from "../generated/operations.js";
import { isPlainObject, parseJson, ResponseValidationError, responseError } from "./errors.js";
import type { OperationFacts } from "./operation-facts.js";
import type { RequestOptions } from "./options.js";
import { prepareRequest, resolveCall } from "./request.js";
import { execute, type Transport } from "./transport.js";

const readText = (response: Response) => response.text();

/** Unwraps the envelope's `data`, tolerating what the real server is known to send. */
function unwrap(name: string, op: OperationFacts, response: Response, body: string): unknown {
  if (op.data === "none") return undefined;
  const envelope = parseJson(body);
  const data = isPlainObject(envelope) ? envelope.data : body;
  if (op.data === "array") {
    // The real server sends `data: null` for an empty list.
    if (data === null || data === undefined) return [];
    if (Array.isArray(data)) return data;
  } else if (isPlainObject(data)) {
    // The real server answers cancel with {status: "cancelled", sessionId} instead of {cancelled: true}.
    if (name === "cancelProcessing" && data.status === "cancelled" && data.cancelled === undefined) {
      return { ...data, cancelled: true };
    }
    return data;
  }
  const expected = `a JSON envelope whose data is an ${op.data}`;
  throw new ResponseValidationError(`${name} answered ${response.status} without ${expected}`, response, body);
}

async function send(t: Transport, name: string, op: OperationFacts, params: unknown, options?: RequestOptions) {
  const call = resolveCall(t, prepareRequest(t, name, op, params, options), options, op.idempotent);
  const { response, body, retryAfterMs } = await execute(t, call, readText);
  if (response.ok) return unwrap(name, op, response, body);
  throw responseError(op.errors, response, body, retryAfterMs, call.redact);
}

/** Builds `mix.sessions`: one method per operation of the spec's table. */
export function createSessions(t: Transport): SessionsMethods<RequestOptions> {
  const methods: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(sessionOperations) as [string, OperationFacts][]) {
    methods[name] =
      op.path.includes("{") || op.body
        ? (params: unknown, options?: RequestOptions) => send(t, name, op, params, options)
        : (options?: RequestOptions) => send(t, name, op, undefined, options);
  }
  return methods as unknown as SessionsMethods<RequestOptions>;
}
