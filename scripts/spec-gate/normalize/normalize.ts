/**
 * The gate's first stage: rewrites a spec so that two descriptions of the same API become
 * identical before `redocly diff` compares them. What it makes equal:
 * - a `$ref` and the component written inline (every local `$ref` is inlined);
 * - parameters declared on the path item or on each operation (all move to the operations);
 * - an `allOf` split into parts or merged into one schema (merged wherever the meaning allows);
 * - the order of keys, `required`, `enum`, `type` lists and parameters (sorted);
 * - OpenAPI 3.0's `nullable` and boolean `exclusiveMinimum`/`exclusiveMaximum` and their 3.1
 *   forms; parameter and body fields set to their defaults (`required: false`, `style: form`);
 * - a discriminator's `mapping` (it names components; the variants themselves are compared);
 * - a `readOnly` field in a request, or a `writeOnly` field in a response (not part of that
 *   message at all: dropped).
 */

import { canonical, isObj, type Obj } from "../json.ts";
import { mergeAllOf } from "../schema/merge-all-of.ts";
import { type Direction, httpMethods, mapOperationSchemas, mapSchema } from "../schema/walk.ts";
import { inlineRefs } from "./inline-refs.ts";

function upgradeNullable(schema: Obj): void {
  if (schema.nullable === true && schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    schema.type = types.includes("null") ? types : [...types, "null"];
  }
  delete schema.nullable;
}

function upgradeExclusive(schema: Obj, exclusive: string, inclusive: string): void {
  if (schema[exclusive] === true && typeof schema[inclusive] === "number") {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else if (schema[exclusive] === false) delete schema[exclusive];
}

function sortLists(schema: Obj): void {
  if (Array.isArray(schema.type)) {
    const types = [...new Set(schema.type.map(String))].sort();
    schema.type = types.length === 1 ? types[0] : types;
  }
  if (Array.isArray(schema.required)) schema.required = [...new Set(schema.required.map(String))].sort();
  if (Array.isArray(schema.required) && schema.required.length === 0) delete schema.required;
  if (Array.isArray(schema.enum)) schema.enum = [...schema.enum].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  if (schema.additionalProperties === true) delete schema.additionalProperties;
}

/** Drops the fields that are not part of a message going this way (readOnly ones in a request). */
function dropOneWayFields(schema: Obj, direction: Direction): void {
  if (!isObj(schema.properties)) return;
  const flag = direction === "request" ? "readOnly" : "writeOnly";
  const properties = schema.properties;
  const dropped = Object.keys(properties).filter((name) => isObj(properties[name]) && properties[name][flag] === true);
  if (dropped.length === 0) return;
  schema.properties = Object.fromEntries(Object.entries(schema.properties).filter(([name]) => !dropped.includes(name)));
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((name) => !dropped.includes(name));
}

/** One schema in canonical form; its subschemas are already canonical. */
export function canonicalSchema(schema: unknown, direction: Direction): unknown {
  if (!isObj(schema)) return schema;
  const merged = mergeAllOf(schema);
  if (!isObj(merged)) return merged;
  const out = { ...merged };
  upgradeNullable(out);
  upgradeExclusive(out, "exclusiveMinimum", "minimum");
  upgradeExclusive(out, "exclusiveMaximum", "maximum");
  dropOneWayFields(out, direction);
  sortLists(out);
  // A discriminator's mapping names components, which inlining removed; the variants stay.
  if (isObj(out.discriminator)) out.discriminator = { propertyName: out.discriminator.propertyName };
  return out;
}

const defaultStyles: Record<string, string> = { query: "form", path: "simple", header: "simple", cookie: "form" };

/** A parameter without the fields that say what is the default anyway. */
function canonicalParameter(parameter: Obj): Obj {
  const out = { ...parameter };
  if (out.required === false) delete out.required;
  if (out.deprecated === false) delete out.deprecated;
  if (out.allowEmptyValue === false) delete out.allowEmptyValue;
  if (out.allowReserved === false) delete out.allowReserved;
  const style = (out.style as string | undefined) ?? defaultStyles[String(out.in)];
  if (out.style === defaultStyles[String(out.in)]) delete out.style;
  if (out.explode === (style === "form")) delete out.explode;
  return out;
}

const parameterKey = (p: Obj) => `${p.in} ${p.name}`;

/** The order of an operation's parameters in a normalized document: by location, then name. */
export const byParameterKey = (a: Obj, b: Obj) => (parameterKey(a) < parameterKey(b) ? -1 : 1);

/** Moves path-level parameters into each operation (an operation's own one wins), sorted. */
function hoistParameters(item: Obj): void {
  const shared = ((item.parameters as unknown[]) ?? []).filter(isObj);
  delete item.parameters;
  for (const method of httpMethods) {
    const operation = item[method];
    if (!isObj(operation)) continue;
    const byKey = new Map(shared.map((p) => [parameterKey(p), p]));
    for (const p of ((operation.parameters as unknown[]) ?? []).filter(isObj)) byKey.set(parameterKey(p), p);
    const list = [...byKey.values()].map(canonicalParameter).sort(byParameterKey);
    if (list.length > 0) operation.parameters = list;
    else delete operation.parameters;
    if (isObj(operation.requestBody) && operation.requestBody.required === false) delete operation.requestBody.required;
  }
}

/**
 * Returns the canonical form of an OpenAPI 3.x document (see the module comment). Throws for
 * Swagger 2.0 and for references to other files.
 */
export function normalizeSpec(doc: Obj): Obj {
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
    throw new Error(`only OpenAPI 3.x documents can be compared (this one says openapi: ${String(doc.openapi)})`);
  }
  const out = inlineRefs(doc);
  for (const item of Object.values(isObj(out.paths) ? out.paths : {})) if (isObj(item)) hoistParameters(item);
  mapOperationSchemas(out, canonicalSchema);
  const kept = isObj(out.components) && isObj(out.components.schemas) ? out.components.schemas : {};
  for (const [name, schema] of Object.entries(kept)) kept[name] = mapSchema(schema, "response", canonicalSchema);
  return out;
}
