import type { RESTResponse } from "../generated/schema.js";

/** Bodies longer than this are cut in `MixDefaultError` messages. */
const messageBodyLimit = 10_000;

/** An HTTP response that is an error. `body` is the raw text; `rawResponse` is already read. */
export class MixError extends Error {
  override name = "MixError";
  // Fields are `declare`d and set in the constructor: no separate field definitions to ship.
  /** The HTTP status. */
  declare readonly statusCode: number;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The response body as text, exactly as received. */
  declare readonly body: string;
  /** The response's Content-Type, or "" when it had none. */
  declare readonly contentType: string;
  /** The response; its body has already been read into `body`. */
  declare readonly rawResponse: Response;
  /** The wait the server asked for (`retry-after-ms` or `Retry-After`), when it sent one. */
  declare readonly retryAfterMs?: number;

  constructor(message: string, response: Response, body: string, retryAfterMs?: number) {
    super(message);
    this.statusCode = response.status;
    this.headers = response.headers;
    this.body = body;
    this.contentType = response.headers.get("content-type") ?? "";
    this.rawResponse = response;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** A status the spec documents for the operation, with a JSON envelope. */
export class RESTResponseError extends MixError {
  override name = "RESTResponseError";
  /** The parsed envelope; `data.error` usually says what went wrong. */
  declare readonly data: RESTResponse;

  constructor(message: string, response: Response, body: string, data: RESTResponse, retryAfterMs?: number) {
    super(message, response, body, retryAfterMs);
    this.data = data;
  }
}

/** Any other error status, or a documented status whose body is not a JSON envelope. */
export class MixDefaultError extends MixError {
  override name = "MixDefaultError";
}

/** A 2xx whose body is not the promised shape (not JSON, no envelope, data of the wrong kind). */
export class ResponseValidationError extends MixError {
  override name = "ResponseValidationError";
}

/** No usable HTTP response. `cause` holds the underlying error. */
export class HTTPClientError extends Error {
  override name = "HTTPClientError";
}

/** Could not connect, or the connection dropped before the response was complete. */
export class ConnectionError extends HTTPClientError {
  override name = "ConnectionError";
}

/** An attempt ran past `timeoutMs` (waiting for headers or reading the body). */
export class RequestTimeoutError extends HTTPClientError {
  override name = "RequestTimeoutError";
}

/** The caller's signal aborted the call. `cause` is `signal.reason`. */
export class RequestAbortedError extends HTTPClientError {
  override name = "RequestAbortedError";
}

/** Bad input, caught before anything was sent. `field` names the culprit. */
export class InvalidRequestError extends HTTPClientError {
  override name = "InvalidRequestError";
  /** The offending field or option, for example `messageIndex` or `timeoutMs`. */
  declare readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid request: ${field} ${problem}`);
    this.field = field;
  }
}

/** Checks a numeric option: a finite number >= `min`, or InvalidRequestError naming `field`. */
export function checkedNumber(field: string, value: unknown, min: number): number {
  if (!Number.isFinite(value) || (value as number) < min) {
    throw new InvalidRequestError(field, `must be a finite number >= ${min}, got ${String(value)}`);
  }
  return value as number;
}

/**
 * True for a plain object (its prototype Object.prototype or null): what the client takes as
 * params and headers, and what the contract calls an envelope once parsed from JSON.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Parses JSON, or gives undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {}
  return undefined;
}

/**
 * The one mapping from an error response to its class: a status the operation documents with
 * a JSON envelope becomes `RESTResponseError`, anything else `MixDefaultError`.
 */
export function responseError(
  documented: readonly number[],
  response: Response,
  body: string,
  retryAfterMs: number | undefined,
  redact: (text: string) => string,
): MixError {
  const parsed = documented.includes(response.status) ? parseJson(body) : undefined;
  if (isPlainObject(parsed)) {
    const envelope = parsed as RESTResponse;
    const message = [envelope.error?.message, envelope.message].find((m) => typeof m === "string") ?? body;
    return new RESTResponseError(redact(message), response, body, envelope, retryAfterMs);
  }
  const contentType = response.headers.get("content-type") ?? "";
  const message = `API error occurred: Status ${response.status} Content-Type ${contentType}. Body: ${body.slice(0, messageBodyLimit)}`;
  return new MixDefaultError(redact(message), response, body, retryAfterMs);
}
