import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionOperations } from "../../generated/operations.ts";
import { InvalidRequestError, Mix } from "../../src/index.ts";
import type { FieldFacts, OperationFacts } from "../../src/operation-facts.ts";
import { fakeFetch, json } from "../helpers/fake-fetch.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

const runs = { numRuns: 300 };
type Method = keyof typeof sessionOperations;
type Loose = Record<string, (params: unknown) => Promise<unknown>>;

/** Calls one method as untyped JavaScript would; reports what was sent and how the call ended. */
async function send(method: Method, params: unknown) {
  const status = method === "delete" ? 204 : 200;
  const fake = fakeFetch(() =>
    status === 204 ? new Response(null, { status }) : json(status, { data: sampleSession }),
  );
  const mix = new Mix({ serverURL: "http://api.test", fetch: fake.fetch });
  const sessions = mix.sessions as unknown as Loose;
  const settled = await sessions[method]?.(params).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { settled, requests: fake.requests, bodies: fake.bodies };
}

/** Expects the call to have been refused with InvalidRequestError before fetch was called. */
function expectRefused(sent: Awaited<ReturnType<typeof send>>): void {
  expect(sent.settled?.ok).toBe(false);
  const error = sent.settled && !sent.settled.ok ? sent.settled.error : undefined;
  expect(error, String(error)).toBeInstanceOf(InvalidRequestError);
  expect(sent.requests).toHaveLength(0);
}

const special = fc.constantFrom(
  ...["", ".", "..", "/", "?", "#", "%", "%2e", "%2E%2E", ".%2e", "../admin", "a/../b", "./", "\\", "%00", " "],
  ...["\u3002", "\uFF0E", "\u2024", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u0000", "\n", "é", "😀", "?x=1#y"],
);
const char16 = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const ids = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: char16 }),
  special,
  fc.array(fc.oneof(special, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join("")),
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 500, max: 5000 })).map(([s, n]) => s.repeat(n)),
);
/** A UTF-16 surrogate without its pair: such a string has no UTF-8 form to percent-encode. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const pathSuffix: Record<string, string[]> = { get: [], delete: [], fork: ["fork"], cancelProcessing: ["cancel"] };

describe("any id", () => {
  it("stays exactly one path segment under /api/sessions/, or is refused before anything is sent", async () => {
    const methods = fc.constantFrom("get", "delete", "fork", "cancelProcessing") as fc.Arbitrary<Method>;
    await fc.assert(
      fc.asyncProperty(methods, fc.oneof(ids, fc.anything()), async (method, id) => {
        const sent = await send(method, method === "fork" ? { id, messageIndex: 1 } : { id });
        const encodable = typeof id === "string" && !loneSurrogate.test(id) && !["", ".", ".."].includes(id);
        if (!sent.settled?.ok) {
          expect(encodable, `${method} refused the id ${JSON.stringify(id)}`).toBe(false);
          return expectRefused(sent);
        }
        expect(sent.requests).toHaveLength(1);
        const url = new URL(sent.requests[0]?.url ?? "");
        expect(url.search + url.hash).toBe("");
        const segments = url.pathname.split("/");
        expect(segments).toHaveLength(4 + (pathSuffix[method]?.length ?? 0));
        expect(segments.slice(0, 3)).toEqual(["", "api", "sessions"]);
        expect(segments.slice(4)).toEqual(pathSuffix[method]);
        expect(decodeURIComponent(segments[3] ?? "")).toBe(id);
      }),
      runs,
    );
  });
});

/** Whether the contract accepts this value for a body field: the right type, within its minimum. */
function fieldOk(facts: FieldFacts, value: unknown): boolean {
  const typed =
    facts.type === "integer"
      ? Number.isSafeInteger(value)
      : facts.type === "number"
        ? Number.isFinite(value)
        : typeof value === facts.type;
  return typed && (facts.minimum === undefined || (value as number) >= facts.minimum);
}

function isPlain(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  return proto === Object.prototype || proto === null;
}

/** The body fields a call should send, or undefined when the contract says refuse. */
function expectedBody(op: OperationFacts, params: unknown): Record<string, unknown> | undefined {
  if (params === undefined && !op.path.includes("{")) return {};
  if (!isPlain(params) || !op.body) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (op.path.includes(`{${key}}`) || value === undefined) continue;
    const facts = Object.hasOwn(op.body.fields, key) ? op.body.fields[key] : undefined;
    if (!facts || !fieldOk(facts, value)) return undefined;
    fields[key] = value;
  }
  return op.body.required.every((key) => key in fields) ? fields : undefined;
}

const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.string({ unit: "binary" }),
  fc.integer({ min: -3, max: 2 ** 53 + 2 }),
  fc.double(),
  fc.constantFrom(undefined, null, -0, 1, 2 ** 53, 1e21, true, "3"),
);
const keys = fc.oneof(
  fc.constantFrom("title", "workingDirectory", "messageIndex", "id", "Title", "sessionId", "__proto__"),
  fc.constantFrom("constructor", "toString", "hasOwnProperty", "valueOf"),
  fc.string(),
);
const fieldsOf = (names: string[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, anyValue])), { requiredKeys: [] });

describe("any JSON value in a request body field", () => {
  it("create sends only the spec's fields with valid types, or refuses and sends nothing", async () => {
    const params = fc.oneof(
      fc.constant(undefined),
      fieldsOf(["title", "workingDirectory"]),
      fc.record({ title: fc.string(), workingDirectory: fc.string() }, { requiredKeys: [] }),
      fc.dictionary(keys, anyValue, { maxKeys: 4 }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(params, (p) => expectSentOrRefused("create", p)),
      runs,
    );
  });

  it("fork sends only the spec's fields with valid types, or refuses and sends nothing", async () => {
    const extra = fc.dictionary(keys, anyValue, { maxKeys: 3 });
    const params = fc.oneof(
      fc.tuple(fieldsOf(["messageIndex", "title"]), extra).map(([fields, more]) => ({ ...more, ...fields })),
      fc.record({ messageIndex: fc.integer({ min: -2, max: 1000 }), title: fc.string() }, { requiredKeys: [] }),
      fc.record({ messageIndex: anyValue, title: anyValue }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(params, (p) => expectSentOrRefused("fork", { ...p, id: "s1" })),
      runs,
    );
  });
});

async function expectSentOrRefused(method: Method, params: unknown): Promise<void> {
  const op: OperationFacts = sessionOperations[method];
  const expected = expectedBody(op, params);
  const sent = await send(method, params);
  if (expected === undefined) return expectRefused(sent);
  expect(sent.settled, `${method} with ${String(JSON.stringify(params))}`).toEqual({ ok: true });
  expect(sent.requests).toHaveLength(1);
  expect(sent.requests[0]?.headers.get("content-type")).toBe("application/json");
  const body: unknown = JSON.parse(sent.bodies[0] ?? "");
  expect(isPlain(body)).toBe(true);
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const facts = Object.hasOwn(op.body?.fields ?? {}, key) ? op.body?.fields[key] : undefined;
    expect(facts && fieldOk(facts, value), `sent field ${key}: ${JSON.stringify(value)}`).toBe(true);
  }
  expect(body).toEqual(expected);
}
