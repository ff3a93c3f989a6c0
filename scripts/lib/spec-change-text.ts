/**
 * Plain words for one change of a `redocly diff` JSON report: "removed operation DELETE
 * /api/sessions/{id} (deleteSession)", "response field data.title removed from getSession 200",
 * "type of request field messageIndex in forkSession narrowed from number to integer".
 */
import type { DiffChange, SpecPair } from "./spec-changes.ts";

const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Where a change is, read from its JSON pointer. */
type Where = {
  pathKey?: string;
  method?: string;
  side?: "request" | "response";
  status?: string;
  /** The field inside the body schema, for example `data[].title`; "" for the body itself. */
  field?: string;
  /** The segments after the operation (or path item). */
  rest: string[];
};

/** Splits a JSON pointer (`#/paths/~1api~1sessions/get`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#\/?/, "");
  return body === "" ? [] : body.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The field a schema pointer reaches: `properties/data/items/properties/title` is `data[].title`. */
export function fieldName(segments: string[]): string {
  let name = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "properties") name += `${name ? "." : ""}${segments[++i]}`;
    else if (segment === "items") name += "[]";
    else if (segment === "additionalProperties") name += "{*}";
    else if (segment === "allOf" || segment === "anyOf" || segment === "oneOf" || segment === "prefixItems") i++;
  }
  return name;
}

function locate(pointer: string): Where {
  const segments = pointerSegments(pointer);
  if (segments[0] !== "paths") return { rest: segments };
  const pathKey = segments[1];
  const method = methods.has(segments[2] ?? "") ? segments[2] : undefined;
  const rest = segments.slice(method ? 3 : 2);
  const schemaAt = rest.indexOf("schema");
  const field = schemaAt >= 0 ? fieldName(rest.slice(schemaAt + 1)) : undefined;
  if (rest[0] === "requestBody") return { pathKey, method, side: "request", field, rest };
  if (rest[0] === "responses") return { pathKey, method, side: "response", status: rest[1], field, rest };
  return { pathKey, method, rest };
}

function operationLabel(where: Where, specs: SpecPair): string {
  if (!where.pathKey || !where.method) return where.pathKey ?? "the document";
  const find = (doc: Record<string, unknown>) =>
    ((doc.paths as Record<string, Record<string, { operationId?: string }>> | undefined)?.[where.pathKey ?? ""]?.[
      where.method ?? ""
    ]?.operationId as string | undefined) ?? undefined;
  return find(specs.head) ?? find(specs.base) ?? `${where.method.toUpperCase()} ${where.pathKey}`;
}

/** A value as it appears in a line: short JSON, or "(none)". */
function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function missingFrom(from: unknown, other: unknown): string[] {
  const others = new Set(listOf(other));
  return listOf(from).filter((item) => !others.has(item));
}

/** "(schema SessionData)" when the change is inside a named component schema. */
function schemaNote(change: DiffChange): string {
  const pointer = change.revision?.pointer ?? change.base?.pointer ?? "";
  const match = /^#\/components\/schemas\/([^/]+)/.exec(pointer);
  return match ? ` (schema ${match[1]})` : "";
}

function describeOperation(change: DiffChange, where: Where, specs: SpecPair): string {
  const value = (change.kind === "removed" ? change.base?.value : change.revision?.value) as
    | { operationId?: string }
    | undefined;
  const id = value?.operationId ?? operationLabel(where, specs);
  const name = `${where.method?.toUpperCase()} ${where.pathKey} (${id})`;
  if (change.kind !== "modified") return `${change.kind} operation ${name}`;
  return `${change.property} of operation ${name} changed from ${shown(change.base?.value)} to ${shown(change.revision?.value)}`;
}

function describePathItem(change: DiffChange, where: Where): string {
  if (change.kind === "modified") return `${change.property} of path ${where.pathKey} changed`;
  const item = (change.kind === "removed" ? change.base?.value : change.revision?.value) as Record<string, unknown>;
  const operations = Object.entries(item ?? {})
    .filter(([key]) => methods.has(key))
    .map(([key, op]) => `${key.toUpperCase()} ${where.pathKey} (${(op as { operationId?: string })?.operationId})`);
  if (operations.length === 0) return `${change.kind} path ${where.pathKey}`;
  return operations.map((op) => `${change.kind} operation ${op}`).join("; ");
}

function describeResponse(change: DiffChange, where: Where, specs: SpecPair): string {
  const op = operationLabel(where, specs);
  if (change.kind === "added") return `status ${where.status} added to ${op}`;
  if (change.kind === "removed") return `status ${where.status} removed from ${op}`;
  if (change.property === "key")
    return `status ${shown(change.base?.value)} of ${op} became ${shown(change.revision?.value)}`;
  return `${change.property} of status ${where.status} of ${op} changed`;
}

function describeSchema(change: DiffChange, where: Where, specs: SpecPair): string {
  const side = `${where.side} field`;
  const subject = where.field ? `${side} ${where.field}` : `${where.side} body`;
  const op = operationLabel(where, specs);
  const place = where.side === "response" ? `${op} ${where.status}` : op;
  const isProperty = where.rest.at(-2) === "properties";
  if (change.kind === "added") return `${isProperty ? subject : `schema of ${subject}`} added to ${place}`;
  if (change.kind === "removed") return `${isProperty ? subject : `schema of ${subject}`} removed from ${place}`;
  const [before, after] = [change.base?.value, change.revision?.value];
  if (change.property === "required") {
    const prefix = where.field ? `${where.field}.` : "";
    const words = [
      ...missingFrom(after, before).map((f) => `${side} ${prefix}${f} became required in ${place}`),
      ...missingFrom(before, after).map((f) => `${side} ${prefix}${f} became optional in ${place}`),
    ];
    return words.join("; ") || `required fields of ${subject} in ${place} changed`;
  }
  if (change.property === "enum") {
    const lost = missingFrom(before, after);
    const gained = missingFrom(after, before);
    const parts = [
      lost.length && `lost values: ${lost.join(", ")}`,
      gained.length && `gained values: ${gained.join(", ")}`,
    ];
    return `enum of ${subject} in ${place} ${parts.filter(Boolean).join(" and ") || "changed"}`;
  }
  const verb = /\b(narrowed|widened)\b/.exec(change.verdicts.map((v) => v.message).join(" "))?.[1] ?? "changed";
  return `${change.property} of ${subject} in ${place} ${verb} from ${shown(before)} to ${shown(after)}`;
}

function describeOther(change: DiffChange, where: Where, specs: SpecPair): string {
  const inOperation = where.pathKey ? `${operationLabel(where, specs)}: ` : "";
  const at = where.rest.join(".") || "the document";
  if (change.kind !== "modified") return `${inOperation}${change.kind} ${change.typeName} at ${at}`;
  const what = change.property && change.property !== "key" ? `${at}.${change.property}` : at;
  return `${inOperation}${what} changed from ${shown(change.base?.value)} to ${shown(change.revision?.value)}`;
}

/** One plain-English line for a change; redocly's own messages are added when no wording fits. */
export function describeChange(change: DiffChange, specs: SpecPair): string {
  const where = locate(change.path);
  let text: string;
  if (change.typeName === "Operation" && where.rest.length === 0) text = describeOperation(change, where, specs);
  else if (change.typeName === "PathItem" && !where.method) text = describePathItem(change, where);
  else if (change.typeName === "Response" && where.rest.length === 2) text = describeResponse(change, where, specs);
  else if (change.typeName === "Schema" && where.side) text = describeSchema(change, where, specs) + schemaNote(change);
  else {
    const messages = change.verdicts.map((v) => v.message).join(" ");
    text = `${describeOther(change, where, specs)}${messages ? `: ${messages}` : ""}`;
  }
  return text;
}
