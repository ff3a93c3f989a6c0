/**
 * Facts about one JSON Schema that the subset check reads: the types it allows, its bounds,
 * whether it constrains anything at all, whether it forbids a property.
 */
import { isObj, type Obj } from "../json.ts";

/** Every JSON type: what a schema without `type` allows. */
export const allTypes = ["array", "boolean", "integer", "null", "number", "object", "string"];

/** Keywords that only describe a value and never reject one. */
const annotationKeys = new Set([
  "description",
  "title",
  "example",
  "examples",
  "deprecated",
  "default",
  "externalDocs",
  "xml",
  "discriminator",
  "readOnly",
  "writeOnly",
  "$comment",
  "contentMediaType",
  "contentEncoding",
  "$schema",
  "$id",
  "$anchor",
]);

/** True for a keyword that describes (including `x-` extensions) rather than constrains. */
export function isAnnotation(key: string): boolean {
  return annotationKeys.has(key) || key.startsWith("x-");
}

/** A schema without its describing keywords (description, example, `x-`...). */
export function withoutAnnotations(schema: unknown): unknown {
  if (!isObj(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !isAnnotation(key)));
}

/** True when a schema accepts every value: `true`, `{}`, or only annotations. */
export function acceptsAll(schema: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  return isObj(schema) && Object.keys(schema).every(isAnnotation);
}

/** True when a schema accepts no value: `false`, or `{not: {}}`. */
export function acceptsNone(schema: unknown): boolean {
  if (schema === false) return true;
  return isObj(schema) && "not" in schema && acceptsAll(schema.not);
}

/** The JSON types a schema's `type` keyword allows (all of them when it has none). */
export function typesOf(schema: Obj): string[] {
  if (schema.type === undefined) return allTypes;
  return Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
}

/** True when a value of type `inner` is also of type `outer` (an integer is a number). */
export function typeWithin(inner: string, outer: string[]): boolean {
  return outer.includes(inner) || (inner === "integer" && outer.includes("number"));
}

/** True when the schema can hold a value of any of these types. */
export function allowsAny(schema: Obj, types: string[]): boolean {
  return typesOf(schema).some((t) => types.includes(t) || (t === "integer" && types.includes("number")));
}

/** A lower or upper bound: its value and whether the value itself is excluded. */
export type Bound = { value: number; exclusive: boolean };

/** The lower (`min`) or upper (`max`) numeric bound of a schema, if it has one. */
export function boundOf(schema: Obj, side: "min" | "max"): Bound | undefined {
  const [inclusive, exclusive] = side === "min" ? ["minimum", "exclusiveMinimum"] : ["maximum", "exclusiveMaximum"];
  const a =
    typeof schema[inclusive] === "number" ? { value: schema[inclusive] as number, exclusive: false } : undefined;
  const b = typeof schema[exclusive] === "number" ? { value: schema[exclusive] as number, exclusive: true } : undefined;
  if (!a || !b) return a ?? b;
  const tighter = side === "min" ? b.value >= a.value : b.value <= a.value;
  return tighter ? b : a;
}

/** True when bound `inner` is at least as tight as `outer` (a missing inner bound is not). */
export function boundWithin(inner: Bound | undefined, outer: Bound | undefined, side: "min" | "max"): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (inner.value === outer.value) return inner.exclusive || !outer.exclusive;
  return side === "min" ? inner.value > outer.value : inner.value < outer.value;
}

/** True when the schema says property `name` never appears in an object. */
export function forbidsProperty(schema: Obj, name: string): boolean {
  const properties = isObj(schema.properties) ? schema.properties : {};
  if (name in properties && acceptsNone(properties[name])) return true;
  if (!(name in properties) && acceptsNone(schema.additionalProperties)) return true;
  const not = schema.not;
  if (!isObj(not)) return false;
  const requiresName = (s: unknown) =>
    isObj(s) && Array.isArray(s.required) && s.required.length === 1 && s.required[0] === name;
  return requiresName(not) || (Array.isArray(not.anyOf) && not.anyOf.some(requiresName));
}

/** The schema of property `name` (its own, else `additionalProperties`, else anything). */
export function propertySchema(schema: Obj, name: string): unknown {
  const properties = isObj(schema.properties) ? schema.properties : {};
  if (name in properties) return properties[name];
  return schema.additionalProperties ?? true;
}

/** The names of a schema's declared properties. */
export function propertyNames(schema: unknown): string[] {
  return isObj(schema) && isObj(schema.properties) ? Object.keys(schema.properties) : [];
}

/** The schema's `required` list. */
export function requiredOf(schema: unknown): string[] {
  return isObj(schema) && Array.isArray(schema.required) ? schema.required.map(String) : [];
}
