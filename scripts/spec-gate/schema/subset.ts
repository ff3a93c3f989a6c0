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
 * forbids it outright. `oneOf` is read as `anyOf`, as most specs mean it.
 */
import { isObj, type Obj, sameJson } from "../json.ts";
import * as facts from "./facts.ts";
import { mergeSchemaList } from "./merge-all-of.ts";
import { allValuesPass } from "./value-check.ts";
import type { Direction } from "./walk.ts";

/** Which way the data flows, which decides which of the two schemas is the old one. */
export type Roles = { direction: Direction };

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

const innerIsOld = (roles: Roles) => roles.direction === "request";

function without(schema: Obj, keys: string[]): Obj {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

function finiteValues(schema: Obj): unknown[] | undefined {
  if ("const" in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function branchesWithin(inner: Obj, outer: unknown, roles: Roles): boolean | undefined {
  const key = Array.isArray(inner.anyOf) ? "anyOf" : Array.isArray(inner.oneOf) ? "oneOf" : undefined;
  if (key) {
    const common = without(inner, [key]);
    return (inner[key] as unknown[]).every((branch) => within(mergeSchemaList([common, branch]), outer, roles));
  }
  if (Array.isArray(inner.allOf)) {
    const common = without(inner, ["allOf"]);
    return [common, ...inner.allOf].some((part) => !facts.acceptsAll(part) && within(part, outer, roles));
  }
  return undefined;
}

function withinOuterCombinators(inner: Obj, outer: Obj, roles: Roles): boolean {
  const common = without(outer, combinators);
  if (!within(inner, common, roles)) return false;
  if (Array.isArray(outer.allOf) && !outer.allOf.every((part) => within(inner, part, roles))) return false;
  for (const key of ["anyOf", "oneOf"]) {
    const list = outer[key];
    if (Array.isArray(list) && !list.some((branch) => within(inner, branch, roles))) return false;
  }
  return !("not" in outer) || disjoint(inner, outer.not);
}

/** True when no value fits both: only the "never has property p" forms are recognised. */
function disjoint(schema: Obj, other: unknown): boolean {
  if (facts.acceptsAll(other)) return facts.acceptsNone(schema);
  if (!isObj(other) || !Array.isArray(other.required)) return false;
  return other.required.some((name) => facts.forbidsProperty(schema, String(name)));
}

/**
 * True when every value `inner` allows also fits `outer`, under the roles' direction (see the
 * module comment for what a declared property promises).
 */
export function within(inner: unknown, outer: unknown, roles: Roles): boolean {
  if (facts.acceptsAll(outer) || facts.acceptsNone(inner)) return true;
  if (facts.acceptsNone(outer)) return false;
  const b = isObj(inner) ? inner : {};
  const a = outer as Obj;
  const values = finiteValues(b);
  if (values) return allValuesPass(values, a);
  const viaBranches = branchesWithin(b, a, roles);
  if (viaBranches !== undefined) return viaBranches;
  if (combinators.some((key) => key in a)) return withinOuterCombinators(b, a, roles);
  return keywordsWithin(b, a, roles);
}

function keywordsWithin(b: Obj, a: Obj, roles: Roles): boolean {
  if (opaqueKeys.some((key) => key in a && !sameJson(a[key], b[key]))) return false;
  if (finiteValues(a)) return false;
  if (!facts.typesOf(b).every((t) => facts.typeWithin(t, facts.typesOf(a)))) return false;
  return numbersWithin(b, a) && stringsWithin(b, a) && arraysWithin(b, a, roles) && objectsWithin(b, a, roles);
}

const numericFormats: Record<string, string[]> = { int64: ["int32", "int64"], double: ["float", "double"] };

function formatWithin(b: Obj, a: Obj): boolean {
  if (a.format === undefined || a.format === b.format) return true;
  return numericFormats[String(a.format)]?.includes(String(b.format)) ?? false;
}

function numbersWithin(b: Obj, a: Obj): boolean {
  if (!formatWithin(b, a) && facts.allowsAny(b, ["number", "string"])) return false;
  if (!facts.allowsAny(b, ["number"])) return true;
  if (a.multipleOf !== undefined) {
    const step = b.multipleOf ?? (facts.typesOf(b).every((t) => t === "integer") ? 1 : undefined);
    if (typeof step !== "number" || typeof a.multipleOf !== "number" || step % a.multipleOf !== 0) return false;
  }
  const min = facts.boundWithin(facts.boundOf(b, "min"), facts.boundOf(a, "min"), "min");
  return min && facts.boundWithin(facts.boundOf(b, "max"), facts.boundOf(a, "max"), "max");
}

function countWithin(b: Obj, a: Obj, min: string, max: string): boolean {
  const lower = typeof a[min] !== "number" || (typeof b[min] === "number" && b[min] >= a[min]);
  const upper = typeof a[max] !== "number" || (typeof b[max] === "number" && b[max] <= a[max]);
  return lower && upper;
}

function stringsWithin(b: Obj, a: Obj): boolean {
  if (!facts.allowsAny(b, ["string"])) return true;
  if (a.pattern !== undefined && a.pattern !== b.pattern) return false;
  return countWithin(b, a, "minLength", "maxLength");
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

/** True when a client of the old schema is safe with the new one, in this direction. */
export function fits(before: unknown, after: unknown, direction: Direction): boolean {
  const roles: Roles = { direction };
  return direction === "response" ? within(after, before, roles) : within(before, after, roles);
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
