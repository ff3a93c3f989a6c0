import { checkedNumber, InvalidRequestError, isPlainObject } from "./errors.js";
import type { FieldFacts, OperationFacts } from "./operation-facts.js";
import type { RequestOptions } from "./options.js";
import { redactorFor } from "./redact.js";
import { resolvePolicy } from "./retry.js";
import type { Call, Outgoing, Transport } from "./transport.js";

const jsonContentType = { "content-type": "application/json" };

/** Percent-encodes an id as exactly one path segment, or refuses it. */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== "string") throw new InvalidRequestError(name, `must be a string, got ${typeof value}`);
  // URL parsers collapse "." and ".." even when percent-encoded, so no encoding makes them safe.
  if (value === "" || value === "." || value === "..")
    throw new InvalidRequestError(name, `must not be ${JSON.stringify(value)}`);
  try {
    return encodeURIComponent(value);
  } catch {
    throw new InvalidRequestError(name, "must be well-formed Unicode");
  }
}

function checkField(name: string, facts: FieldFacts, value: unknown): void {
  const ok =
    facts.type === "integer"
      ? Number.isSafeInteger(value)
      : facts.type === "number"
        ? Number.isFinite(value)
        : typeof value === facts.type;
  if (!ok)
    throw new InvalidRequestError(name, `must be ${facts.type === "integer" ? "an integer" : `a ${facts.type}`}`);
  if (facts.minimum !== undefined && (value as number) < facts.minimum) {
    throw new InvalidRequestError(name, `must be >= ${facts.minimum}, got ${String(value)}`);
  }
}

/** Checks every field against the spec and returns the JSON body ("" for none), path parameters left out. */
function jsonBody(name: string, op: OperationFacts, params: Record<string, unknown>): string {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(params)) {
    if (op.path.includes(`{${key}}`) || params[key] === undefined) continue;
    const facts = op.body && Object.hasOwn(op.body.fields, key) ? op.body.fields[key] : undefined;
    if (!facts) throw new InvalidRequestError(key, `is not a parameter of ${name}`);
    checkField(key, facts, params[key]);
    fields[key] = params[key];
  }
  if (!op.body) return "";
  for (const key of op.body.required) {
    if (!(key in fields)) throw new InvalidRequestError(key, "is required");
  }
  return JSON.stringify(fields);
}

/**
 * Merges header sets, later ones winning, names case-insensitive. A bad set or header is an
 * InvalidRequestError naming the header, never its value, which may be a secret.
 */
export function mergedHeaders(...sets: (Record<string, string> | undefined)[]): Headers {
  const headers = new Headers();
  for (const set of sets) {
    if (set !== undefined && !isPlainObject(set)) throw new InvalidRequestError("headers", "must be a plain object");
    for (const [name, value] of Object.entries(set ?? {})) {
      try {
        headers.set(name, value);
      } catch {
        throw new InvalidRequestError(`headers[${JSON.stringify(name)}]`, "is invalid");
      }
    }
  }
  return headers;
}

function requestHeaders(t: Transport, options: RequestOptions | undefined, hasBody: boolean) {
  const body = hasBody ? jsonContentType : undefined;
  // The common case, no per-call headers, needs no Headers object.
  if (!options?.headers) return { ...body, ...t.headers };
  return mergedHeaders(body, t.headers, options.headers);
}

/**
 * A refused URL as the error shows it: credentials (anything before the last "@"), query and
 * fragment become "[REDACTED]", since any of them may hold a secret.
 */
function shownURL(value: unknown): string {
  const shown = String(JSON.stringify(value)).replace(/([?#])[^"]*/, "$1[REDACTED]");
  return shown.replace(/^("?(?:[a-z][\w+.-]*:\/\/)?).*@/is, "$1[REDACTED]@");
}

/** Checks that a server URL is an absolute http(s) URL and drops its trailing "/". */
export function checkedServerURL(field: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  // A password with no user name ("http://:secret@host") leaves `username` empty.
  if (
    !url ||
    typeof value !== "string" ||
    !/^https?:$/.test(url.protocol) ||
    url.username + url.password + url.search + url.hash
  ) {
    const problem = "must be an absolute http(s) URL with no credentials, query or fragment";
    throw new InvalidRequestError(field, `${problem}, got ${shownURL(value)}`);
  }
  return value.replace(/\/+$/, "");
}

/** Turns a method's arguments into a request, or throws InvalidRequestError before anything is sent. */
export function prepareRequest(
  t: Transport,
  name: string,
  op: OperationFacts,
  params: unknown,
  options: RequestOptions | undefined,
): Outgoing {
  if (params !== undefined && !isPlainObject(params)) throw new InvalidRequestError("params", "must be a plain object");
  const given = params ?? {};
  const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) => pathSegment(param, given[param]));
  const body = jsonBody(name, op, given) || undefined;
  const base = options?.serverURL === undefined ? t.serverURL : checkedServerURL("serverURL", options.serverURL);
  return { method: op.method, url: base + path, headers: requestHeaders(t, options, body !== undefined), body };
}

/**
 * A request and the call's options, checked and resolved against the client's settings once:
 * everything the transport runs for the call. Passing `retries` opts a call that may act
 * twice (create, fork) into the full policy.
 */
export function resolveCall(
  t: Transport,
  request: Outgoing,
  options: RequestOptions | undefined,
  idempotent: boolean,
): Call {
  const signal = options?.signal;
  if (signal !== undefined && typeof signal?.addEventListener !== "function") {
    throw new InvalidRequestError("signal", "must be an AbortSignal");
  }
  const optedIn = options?.retries !== undefined;
  const { method, url, headers, body } = request;
  return {
    method,
    url,
    headers,
    body,
    fullPolicy: idempotent || optedIn,
    policy: optedIn ? resolvePolicy(options.retries, "retries") : t.policy,
    // 0 turns the timeout off.
    timeoutMs: checkedNumber("timeoutMs", options?.timeoutMs ?? t.timeoutMs, 0) || Infinity,
    signal,
    redact: redactorFor(headers),
  };
}
