import { describe, expect, it } from "vitest";
import { exampleSessions, sessionDataSchema } from "../../generated/examples.ts";
import { checkableSchema } from "../../scripts/lib/render-examples.ts";
import { deref, loadSpec } from "../../scripts/lib/spec.ts";
import type { SessionData } from "../../src/index.ts";
import { createSessionsModel } from "../../src/mock/model.ts";
import { schemaProblem } from "../../src/mock/schema.ts";
import { MockSeedError, seedSessions } from "../../src/mock/seed.ts";

const good = exampleSessions[1] as SessionData;
const seedOf = (fields: Record<string, unknown>) => [exampleSessions[0], { ...good, ...fields }] as SessionData[];

/** The error a seed gets, as "index|field|problem". */
function refusal(seed: unknown): string {
  try {
    seedSessions(seed as SessionData[]);
  } catch (error) {
    if (error instanceof MockSeedError) return `${error.index}|${error.field}|${error.problem}`;
    throw error;
  }
  return "accepted";
}

describe("a seed, checked against the spec's own SessionData schema", () => {
  it.each([
    [{ createdAt: "1" }, '1|createdAt|must be an RFC 3339 date-time such as 2025-09-10T18:59:13+05:30, got "1"'],
    [
      { createdAt: "2025-02-29T10:00:00Z" },
      '1|createdAt|must be an RFC 3339 date-time such as 2025-09-10T18:59:13+05:30, got "2025-02-29T10:00:00Z"',
    ],
    [{ createdAt: "2025-09-10T18:59:13" }, expect.stringMatching(/^1\|createdAt\|must be an RFC 3339/)],
    [{ createdAt: "2025-09-10T24:00:00Z" }, expect.stringMatching(/^1\|createdAt\|/)],
    [{ createdAt: "2025-09-10T18:59:13+05:60" }, expect.stringMatching(/^1\|createdAt\|/)],
    [{ id: "session-1" }, '1|id|must be a UUID, got "session-1"'],
    [{ workingDirectory: 5 }, "1|workingDirectory|must be a string, got 5"],
    [{ promptTokens: -1 }, "1|promptTokens|must be at least 0, got -1"],
    [{ toolCallCount: 1.5 }, "1|toolCallCount|must be an integer, got 1.5"],
    [{ cost: Number.NaN }, "1|cost|must be a finite number, got NaN"],
    [{ cost: "0.1" }, '1|cost|must be a number, got "0.1"'],
    [{ title: undefined }, "1|title|must be a string, got undefined"],
    [{ id: (exampleSessions[0] as SessionData).id }, expect.stringMatching(/^1\|id\|repeats the id of session 0/)],
  ])("refuses %j, naming the index and the field", (fields, expected) => {
    expect(refusal(seedOf(fields))).toEqual(expected);
  });

  it("refuses a session that is missing a required field, or is not an object", () => {
    const { cost: _, ...noCost } = good;
    expect(refusal([noCost])).toBe("0|cost|is required");
    expect(refusal([null])).toBe("0||must be an object, got null");
    expect(() => seedSessions("sessions" as never)).toThrow('seed must be "examples", "empty" or an array of sessions');
  });

  it("names the session in its message", () => {
    expect(() => createSessionsModel({ seed: seedOf({ createdAt: "1" }) })).toThrow(
      /^seed session 1, field createdAt: must be an RFC 3339 date-time/,
    );
  });

  it("accepts the forms RFC 3339 allows: fractions, Z and z, offsets, a leap day", () => {
    for (const createdAt of ["2024-02-29T00:00:00Z", "2025-09-10t18:59:13.123z", "2025-09-10T18:59:13-09:30"])
      expect(refusal(seedOf({ createdAt }))).toBe("accepted");
  });

  it("is copied: changing the caller's array or sessions later changes nothing, not even after reset()", () => {
    const mine = seedOf({ title: "Mine" });
    const model = createSessionsModel({ seed: mine });
    (mine[1] as SessionData).title = "Changed";
    mine.push({ ...good, id: "11111111-1111-4111-8111-111111111111" });
    model.reset();
    expect(model.sessions().map((s) => s.title)).toEqual(["Write release notes", "Mine"]);
  });
});

describe("the schema the seed is checked against", () => {
  it("is the spec's SessionData, generated: every field the spec requires is required", () => {
    const spec = deref(loadSpec(), { $ref: "#/components/schemas/SessionData" });
    expect(sessionDataSchema.required).toEqual(spec.required);
    expect(Object.keys(sessionDataSchema.properties ?? {})).toEqual(Object.keys(spec.properties as object));
    expect(schemaProblem(sessionDataSchema, good)).toBeUndefined();
  });

  it("refuses, when generated, a keyword or a format the check does not know", () => {
    const spec = {
      components: { schemas: { S: { type: "object", properties: { a: { type: "string", pattern: "x" } } } } },
    };
    expect(() => checkableSchema(spec, { $ref: "#/components/schemas/S" }, "S")).toThrow(
      'S.a: the mock\'s seed check does not know the keyword "pattern"',
    );
    const format = { type: "string", format: "email" };
    expect(() => checkableSchema({}, format, "F")).toThrow(
      'F: the mock\'s seed check does not know the format "email"',
    );
  });

  it("copies a schema with every keyword the check knows, and checks a format it does not know as unmet", () => {
    const all = {
      type: "object",
      required: [],
      additionalProperties: false,
      properties: { n: { type: "integer", minimum: 0, maximum: 5, enum: [1] }, s: { type: "string", format: "uuid" } },
    };
    expect(checkableSchema({}, all, "All")).toEqual(all);
    expect(schemaProblem({ format: "email" }, "a@b")).toEqual({ field: "", problem: 'must be email, got "a@b"' });
  });

  it("checks nested properties, enums, maximums and closed objects, naming the path", () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      properties: { inner: { type: "object", properties: { n: { type: "integer", maximum: 3, enum: [1, 2, 9] } } } },
    };
    expect(schemaProblem(schema, { inner: { n: 9 } })).toEqual({
      field: "inner.n",
      problem: "must be at most 3, got 9",
    });
    expect(schemaProblem(schema, { inner: { n: 3 } })).toEqual({
      field: "inner.n",
      problem: "must be one of [1,2,9], got 3",
    });
    expect(schemaProblem(schema, { other: 1 })).toEqual({ field: "other", problem: "is not a field of this schema" });
    expect(schemaProblem({ type: ["string", "null"] }, 1)).toEqual({
      field: "",
      problem: "must be a string or a null, got 1",
    });
  });
});

describe("the date-time check, RFC 3339 as ajv-formats reads it", () => {
  const dateTime = { type: "string", format: "date-time" };
  it.each(["2024-02-29T23:59:59+23:59", "2025-12-31T00:00:00Z", "2025-01-31 10:00:00-00:00", "2025-09-10T18:59:13.5Z"])(
    "accepts %s",
    (text) => {
      expect(schemaProblem(dateTime, text)).toBeUndefined();
    },
  );

  it.each([
    "2025-00-10T10:00:00Z",
    "2025-13-10T10:00:00Z",
    "2025-04-00T10:00:00Z",
    "2025-04-31T10:00:00Z",
    "2025-04-30T24:00:00Z",
    "2025-04-30T23:60:00Z",
    "2025-04-30T23:59:60Z",
    "2025-04-30T23:59:59+24:00",
    "2025-04-30T23:59:59+23:60",
    "x2025-04-30T23:59:59Z",
    "2025-04-30T23:59:59Zx",
    "2025-04-30",
  ])("refuses %s", (text) => {
    expect(schemaProblem(dateTime, text)?.problem).toMatch(/^must be an RFC 3339 date-time/);
  });

  it("checks a format only on strings, and UUIDs whole", () => {
    expect(schemaProblem({ format: "date-time" }, 5)).toBeUndefined();
    expect(schemaProblem({ format: "uuid" }, 5)).toBeUndefined();
    expect(schemaProblem({ format: "uuid" }, "urn:uuid:7F3C2A4E-1B9D-4C61-9A8E-5D2F0B6C3E17")).toBeUndefined();
    for (const bad of ["x7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17", "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17x"])
      expect(schemaProblem({ format: "uuid" }, bad)?.problem).toMatch(/^must be a UUID/);
    for (const numeric of ["int32", "int64", "float", "double"])
      expect(schemaProblem({ type: "number", format: numeric }, 1.5), numeric).toBeUndefined();
  });

  it("names each JSON type, shortens long values, and lets an integer be a number", () => {
    expect(schemaProblem({ type: "string" }, [1])).toEqual({ field: "", problem: "must be a string, got [1]" });
    expect(schemaProblem({ type: "string" }, null)?.problem).toBe("must be a string, got null");
    expect(schemaProblem({ type: "string" }, true)?.problem).toBe("must be a string, got true");
    expect(schemaProblem({ type: "array" }, {})?.problem).toBe("must be an array, got {}");
    expect(schemaProblem({ type: "array" }, [])).toBeUndefined();
    expect(schemaProblem({ type: "null" }, null)).toBeUndefined();
    expect(schemaProblem({ type: "integer" }, Number.POSITIVE_INFINITY)?.problem).toBe(
      "must be a finite number, got Infinity",
    );
    expect(schemaProblem({ type: "number" }, 3)).toBeUndefined();
    expect(schemaProblem({ type: "integer" }, 3.5)?.problem).toBe("must be an integer, got 3.5");
    expect(schemaProblem({}, { any: "thing" })).toBeUndefined();
    // Past 60 characters of JSON, a value is cut to 57 and "...".
    const long = "x".repeat(59);
    expect(schemaProblem({ type: "number" }, long)?.problem).toBe(`must be a number, got "${"x".repeat(56)}...`);
    expect(schemaProblem({ type: "number" }, "x".repeat(58))?.problem).toBe(
      `must be a number, got "${"x".repeat(58)}"`,
    );
  });

  it("applies minimum, maximum and enum at their bounds, and only to the fields of an object", () => {
    expect(schemaProblem({ minimum: 0, maximum: 3 }, 0)).toBeUndefined();
    expect(schemaProblem({ minimum: 0, maximum: 3 }, 3)).toBeUndefined();
    expect(schemaProblem({ minimum: 1 }, 0)?.problem).toBe("must be at least 1, got 0");
    expect(schemaProblem({ enum: ["a"] }, "a")).toBeUndefined();
    expect(schemaProblem({ properties: { n: { minimum: 1 } } }, "not an object")).toBeUndefined();
    expect(schemaProblem({ required: ["a"] }, ["a"])).toBeUndefined();
    expect(schemaProblem({ properties: { n: { minimum: 1 } } }, { n: 1, other: 0 })).toBeUndefined();
    expect(schemaProblem({ additionalProperties: false }, { n: 1 })).toEqual({
      field: "n",
      problem: "is not a field of this schema",
    });
    expect(schemaProblem({ properties: {} }, { toString: 1 })).toBeUndefined();
  });

  it("refuses a session that cannot be copied, and names the error class", () => {
    const session = { ...good, extra: () => {} };
    expect(refusal([session])).toMatch(/^0\|\|cannot be copied: /);
    try {
      seedSessions([session] as never);
    } catch (error) {
      expect([(error as Error).name, (error as Error).message]).toEqual([
        "MockSeedError",
        expect.stringMatching(/^seed session 0: cannot be copied: /),
      ]);
    }
  });
});
