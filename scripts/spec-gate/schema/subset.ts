/**
 * The judge's core question about two schemas: does every value `inner` allows also fit
 * `outer`? For a response, inner is the new schema and outer the old one (a client of the old
 * spec must understand whatever the server now sends); for a request, inner is the old schema
 * and outer the new one (the server must accept whatever old clients send).
 *
 * The check is sound, not complete: it answers true only when it can show the subset, so an
 * unfamiliar construction counts as a change that may break. Declared properties are the
 * contract: a property the old schema did not declare carries no promise (adding an optional
 * one is safe either way), while a declared one that disappears breaks, unless a response now
 * forbids it outright. A `oneOf` accepts a value only when exactly one variant matches: a value
 * fits it when it fits one variant and the gate can show it fits no other (disjoint.ts).
 */
import { isObj, type Obj, sameJson } from "../json.ts";
import { countWithin, numbersWithin, stringsWithin } from "./bounds.ts";
import { disjoint, finiteValues, variantsOf } from "./disjoint.ts";
import * as facts from "./facts.ts";
import { allValuesPass, valuesPassing } from "./value-check.ts";
import type { Direction } from "./walk.ts";

/**
 * How to compare. `direction` decides which schema is the old one. `text`: the values travel
 * as text (a parameter serialized by `style`), so a plain string accepts any scalar.
 * `oneOfAsAnyOf` reads every `oneOf` as an `anyOf` (to tell whether exclusivity decided).
 * `oneOf` collects why a value did not fit a `oneOf`: it provably matched two variants
 * (`overlap`), or nothing showed the variants exclude each other (`unknown`).
 */
export type Roles = {
  direction: Direction;
  text?: boolean;
  oneOfAsAnyOf?: boolean;
  oneOf?: Set<"overlap" | "unknown">;
};

const combinators = ["anyOf", "oneOf", "allOf", "not"];
/** Keywords this check does not reason about: a difference in them is never proven safe. */
const opaqueKeys = [
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
  "patternProperties",
  "propertyNames",
  "contains",
  "minContains",
  "maxContains",
  "unevaluatedItems",
  "unevaluatedProperties",
  "prefixItems",
  "additionalItems",
  "$ref",
];
const scalarTypes = ["string", "integer", "number", "boolean"];

const innerIsOld = (roles: Roles) => roles.direction === "request";

function without(schema: Obj, keys: string[]): Obj {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

/** A schema with every `oneOf` written as `anyOf`. */
function asAnyOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asAnyOf);
  if (!isObj(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k === "oneOf" ? "anyOf" : k, asAnyOf(v)]));
}

/** Text accepts text: a plain string (no format, pattern, length or values) takes any scalar sent as text. */
function textWithin(b: Obj, a: Obj): boolean {
  const plainString = a.type === "string" && Object.keys(facts.withoutAnnotations(a) as Obj).length === 1;
  if (!plainString) return false;
  const values = finiteValues(b);
  if (values) return values.every((v) => ["string", "number", "boolean"].includes(typeof v));
  return b.type !== undefined && facts.typesOf(b).every((t) => scalarTypes.includes(t));
}

/** An `enum`/`const`: each of its own values (those its other keywords allow) is checked against `a`. */
function valuesWithin(values: unknown[], b: Obj, a: Obj, roles: Roles): boolean {
  const own = valuesPassing(values, b);
  const loose = asAnyOf(a);
  if (allValuesPass(own, roles.oneOfAsAnyOf ? loose : a)) return true;
  // Ajv checks a oneOf's exclusivity itself: values that pass once every oneOf reads as anyOf matched two variants.
  if (!roles.oneOfAsAnyOf && !sameJson(loose, a) && allValuesPass(own, loose)) roles.oneOf?.add("overlap");
  return false;
}

/** Each variant of an `anyOf`/`oneOf` in `inner` fits; for an `allOf`, one of its parts fits. */
function branchesWithin(inner: Obj, outer: Obj, roles: Roles, excluded: unknown[]): boolean | undefined {
  const key = Array.isArray(inner.anyOf) ? "anyOf" : Array.isArray(inner.oneOf) ? "oneOf" : undefined;
  if (key) {
    const variants = variantsOf(inner, key);
    // A value of a oneOf's variant matches none of the others: those need no ruling out later.
    const others = (i: number) => (key === "oneOf" ? [...excluded, ...variants.filter((_, j) => j !== i)] : excluded);
    return variants.every((variant, i) => within(variant, outer, roles, others(i)));
  }
  if (Array.isArray(inner.allOf)) {
    const common = without(inner, ["allOf"]);
    return [common, ...inner.allOf].some((part) => !facts.acceptsAll(part) && within(part, outer, roles));
  }
  return undefined;
}

/** `inner` fits one variant of the `oneOf` and provably no other (or only variants its values exclude). */
function oneOfWithin(inner: Obj, variants: unknown[], roles: Roles, excluded: unknown[]): boolean {
  const fitting = variants.filter((variant) => within(inner, variant, roles, excluded));
  if (roles.oneOfAsAnyOf) return fitting.length > 0;
  for (const match of fitting) {
    const rest = variants.filter((v) => v !== match && !excluded.some((e) => sameJson(e, v)));
    if (rest.every((other) => disjoint(inner, other))) return true;
    const overlaps = rest.some((other) => within(inner, other, { direction: roles.direction, text: roles.text }));
    roles.oneOf?.add(overlaps ? "overlap" : "unknown");
  }
  return false;
}

function withinOuterCombinators(inner: Obj, outer: Obj, roles: Roles, excluded: unknown[]): boolean {
  if (Array.isArray(outer.allOf) && !outer.allOf.every((part) => within(inner, part, roles))) return false;
  if ("not" in outer && !excludes(inner, outer.not)) return false;
  const unions = (["anyOf", "oneOf"] as const).filter((key) => Array.isArray(outer[key]));
  // The keywords beside a union belong to each variant: `type: object` beside an `anyOf` of objects.
  if (unions.length === 0) return within(inner, without(outer, combinators), roles);
  return unions.every((key) => {
    const variants = variantsOf(without(outer, ["allOf", "not", ...unions.filter((k) => k !== key)]), key);
    if (key === "anyOf") return variants.some((variant) => within(inner, variant, roles, excluded));
    return oneOfWithin(inner, variants, roles, excluded);
  });
}

/** True when no value of `schema` fits `other` (a `not`): only the "never has property p" forms. */
function excludes(schema: Obj, other: unknown): boolean {
  if (facts.acceptsAll(other)) return facts.acceptsNone(schema);
  if (!isObj(other) || !Array.isArray(other.required)) return false;
  return other.required.some((name) => facts.forbidsProperty(schema, String(name)));
}

/**
 * True when every value `inner` allows also fits `outer`, under the roles (see the module
 * comment for what a declared property promises). `excluded`: schemas whose values `inner`
 * has none of (the other variants of a `oneOf` it is a variant of).
 */
export function within(inner: unknown, outer: unknown, roles: Roles, excluded: unknown[] = []): boolean {
  if (facts.acceptsAll(outer) || facts.acceptsNone(inner)) return true;
  if (facts.acceptsNone(outer)) return false;
  const b = isObj(inner) ? inner : {};
  const a = outer as Obj;
  if (roles.text && textWithin(b, a)) return true;
  const values = finiteValues(b);
  if (values) return valuesWithin(values, b, a, roles);
  const viaBranches = branchesWithin(b, a, roles, excluded);
  if (viaBranches !== undefined) return viaBranches;
  if (combinators.some((key) => key in a)) return withinOuterCombinators(b, a, roles, excluded);
  return keywordsWithin(b, a, roles);
}

function keywordsWithin(b: Obj, a: Obj, roles: Roles): boolean {
  if (opaqueKeys.some((key) => key in a && !sameJson(a[key], b[key]))) return false;
  if (finiteValues(a)) return false;
  if (!facts.typesOf(b).every((t) => facts.typeWithin(t, facts.typesOf(a)))) return false;
  return numbersWithin(b, a) && stringsWithin(b, a) && arraysWithin(b, a, roles) && objectsWithin(b, a, roles);
}

function arraysWithin(b: Obj, a: Obj, roles: Roles): boolean {
  if (!facts.allowsAny(b, ["array"])) return true;
  if (a.uniqueItems === true && b.uniqueItems !== true) return false;
  if (!countWithin(b, a, "minItems", "maxItems")) return false;
  return !("items" in a) || within(b.items ?? true, a.items, roles);
}

function objectsWithin(b: Obj, a: Obj, roles: Roles): boolean {
  if (!facts.allowsAny(b, ["object"])) return true;
  if (!countWithin(b, a, "minProperties", "maxProperties")) return false;
  if (!facts.requiredOf(a).every((name) => facts.requiredOf(b).includes(name))) return false;
  const names = new Set([...facts.propertyNames(a), ...facts.propertyNames(b)]);
  if (![...names].every((name) => propertyWithin(b, a, name, roles))) return false;
  if (a.additionalProperties === undefined) return true;
  return within(b.additionalProperties ?? true, a.additionalProperties, roles);
}

function propertyWithin(b: Obj, a: Obj, name: string, roles: Roles): boolean {
  const inA = facts.propertyNames(a).includes(name);
  const inB = facts.propertyNames(b).includes(name);
  if (inA && inB) return within(facts.propertySchema(b, name), facts.propertySchema(a, name), roles);
  if (inA) {
    if (facts.forbidsProperty(b, name)) return true;
    // Outer declares it and inner does not: a response field removed, or a request field added.
    if (!innerIsOld(roles)) return false;
    return b.additionalProperties === undefined || within(b.additionalProperties, facts.propertySchema(a, name), roles);
  }
  const own = facts.propertySchema(b, name);
  if (facts.acceptsNone(own)) return true;
  // Inner declares it and outer does not: a request field removed, or a response field added.
  if (innerIsOld(roles)) return false;
  return a.additionalProperties === undefined || within(own, a.additionalProperties, roles);
}

/** Why a change that does not fit fails only because of a `oneOf`'s exclusivity, if it does. */
export type OneOfReason = "oneOf-overlap" | "oneOf-unknown";

/**
 * Whether a client of the old schema is safe with the new one, in this direction; when it is
 * not, and only a `oneOf`'s exclusivity decided that, why.
 */
export function judgeFit(
  before: unknown,
  after: unknown,
  direction: Direction,
  text = false,
): { fits: boolean; reason?: OneOfReason } {
  const [inner, outer] = direction === "response" ? [after, before] : [before, after];
  const notes = new Set<"overlap" | "unknown">();
  if (within(inner, outer, { direction, text, oneOf: notes })) return { fits: true };
  if (notes.size === 0 || !within(inner, outer, { direction, text, oneOfAsAnyOf: true })) return { fits: false };
  return { fits: false, reason: notes.has("overlap") ? "oneOf-overlap" : "oneOf-unknown" };
}

/** True when a client of the old schema is safe with the new one, in this direction. */
export function fits(before: unknown, after: unknown, direction: Direction): boolean {
  return judgeFit(before, after, direction).fits;
}

/** The keywords a "value" check leaves to the per-field checks: properties, required, item schemas. */
export function withoutFields(schema: unknown, other: unknown): unknown {
  if (!isObj(schema)) return schema;
  const keys = ["properties", "required"];
  if (isObj(other) && "items" in other && "items" in schema) keys.push("items");
  if (isObj(other) && isObj(other.additionalProperties) && isObj(schema.additionalProperties)) {
    keys.push("additionalProperties");
  }
  return without(schema, keys);
}
