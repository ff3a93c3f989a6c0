/**
 * The gate's pure parts, without redocly: the schema subset check behind every direction-aware
 * verdict, normalization, envelope detection, variant pairing, line grouping and the policy.
 */
import { describe, expect, it } from "vitest";
import { applyPolicy, majorOf } from "../../scripts/spec-gate/gate.ts";
import { at, type Obj } from "../../scripts/spec-gate/json.ts";
import { judgeParameters } from "../../scripts/spec-gate/judge/parameters.ts";
import { judgeResponses } from "../../scripts/spec-gate/judge/responses.ts";
import { envelopeKey } from "../../scripts/spec-gate/normalize/envelope.ts";
import { normalizeSpec } from "../../scripts/spec-gate/normalize/normalize.ts";
import { pathIn } from "../../scripts/spec-gate/normalize/originals.ts";
import { alignPathNames } from "../../scripts/spec-gate/normalize/path-names.ts";
import { alignUnions } from "../../scripts/spec-gate/normalize/unions.ts";
import { mergeSchemaList } from "../../scripts/spec-gate/schema/merge-all-of.ts";
import { within } from "../../scripts/spec-gate/schema/subset.ts";
import { pairVariants } from "../../scripts/spec-gate/schema/variants.ts";
import { groupLines } from "../../scripts/spec-gate/word/lines.ts";
import { valuesText } from "../../scripts/spec-gate/word/values.ts";
import { unionText } from "../../scripts/spec-gate/word/variants.ts";

const response = { direction: "response" as const };
const request = { direction: "request" as const };
const str = { type: "string" };

describe("the subset check: does every value of the inner schema fit the outer one", () => {
  it.each([
    ["an integer fits a number", { type: "integer" }, { type: "number" }, true],
    ["a number does not fit an integer", { type: "number" }, { type: "integer" }, false],
    ["fewer enum values fit more", { enum: ["a"] }, { enum: ["a", "b"] }, true],
    ["more enum values do not fit fewer", { enum: ["a", "b", "c"] }, { enum: ["a", "b"] }, false],
    [
      "known values fit 'known values or any string'",
      { type: "string", enum: ["a"] },
      { anyOf: [{ enum: ["a"] }, str] },
      true,
    ],
    [
      "'known values or any string' does not fit known values",
      { anyOf: [{ enum: ["a"] }, str] },
      { enum: ["a"] },
      false,
    ],
    [
      "enum values are checked against a pattern",
      { enum: ["x_y"] },
      { type: "string", pattern: "^[a-z]+_[a-z]+$" },
      true,
    ],
    ["a uuid string fits a string", { type: "string", format: "uuid" }, str, true],
    ["a string does not fit a uuid string", str, { type: "string", format: "uuid" }, false],
    ["minimum 0 fits no minimum", { type: "number", minimum: 0 }, { type: "number" }, true],
    ["minimum 0 does not fit minimum 1", { type: "integer", minimum: 0 }, { type: "integer", minimum: 1 }, false],
    ["exclusive 0 fits inclusive 0", { type: "number", exclusiveMinimum: 0 }, { type: "number", minimum: 0 }, true],
    ["a string or null does not fit a string", { type: ["null", "string"] }, str, false],
    ["each variant must fit", { oneOf: [{ const: "a" }, { const: "b" }] }, { enum: ["a", "b", "c"] }, true],
    [
      "an array of integers fits an array of numbers",
      { type: "array", items: { type: "integer" } },
      { type: "array", items: { type: "number" } },
      true,
    ],
    ["anything fits an empty schema", { type: "object" }, { description: "any" }, true],
    ["nothing but false fits false", str, false, false],
  ])("%s", (_, inner, outer, expected) => {
    expect(within(inner, outer, response)).toBe(expected);
  });

  const session = { type: "object", required: ["id"], properties: { id: str, error: { type: "object" } } };
  it("a response that stops declaring a field does not fit, unless it forbids the field", () => {
    const dropped = { type: "object", required: ["id"], properties: { id: str } };
    expect(within(dropped, session, response)).toBe(false);
    expect(within({ ...dropped, properties: { id: str, error: false } }, session, response)).toBe(true);
    expect(within({ ...dropped, not: { required: ["error"] } }, session, response)).toBe(true);
  });

  it("a response may declare a new field, and make a field required", () => {
    const more = {
      ...session,
      required: ["error", "id"],
      properties: { ...session.properties, cost: { type: "number" } },
    };
    expect(within(more, session, response)).toBe(true);
    expect(within(session, more, response)).toBe(false);
  });

  it("a request may declare a new optional field, but not drop one or require one", () => {
    const body = { type: "object", additionalProperties: false, properties: { title: str } };
    const more = { ...body, properties: { title: str, mode: str } };
    expect(within(body, more, request)).toBe(true);
    expect(within(more, body, request)).toBe(false);
    expect(within(body, { ...body, required: ["title"] }, request)).toBe(false);
  });
});

describe("rules for parameters and statuses (on normalized documents)", () => {
  const op = { path: "/a", method: "get" };
  const sides = <T extends Obj | Obj[]>(before: T, after: T) => ({ before, after });
  const param = (schema: object): Obj[] => [{ name: "n", in: "query", schema }];

  it("a query parameter that becomes a plain string still accepts what was sent as an integer", () => {
    const [verdict] = judgeParameters(op, sides(param({ type: "integer" }), param({ type: "string" })));
    expect(verdict).toMatchObject({ code: "parameter-values", breaking: false });
    const [narrowed] = judgeParameters(op, sides(param({ type: "string" }), param({ type: "string", format: "date" })));
    expect(narrowed).toMatchObject({ code: "parameter-values", breaking: true });
  });

  it("a parameter whose schema only gained an example or a description did not change", () => {
    expect(judgeParameters(op, sides(param(str), param({ ...str, example: "x", description: "d" })))).toEqual([]);
  });

  it("a 204 whose meaningless content is dropped is no change; a 200 that loses its body breaks", () => {
    const withBody = (status: string): Obj => ({ [status]: { content: { "application/json": { schema: str } } } });
    const without = (status: string): Obj => ({ [status]: { description: "none" } });
    expect(judgeResponses(op, sides(withBody("204"), without("204")))).toEqual([]);
    expect(judgeResponses(op, sides(withBody("200"), without("200")))).toMatchObject([
      { code: "content-removed", breaking: true },
    ]);
  });
});

describe("normalizing makes equivalent descriptions identical", () => {
  const doc = (paths: object, components: object = {}) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths,
    components,
  });
  const param = { name: "id", in: "path", required: true, schema: str };

  it("moves path-level parameters into each operation, where the operation's own one wins", () => {
    const own = { ...param, schema: { type: "string", format: "uuid" } };
    const normal = normalizeSpec(doc({ "/a/{id}": { parameters: [param], get: {}, put: { parameters: [own] } } }));
    expect(normal.paths).toEqual({ "/a/{id}": { get: { parameters: [param] }, put: { parameters: [own] } } });
  });

  it("inlines references and merges allOf, in any order of keys", () => {
    const schemas = { Base: { type: "object", properties: { a: str } } };
    const split = { allOf: [{ $ref: "#/components/schemas/Base" }, { required: ["a"], properties: { b: str } }] };
    const whole = { required: ["a"], properties: { b: str, a: str }, type: "object" };
    const body = (schema: object) => ({
      "/x": { post: { requestBody: { content: { "application/json": { schema } } } } },
    });
    expect(normalizeSpec(doc(body(split), { schemas })).paths).toEqual(normalizeSpec(doc(body(whole))).paths);
  });

  it("reads OpenAPI 3.0's nullable and boolean exclusiveMinimum as their 3.1 forms", () => {
    const body = (schema: object) => ({
      "/x": { post: { requestBody: { content: { "application/json": { schema } } } } },
    });
    const old = normalizeSpec({
      ...doc(body({ type: "number", nullable: true, minimum: 0, exclusiveMinimum: true })),
      openapi: "3.0.3",
    });
    const now = normalizeSpec(doc(body({ type: ["number", "null"], exclusiveMinimum: 0 })));
    expect(old.paths).toEqual(now.paths);
  });

  it("keeps an allOf whose parts cannot merge without changing its meaning", () => {
    const closed = { type: "object", additionalProperties: false, properties: { a: str } };
    expect(mergeSchemaList([closed, { properties: { b: str } }])).toEqual({
      allOf: [closed, { properties: { b: str } }],
    });
    expect(mergeSchemaList([{ type: "number" }, { type: "integer", minimum: 1 }])).toEqual({
      type: "integer",
      minimum: 1,
    });
  });
});

describe("envelopes and variants", () => {
  const session = { type: "object", properties: { id: str, title: str } };
  it("finds the field of an envelope that holds what is now the whole body", () => {
    const envelope = { type: "object", properties: { data: session, error: { type: "object" }, message: str } };
    expect(envelopeKey(envelope, session)).toBe("data");
    expect(envelopeKey(session, envelope)).toBeUndefined();
    expect(envelopeKey(envelope, { type: "object", properties: { data: session } })).toBeUndefined();
  });

  it("pairs variants by component name first, and never pairs two different names", () => {
    const event = (kind: string, fields: string[]) => ({
      type: "object",
      properties: {
        event: { const: kind },
        data: { type: "object", properties: Object.fromEntries(fields.map((f) => [f, str])) },
      },
    });
    const before = [event("a", ["x"]), event("b", ["y", "z"])];
    const after = [event("b", ["y", "z", "w"]), event("c", ["q"])];
    const pairs = pairVariants(before, after, { before: ["EventA", "EventB"], after: ["EventB", "EventC"] });
    expect([...pairs]).toEqual([[1, 0]]);
    expect([...pairVariants(before, after)]).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe("paths whose template variables were renamed", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: str });
  const item = (name: string) => ({ get: { parameters: [param(name), { name: "q", in: "query", schema: str }] } });
  const doc = (paths: object) => ({ paths });

  it("are put back under the old path, with the path parameter renamed back", () => {
    const aligned = alignPathNames(doc({ "/s/{id}": item("id") }), doc({ "/s/{sessionId}": item("sessionId") }));
    expect(aligned.renames).toEqual([
      { path: "/s/{id}", headPath: "/s/{sessionId}", variables: [{ before: "id", after: "sessionId" }] },
    ]);
    expect(aligned.head.paths).toEqual({ "/s/{id}": item("id") });
  });

  it("are left alone when two new paths have the old one's shape", () => {
    const head = doc({ "/s/{a}": item("a"), "/s/{b}": item("b") });
    expect(alignPathNames(doc({ "/s/{id}": item("id") }), head).renames).toEqual([]);
  });
});

describe("schemas wrapped in a union or unwrapped from one", () => {
  const session = { type: "object", properties: { id: str } };
  const nullable = { anyOf: [session, { type: "null" }] };
  const op = { path: "/a", method: "get" };
  const body = (schema: object) => ({
    paths: { "/a": { get: { responses: { "200": { content: { "application/json": { schema } } } } } } },
  });
  const schemaOf = (doc: object) => at(doc, ["paths", "/a", "get", "responses", "200", "content", "application/json"]);

  it("writes the plain side as a union of one variant and says where", () => {
    const aligned = alignUnions(body({ type: "array", items: session }), body({ type: "array", items: nullable }));
    expect(schemaOf(aligned.base)).toEqual({ schema: { type: "array", items: { anyOf: [session] } } });
    expect(schemaOf(aligned.head)).toEqual({ schema: { type: "array", items: nullable } });
    const where = { method: "get", path: "/a", where: "200", mediaType: "application/json" };
    expect(aligned.wraps).toEqual([{ ...where, side: "base", at: ["items"], key: "anyOf" }]);
    const originals = { base: {}, head: {}, envelopes: [], unions: aligned.wraps };
    const ref = { where: "200", baseMediaType: "application/json", headMediaType: "application/json" };
    const inside = ["items", "anyOf", "0", "properties", "id"];
    expect(pathIn("base", op, ref, inside, originals)).toEqual(["items", "properties", "id"]);
    expect(pathIn("head", op, ref, inside, originals)).toEqual(inside);
  });

  it("leaves a schema alone when no variant of the other side's union is like it", () => {
    expect(alignUnions(body(str), body(nullable)).wraps).toEqual([]);
  });

  it("says a kind of value gained or lost in words, and shows overlapping values as before -> after", () => {
    expect(unionText({ anyOf: [session] }, nullable)).toBe("may now also be null");
    expect(unionText(nullable, { anyOf: [session] })).toBe("can no longer be null");
    const known = { type: "string", enum: ["a"] };
    expect(unionText({ anyOf: [known] }, { anyOf: [known, str] })).toBeUndefined();
    expect(valuesText({ anyOf: [known] }, { anyOf: [known, str] })).toBe("one of a -> one of a or a string");
  });
});

describe("lines and the version policy", () => {
  const where = (op: string, part: string, at = "") => ({ op, part, at });
  it("says one change once, naming every place, and merges fields that changed alike", () => {
    const field = (name: string) => ({ side: "response", owner: "RESTResponse", name });
    const worded = ["data", "message"].flatMap((name) =>
      ["400", "404"].map((part) => ({
        breaking: true,
        subject: `response field RESTResponse.${name}`,
        joiner: " ",
        verb: "removed",
        where: where("GET /a (getA)", part),
        field: field(name),
        kind: "field-removed",
        place: { operation: "GET /a (getA)", part, field: name },
      })),
    );
    expect(groupLines(worded)).toEqual([
      {
        breaking: true,
        kind: "field-removed",
        text: "response fields data and message of RESTResponse removed, in GET /a (getA) 400, 404",
        where: ["data", "message"].flatMap((name) =>
          ["400", "404"].map((part) => ({ operation: "GET /a (getA)", part, field: name })),
        ),
      },
    ]);
  });

  it.each([
    ["1.0.0", "2.0.0", true],
    ["1.4.2", "v3.0.0-rc.1", true],
    ["1.0.0", "1.1.0", false],
    ["2.0.0", "1.0.0", false],
    ["1.0.0", "two", false],
    ["latest", "2.0.0", false],
  ])("a breaking change from %s to %s passes: %s", (base, head, ok) => {
    const change = { kind: "other", text: "x", where: [] };
    expect(applyPolicy([{ ...change, breaking: true }], 0, base, head).ok).toBe(ok);
    expect(applyPolicy([{ ...change, breaking: false }], 0, base, head).ok).toBe(true);
  });

  it("majorOf reads semver majors and nothing else", () => {
    expect([majorOf("1.0.0"), majorOf("v12.3.4"), majorOf("1.0"), majorOf(undefined)]).toEqual([
      1,
      12,
      undefined,
      undefined,
    ]);
  });
});
