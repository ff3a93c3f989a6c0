/**
 * Whether two schemas share no value, as far as the gate can show: the question a `oneOf`
 * asks of its variants. Sound, not complete: true only when it can show that no value fits
 * both (different types, values that fail the other schema, a property one requires and the
 * other forbids or types differently); anything else may overlap.
 */
import { isObj, type Obj } from "../json.ts";
import {
  acceptsNone,
  forbidsProperty,
  propertyNames,
  propertySchema,
  requiredOf,
  typesOf,
  typeWithin,
} from "./facts.ts";
import { mergeSchemaList } from "./merge-all-of.ts";
import { noValuePasses, valuesPassing } from "./value-check.ts";

/** An `enum` or `const` as a list of values. */
export function finiteValues(schema: Obj): unknown[] | undefined {
  if ("const" in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** The variants of a union, each merged with what the union's schema says beside them. */
export function variantsOf(schema: Obj, key: "anyOf" | "oneOf"): unknown[] {
  const common = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
  return (schema[key] as unknown[]).map((variant) => mergeSchemaList([common, variant]));
}

function unionKey(schema: Obj): "anyOf" | "oneOf" | undefined {
  if (Array.isArray(schema.anyOf)) return "anyOf";
  return Array.isArray(schema.oneOf) ? "oneOf" : undefined;
}

function objectsDisjoint(x: Obj, y: Obj): boolean {
  const names = new Set([...propertyNames(x), ...propertyNames(y), ...requiredOf(x), ...requiredOf(y)]);
  for (const name of names) {
    const [inX, inY] = [requiredOf(x).includes(name), requiredOf(y).includes(name)];
    if ((inX && forbidsProperty(y, name)) || (inY && forbidsProperty(x, name))) return true;
    if ((inX || inY) && disjoint(propertySchema(x, name), propertySchema(y, name))) return true;
  }
  return false;
}

/** True when no value fits both `x` and `y`, as far as the gate can show. */
export function disjoint(x: unknown, y: unknown): boolean {
  if (acceptsNone(x) || acceptsNone(y)) return true;
  if (!isObj(x) || !isObj(y)) return false;
  const [xs, ys] = [finiteValues(x), finiteValues(y)];
  if (xs) return noValuePasses(valuesPassing(xs, x), y);
  if (ys) return noValuePasses(valuesPassing(ys, y), x);
  const [kx, ky] = [unionKey(x), unionKey(y)];
  if (kx) return variantsOf(x, kx).every((variant) => disjoint(variant, y));
  if (ky) return variantsOf(y, ky).every((variant) => disjoint(x, variant));
  const shared = typesOf(x).filter((t) => typeWithin(t, typesOf(y)) || typesOf(y).some((u) => typeWithin(u, [t])));
  if (shared.length === 0) return true;
  return shared.every((t) => t === "object") && objectsDisjoint(x, y);
}
