import { expect } from "vitest";
import { exampleSessions } from "../../generated/examples.ts";
import { errorOf, type RawAnswer } from "./raw-request.ts";

/** One request the mock must answer as the API would, whatever it does to Prism. */
export type BadInput = {
  name: string;
  method: string;
  /** As sent, percent-escapes and all. */
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** The answer: its status, and the error's type and message (a RegExp or the exact text). */
  status: number;
  type?: string;
  message?: string | RegExp;
};

const json = { "content-type": "application/json" };
const nested = (depth: number, inner = "") => "[".repeat(depth) + inner + "]".repeat(depth);
const known = exampleSessions[1]?.id ?? "";

/** Every kind of request that took the old mock down or got a body of Prism's own. */
export const badInputs: BadInput[] = [
  {
    name: "a create body with 80 unknown fields (Prism's violations overflow into plain text)",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: JSON.stringify(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`field${i}`, "x".repeat(100)]))),
    status: 400,
    type: "validation_error",
    message: "Validation error for field 'field0': unknown field",
  },
  {
    name: "a bare % in the id",
    method: "GET",
    path: "/api/sessions/100%",
    status: 400,
    type: "bad_request",
    message: 'Invalid request path: a "%" is not followed by two hex digits',
  },
  { name: "%ZZ in the id", method: "DELETE", path: "/api/sessions/%ZZ", status: 400, type: "bad_request" },
  {
    name: "%ZZ in the path of a fork",
    method: "POST",
    path: "/api/sessions/%ZZ/fork",
    body: "{}",
    status: 400,
    type: "bad_request",
  },
  {
    name: "a percent-escape that is not UTF-8 (%FF)",
    method: "GET",
    path: "/api/sessions/%FF",
    status: 404,
    type: "not_found",
    message: "Session with ID '\ufffd' not found",
  },
  {
    name: "a 10 KB body nested 5,000 deep",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: `{"title":${nested(5000)}}`,
    status: 400,
    type: "validation_error",
    message: "Validation error for field 'title': must be a string",
  },
  {
    name: "a body nested 100,000 deep",
    method: "POST",
    path: `/api/sessions/${known}/fork`,
    headers: json,
    body: nested(100_000),
    status: 400,
    type: "bad_request",
    message: "Invalid request body: expected a JSON object",
  },
  {
    name: "malformed JSON",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: '{"title":',
    status: 400,
    type: "bad_request",
    message: "Invalid request body: the body is not valid JSON",
  },
  {
    name: "JSON with trailing text",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: '{"title":"x"} and more',
    status: 400,
    type: "bad_request",
  },
  {
    name: "a byte order mark before the JSON",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: '\ufeff{"title":"x"}',
    status: 400,
    type: "bad_request",
  },
  {
    name: "a body just over 1 MiB",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: JSON.stringify({ title: "x".repeat(1_048_576) }),
    status: 413,
    type: "bad_request",
    message: /^Request body too large: 1048588 bytes, the limit is 1048576$/,
  },
  {
    name: "a body of 11 MB",
    method: "POST",
    path: "/api/sessions",
    headers: json,
    body: "x".repeat(11_000_000),
    status: 413,
    type: "bad_request",
  },
  {
    name: "a list with a body nested 5,000 deep",
    method: "GET",
    path: "/api/sessions",
    headers: json,
    body: nested(5000),
    status: 200,
  },
  {
    name: "a Prefer header the mock cannot follow",
    method: "GET",
    path: "/api/sessions",
    headers: { prefer: "code=4O4" },
    status: 400,
    type: "bad_request",
    message: 'Prefer: code must be an HTTP status from 100 to 599, got "4O4"',
  },
];

/** Checks that an answer is the one a bad input must get: its status, and the API's envelope with its type and message. */
export function expectAnswerTo(input: BadInput, answer: RawAnswer) {
  expect(answer.status).toBe(input.status);
  if (!input.type) return;
  expect(answer.headers["content-type"]).toBe("application/json");
  const error = errorOf(answer);
  expect(error).toMatchObject({ code: input.status, type: input.type });
  if (input.message) expect(error?.message).toMatch(input.message);
}
