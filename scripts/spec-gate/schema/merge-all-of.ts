/**
 * Merges the branches of an `allOf` into one schema where that keeps its meaning, so that
 * `allOf: [Envelope, {properties: {data}}]` and the same object written out in one piece are
 * identical. Where a merge would change the meaning (two `additionalProperties` rules, two
 * different patterns, ...) the `allOf` stays.
 */
import { canonical, isObj, type Obj, sameJson } from "../json.ts";
import { isAnnotation } from "./facts.ts";

const lowerBounds = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
const upperBounds = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);

/** Marks a keyword two branches cannot both have without changing the meaning of a merge. */
const conflict = Symbol("conflict");
type Merged = unknown | typeof conflict;

function typesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function mergeTypes(a: unknown, b: unknown): Merged {
  const left = typesOf(a);
  const right = typesOf(b);
  const both = left.filter((t) => right.includes(t));
  // An integer is a number: allOf [number, integer] is integer.
  if (left.includes("number") && right.includes("integer") && !both.includes("integer")) both.push("integer");
  if (right.includes("number") && left.includes("integer") && !both.includes("integer")) both.push("integer");
  if (both.length === 0) return conflict;
  return both.length === 1 ? both[0] : both.sort();
}

function mergeProperties(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [name, schema] of Object.entries(b)) {
    out[name] = name in a ? mergeSchemaList([a[name], schema]) : schema;
  }
  return out;
}

function mergeKeyword(key: string, a: unknown, b: unknown): Merged {
  if (sameJson(a, b)) return a;
  // Keywords that only describe: the first branch that has one keeps it.
  if (isAnnotation(key)) return a;
  if (lowerBounds.has(key) && typeof a === "number" && typeof b === "number") return Math.max(a, b);
  if (upperBounds.has(key) && typeof a === "number" && typeof b === "number") return Math.min(a, b);
  if (key === "type") return mergeTypes(a, b);
  if (key === "required") return [...new Set([...(a as string[]), ...(b as string[])])].sort();
  if (key === "enum" && Array.isArray(a) && Array.isArray(b)) {
    const right = new Set(b.map(canonical));
    return a.filter((value) => right.has(canonical(value)));
  }
  if (key === "properties" && isObj(a) && isObj(b)) return mergeProperties(a, b);
  if (key === "items") return mergeSchemaList([a, b]);
  return conflict;
}

/** Whether an object branch restricts the properties the others may add. */
function closesProperties(schema: Obj): boolean {
  const rest = ["additionalProperties", "unevaluatedProperties", "patternProperties"];
  return rest.some((key) => key in schema && schema[key] !== true);
}

function mergeTwo(a: Obj, b: Obj): Obj | undefined {
  const propertyNames = (s: Obj) => canonical(Object.keys(isObj(s.properties) ? s.properties : {}).sort());
  if ((closesProperties(a) || closesProperties(b)) && propertyNames(a) !== propertyNames(b)) return undefined;
  const out: Obj = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const merged = key in a ? mergeKeyword(key, a[key], value) : value;
    if (merged === conflict) return undefined;
    out[key] = merged;
  }
  return out;
}

/**
 * One schema that means what `allOf: schemas` means, or `{allOf: schemas}` when they cannot be
 * merged. `true`/`{}` branches drop out; a `false` branch makes the whole schema `false`.
 */
export function mergeSchemaList(schemas: unknown[]): unknown {
  const branches = schemas.filter((s) => s !== true && !(isObj(s) && Object.keys(s).length === 0));
  if (branches.some((s) => s === false)) return false;
  if (branches.length === 0) return {};
  if (!branches.every(isObj)) return { allOf: branches };
  let merged: Obj | undefined = branches[0] as Obj;
  for (const branch of branches.slice(1)) {
    merged = merged && mergeTwo(merged, branch as Obj);
  }
  return merged ?? { allOf: branches };
}

/** Flattens a schema's `allOf` (its branches already merged) into the schema where it can. */
export function mergeAllOf(schema: unknown): unknown {
  if (!isObj(schema) || !Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  const flat = allOf.flatMap((branch) =>
    isObj(branch) && Array.isArray(branch.allOf) && Object.keys(branch).length === 1 ? branch.allOf : [branch],
  );
  return mergeSchemaList([rest, ...flat]);
}
