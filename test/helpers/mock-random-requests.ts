import fc from "fast-check";
import { exampleSessions } from "../../generated/examples.ts";
import type { BadInput } from "./mock-bad-inputs.ts";
import type { RawAnswer } from "./raw-request.ts";

/** A request as `sendRaw` sends it. */
export type RandomRequest = Pick<BadInput, "method" | "path" | "body" | "headers">;

const seedIds = exampleSessions.map((s) => s.id);
const nested = (depth: number) => `{"title":${"[".repeat(depth)}${"]".repeat(depth)}}`;

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...seedIds) },
  fc.uuid().map(String),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom("100%", "%ZZ", "%FF", "%C3%28", "..", "%2F", "%E2%82%AC", "a%20b", "x%"),
);

const path = fc.oneof(
  { weight: 3, arbitrary: fc.constant("/api/sessions") },
  { weight: 4, arbitrary: id.map((i) => `/api/sessions/${i}`) },
  { weight: 3, arbitrary: id.map((i) => `/api/sessions/${i}/fork`) },
  id.map((i) => `/api/sessions/${i}/cancel`),
  fc.constantFrom("/api/sessions/", "/api", "/", "/api/sessions?x=1", "/__mock/sessions", "/__mock/reset", "/__mock/x"),
  fc.webPath().filter((p) => p.startsWith("/")),
);

const createBody = fc.record({ title: fc.string(), workingDirectory: fc.string() }, { requiredKeys: [] });
const forkBody = fc.record(
  { messageIndex: fc.integer({ min: -2, max: 40 }), title: fc.string() },
  { requiredKeys: [] },
);
const flood = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i])));

const body = fc.oneof(
  { weight: 60, arbitrary: fc.constant(undefined) },
  { weight: 60, arbitrary: createBody.map((b) => JSON.stringify(b)) },
  { weight: 60, arbitrary: forkBody.map((b) => JSON.stringify(b)) },
  { weight: 20, arbitrary: fc.json() },
  { weight: 20, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 20, arbitrary: fc.integer({ min: 1, max: 120 }).map(flood) },
  { weight: 20, arbitrary: fc.integer({ min: 20, max: 6000 }).map(nested) },
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      '\ufeff{"title":"bom"}',
      '{"title":"x"} trailing',
      "{",
      "",
      "null",
      "[]",
      '{"title":1e400}',
    ),
  },
  { weight: 1, arbitrary: fc.constant(`{"title":"${"x".repeat(1_100_000)}"}`) },
);

const headers = fc.record(
  {
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/json; charset=utf-16",
      "form/x",
      "*/*",
    ),
    prefer: fc.constantFrom(
      "code=404",
      "code=500",
      "code=503, delay=2",
      "code=abc",
      "code=201",
      "return=minimal",
      "delay=1",
      "code=418",
    ),
    accept: fc.constantFrom("application/json", "text/html", "*/*", "application/xml"),
    origin: fc.constantFrom("http://localhost:5173", "null"),
    "access-control-request-method": fc.constantFrom("POST", "DELETE"),
    "x-anything": fc.stringMatching(/^[a-zA-Z0-9 ._-]{0,20}$/),
  },
  { requiredKeys: [] },
);

/** Any request a page, a test or a fuzzer could send the mock: paths, methods, headers and bodies. */
export const randomRequest: fc.Arbitrary<RandomRequest> = fc.record({
  method: fc.constantFrom("GET", "GET", "POST", "POST", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"),
  path,
  body,
  headers,
});

/** The ids the store must hold, followed from the answers: created and forked ones in, deleted ones out, reset to the seed. */
export function storeOracle() {
  const ids = new Set(seedIds);
  return {
    ids,
    follow(request: RandomRequest, answer: RawAnswer) {
      if (request.path === "/__mock/reset" && request.method === "POST" && answer.status === 200) {
        ids.clear();
        for (const seeded of seedIds) ids.add(seeded);
      } else if (answer.status === 201) ids.add((JSON.parse(answer.text) as { data: { id: string } }).data.id);
      else if (answer.status === 204 && request.method === "DELETE")
        ids.delete(decodeURIComponent(request.path.split("/")[3] ?? ""));
    },
  };
}

/** What must hold for every answer of the stateful mock: the API's shapes, never a body of Prism's own, no 5XX unasked. */
export function answerProblem(request: RandomRequest, answer: RawAnswer): string | undefined {
  const type = String(answer.headers["content-type"] ?? "");
  if (type.includes("problem+json")) return `a body of Prism's own: ${answer.text.slice(0, 200)}`;
  const asked = /code=5\d\d/.test(request.headers?.prefer ?? "");
  if (answer.status >= 500 && !asked) return `an unasked ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (!type.startsWith("application/json") || request.method === "HEAD") return undefined;
  const envelope = JSON.parse(answer.text) as { data?: unknown; error?: { code: number } };
  if ("data" in envelope === "error" in envelope) return `not an envelope: ${answer.text.slice(0, 200)}`;
  if (envelope.error && envelope.error.code !== answer.status)
    return `error.code ${envelope.error.code} on a ${answer.status}`;
  return undefined;
}
