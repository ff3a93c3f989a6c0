/**
 * Where schemas live in an OpenAPI 3.x document, and which keywords of a schema hold
 * subschemas. Normalizing rewrites every schema bottom-up through `mapSchemas`.
 */
import { isObj, type Obj } from "../json.ts";

/** Keywords whose value is one subschema. */
export const singleSchemaKeys = [
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
] as const;

/** Keywords whose value is a list of subschemas. */
export const schemaListKeys = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

/** Keywords whose value maps names to subschemas. */
export const schemaMapKeys = ["properties", "patternProperties", "dependentSchemas"] as const;

/** A function that rewrites one schema whose subschemas were already rewritten. */
export type SchemaMapper = (schema: unknown, direction: Direction) => unknown;

/** Which way the data flows: what a client sends, or what it receives. */
export type Direction = "request" | "response";

/** Rewrites a schema and all its subschemas, innermost first. */
export function mapSchema(schema: unknown, direction: Direction, fn: SchemaMapper): unknown {
  if (!isObj(schema)) return fn(schema, direction);
  const out: Obj = { ...schema };
  for (const key of singleSchemaKeys) if (key in out) out[key] = mapSchema(out[key], direction, fn);
  for (const key of schemaListKeys) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((s) => mapSchema(s, direction, fn));
  }
  for (const key of schemaMapKeys) {
    const map = out[key];
    if (!isObj(map)) continue;
    out[key] = Object.fromEntries(Object.entries(map).map(([k, s]) => [k, mapSchema(s, direction, fn)]));
  }
  return fn(out, direction);
}

function mapContent(holder: Obj, direction: Direction, fn: SchemaMapper): void {
  if ("schema" in holder) holder.schema = mapSchema(holder.schema, direction, fn);
  const content = holder.content;
  if (!isObj(content)) return;
  for (const media of Object.values(content)) if (isObj(media)) mapContent(media, direction, fn);
}

function mapOperation(operation: Obj, fn: SchemaMapper): void {
  for (const parameter of (operation.parameters as unknown[]) ?? []) {
    if (isObj(parameter)) mapContent(parameter, "request", fn);
  }
  if (isObj(operation.requestBody)) mapContent(operation.requestBody, "request", fn);
  for (const response of Object.values(isObj(operation.responses) ? operation.responses : {})) {
    if (!isObj(response)) continue;
    mapContent(response, "response", fn);
    for (const header of Object.values(isObj(response.headers) ? response.headers : {})) {
      if (isObj(header)) mapContent(header, "response", fn);
    }
  }
}

/** HTTP methods a path item may hold. */
export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Rewrites, in place, every schema that an operation of the document uses (parameters,
 * request bodies, responses and their headers), telling `fn` the direction of the data.
 */
export function mapOperationSchemas(doc: Obj, fn: SchemaMapper): void {
  for (const item of Object.values(isObj(doc.paths) ? doc.paths : {})) {
    if (!isObj(item)) continue;
    for (const parameter of (item.parameters as unknown[]) ?? []) {
      if (isObj(parameter)) mapContent(parameter, "request", fn);
    }
    for (const method of httpMethods) if (isObj(item[method])) mapOperation(item[method] as Obj, fn);
  }
}
