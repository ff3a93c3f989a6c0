/**
 * The gate's knowledge of JSON Schema, without redocly: when two schemas share no value (what a
 * oneOf needs of its variants), when a value fits a oneOf, enums whose own keywords rule values
 * out, and values that travel as text.
 */
import { describe, expect, it } from "vitest";
import { disjoint } from "../../scripts/spec-gate/schema/disjoint.ts";
import { judgeFit, within } from "../../scripts/spec-gate/schema/subset.ts";

const str = { type: "string" };
const object = (required: string[], properties: object = {}, extra: object = {}) => ({
  type: "object",
  required,
  properties,
  ...extra,
});

describe("disjoint: no value fits both schemas", () => {
  it.each([
    ["a string and an integer", str, { type: "integer" }, true],
    ["an integer and a number", { type: "integer" }, { type: "number" }, false],
    ["two different constants", { const: "a" }, { const: "b" }, true],
    ["an enum and a schema one of its values fits", { enum: ["a", "b"] }, { const: "b" }, false],
    [
      "objects requiring a property one types as a string, the other as an integer",
      object(["k"], { k: str }),
      object(["k"], { k: { type: "integer" } }),
      true,
    ],
    [
      "objects that differ by a required constant (a discriminator)",
      object(["kind"], { kind: { const: "a" } }),
      object(["kind"], { kind: { const: "b" } }),
      true,
    ],
    [
      "an object that requires a property the other forbids",
      object(["url"]),
      object([], {}, { additionalProperties: false }),
      true,
    ],
    ["two open objects requiring different properties", object(["url"]), object(["file"]), false],
    [
      "a union every variant of which is disjoint",
      { anyOf: [{ const: "a" }, { type: "integer" }] },
      { const: "b" },
      true,
    ],
  ])("%s: %s", (_, x, y, expected) => {
    expect(disjoint(x, y)).toBe(expected);
    expect(disjoint(y, x)).toBe(expected);
  });
});

describe("a value fits a oneOf when it fits one variant and no other", () => {
  const request = { direction: "request" as const };
  const link = object(["url", "label"], { url: str, label: str });

  it("is judged by exclusivity: both-match breaks, provably exclusive variants do not", () => {
    const both = {
      type: "object",
      properties: { url: str, label: str },
      oneOf: [{ required: ["url"] }, { required: ["label"] }],
    };
    expect(judgeFit(link, both, "request")).toEqual({ fits: false, reason: "oneOf-overlap" });
    const tagged = (kind: string) => object(["kind"], { kind: { const: kind } });
    expect(judgeFit(tagged("a"), { oneOf: [tagged("a"), tagged("b")] }, "request")).toEqual({ fits: true });
  });

  it("counts variants it cannot tell apart as breaking, and says so", () => {
    const upload = object(["file"], { file: str });
    expect(judgeFit({ anyOf: [link, upload] }, { oneOf: [link, upload] }, "request")).toEqual({
      fits: false,
      reason: "oneOf-unknown",
    });
  });

  it("lets a oneOf gain a variant that overlaps none of the old ones, but not one that does", () => {
    const old = { oneOf: [{ const: "web" }, { const: "cli" }] };
    expect(within(old, { oneOf: [...old.oneOf, { const: "api" }] }, request)).toBe(true);
    expect(judgeFit(old, { oneOf: [...old.oneOf, str] }, "request")).toEqual({ fits: false, reason: "oneOf-overlap" });
  });

  it("needs no proof between the old variants themselves: their values already excluded each other", () => {
    const open = [object(["a"]), object(["b"])];
    expect(within({ oneOf: open }, { oneOf: [...open, { type: "string" }] }, request)).toBe(true);
  });

  it("reads the keywords beside a union as part of each variant", () => {
    const breed = (name: string) => ({ type: "object", properties: { [name]: str } });
    const before = { type: "object", anyOf: [breed("a"), breed("b")] };
    expect(within(before, { ...before, anyOf: [...before.anyOf, breed("c")] }, request)).toBe(true);
  });
});

describe("an enum's values are those its own keywords allow", () => {
  const status = (minLength: number) => ({ type: "string", enum: ["idle", "archived"], minLength });
  it("in a request, a lower minLength only widens; a higher one drops a value", () => {
    expect(judgeFit(status(6), status(5), "request").fits).toBe(true);
    expect(judgeFit(status(6), status(9), "request").fits).toBe(false);
  });

  it("in a response, a value the new schema itself rules out is never sent", () => {
    const sent = (values: string[]) => ({ type: "string", enum: values, maxLength: 4 });
    expect(judgeFit(sent(["idle"]), sent(["idle", "archived"]), "response").fits).toBe(true);
    expect(judgeFit(sent(["idle"]), sent(["idle", "busy"]), "response").fits).toBe(false);
  });
});

describe("values that travel as text", () => {
  it("a plain string takes any scalar, at any depth, but not the other way round", () => {
    const filter = (cost: object) => ({ type: "object", properties: { cost } });
    expect(judgeFit(filter({ type: "number" }), filter(str), "request", true).fits).toBe(true);
    expect(
      judgeFit({ type: "array", items: { type: "integer" } }, { type: "array", items: str }, "request", true).fits,
    ).toBe(true);
    expect(judgeFit(filter(str), filter({ type: "number" }), "request", true).fits).toBe(false);
    expect(judgeFit(filter({ type: "number" }), filter(str), "request", false).fits).toBe(false);
  });

  it("a response header that becomes an integer was a string all along; one that becomes any string breaks", () => {
    expect(judgeFit(str, { type: "integer" }, "response", true).fits).toBe(true);
    expect(judgeFit({ type: "integer" }, str, "response", true).fits).toBe(false);
  });

  it("a string with a format or a pattern is no plain string", () => {
    expect(judgeFit({ type: "integer" }, { type: "string", format: "date" }, "request", true).fits).toBe(false);
  });
});
