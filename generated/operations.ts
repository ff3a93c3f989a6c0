// Generated from spec/openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
import type { OperationFacts, SpecRetryPolicy } from "../src/operation-facts.js";
import type { operations } from "./schema.js";

/** The server the spec names first: the default `serverURL`. */
export const specServerURL = "http://localhost:8088";

/** The retry policy the spec declares in `x-speakeasy-retries` (intervals in milliseconds). */
export const specRetryPolicy = {
  "initialInterval": 500,
  "maxInterval": 60000,
  "exponent": 1.5,
  "maxElapsedTime": 600000,
  "retryConnectionErrors": true,
  "statusCodes": [
    "5XX",
    "408",
    "429"
  ]
} as const satisfies SpecRetryPolicy;

/** Run-time facts for each method of `mix.sessions`, keyed by method name. */
export const sessionOperations = {
  "list": {
    "method": "GET",
    "path": "/api/sessions",
    "idempotent": true,
    "errors": [
      401,
      500
    ],
    "data": "array"
  },
  "create": {
    "method": "POST",
    "path": "/api/sessions",
    "idempotent": false,
    "errors": [
      400
    ],
    "data": "object",
    "body": {
      "required": [],
      "fields": {
        "title": {
          "type": "string"
        },
        "workingDirectory": {
          "type": "string"
        }
      }
    }
  },
  "get": {
    "method": "GET",
    "path": "/api/sessions/{id}",
    "idempotent": true,
    "errors": [
      404
    ],
    "data": "object"
  },
  "delete": {
    "method": "DELETE",
    "path": "/api/sessions/{id}",
    "idempotent": true,
    "errors": [
      404
    ],
    "data": "none"
  },
  "fork": {
    "method": "POST",
    "path": "/api/sessions/{id}/fork",
    "idempotent": false,
    "errors": [
      400,
      404
    ],
    "data": "object",
    "body": {
      "required": [
        "messageIndex"
      ],
      "fields": {
        "messageIndex": {
          "type": "integer",
          "minimum": 1
        },
        "title": {
          "type": "string"
        }
      }
    }
  },
  "cancelProcessing": {
    "method": "POST",
    "path": "/api/sessions/{id}/cancel",
    "idempotent": true,
    "errors": [
      404
    ],
    "data": "object"
  }
} as const satisfies Record<string, OperationFacts>;

/** The spec's operationId of each method, for tools and reports (the client does not read it). */
export const operationIds = {
  "list": "listSessions",
  "create": "createSession",
  "get": "getSession",
  "delete": "deleteSession",
  "fork": "forkSession",
  "cancelProcessing": "cancelSessionProcessing"
} as const;

/**
 * Each method's path as a RegExp, for routers (the mock): each path parameter is a named
 * group (`{id}` is `(?<id>...)`, one segment, still percent-encoded) and a trailing "/" is allowed.
 */
export const pathPatterns = {
  "list": /^\/api\/sessions\/?$/,
  "create": /^\/api\/sessions\/?$/,
  "get": /^\/api\/sessions\/(?<id>[^/]+)\/?$/,
  "delete": /^\/api\/sessions\/(?<id>[^/]+)\/?$/,
  "fork": /^\/api\/sessions\/(?<id>[^/]+)\/fork\/?$/,
  "cancelProcessing": /^\/api\/sessions\/(?<id>[^/]+)\/cancel\/?$/,
} as const satisfies Record<string, RegExp>;

/** The methods of `mix.sessions`, typed from the spec. `Options` is the per-call options type. */
export interface SessionsMethods<Options> {
  /**
   * List all sessions.
   *
   * Retrieve all sessions, newest first (by `createdAt`), each with its message counts, token
   * usage and cost.
   *
   * `GET /api/sessions` (operation `listSessions`). Documented errors: 401, 500.
   * Idempotent: retried under the full retry policy.
   */
  list(options?: Options): Promise<operations["listSessions"]["responses"][200]["content"]["application/json"]["data"]>;

  /**
   * Create a new session.
   *
   * Create a new session with an optional title and working directory.
   *
   * `POST /api/sessions` (operation `createSession`). Documented errors: 400.
   * Not idempotent: by default retried only after a refused connection or a 429, so it never acts twice.
   */
  create(params?: operations["createSession"]["requestBody"]["content"]["application/json"], options?: Options): Promise<operations["createSession"]["responses"][201]["content"]["application/json"]["data"]>;

  /**
   * Get a specific session.
   *
   * Retrieve one session by its ID.
   *
   * `GET /api/sessions/{id}` (operation `getSession`). Documented errors: 404.
   * Idempotent: retried under the full retry policy.
   */
  get(params: operations["getSession"]["parameters"]["path"], options?: Options): Promise<operations["getSession"]["responses"][200]["content"]["application/json"]["data"]>;

  /**
   * Delete a session.
   *
   * Permanently delete a session and all of its data.
   *
   * `DELETE /api/sessions/{id}` (operation `deleteSession`). Documented errors: 404.
   * Idempotent: retried under the full retry policy.
   */
  delete(params: operations["deleteSession"]["parameters"]["path"], options?: Options): Promise<void>;

  /**
   * Fork a session.
   *
   * Create a new session that copies the source session's messages up to and including
   * `messageIndex` (1-based, oldest first). When that message has tool calls whose results
   * are in the next message, that message is copied too. The new session gets a new ID, the
   * source's working directory, and the title "Forked Session" unless one is given. The
   * source session is not changed.
   *
   * `POST /api/sessions/{id}/fork` (operation `forkSession`). Documented errors: 400, 404.
   * Not idempotent: by default retried only after a refused connection or a 429, so it never acts twice.
   */
  fork(params: operations["forkSession"]["parameters"]["path"] & operations["forkSession"]["requestBody"]["content"]["application/json"], options?: Options): Promise<operations["forkSession"]["responses"][201]["content"]["application/json"]["data"]>;

  /**
   * Cancel agent processing.
   *
   * Cancel any ongoing agent processing in the session.
   *
   * `POST /api/sessions/{id}/cancel` (operation `cancelSessionProcessing`). Documented errors: 404.
   * Idempotent: retried under the full retry policy.
   */
  cancelProcessing(params: operations["cancelSessionProcessing"]["parameters"]["path"], options?: Options): Promise<operations["cancelSessionProcessing"]["responses"][200]["content"]["application/json"]["data"]>;
}
