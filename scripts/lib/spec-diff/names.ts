/**
 * Names as a reader of the old spec knows them: an operation by method, path and operationId,
 * a field by its path in the body (`data[].title`), and, when the field is inside a component
 * schema of the original document, that component (`SessionData`).
 */
import type { EnvelopeChange } from "./envelope.ts";
import { asObj, at, isObj, type Obj, pointerSegments } from "./json.ts";
import type { OpRef } from "./place.ts";
import type { BodyRef } from "./subjects.ts";

/** The original (not normalized) documents, used to name components and operations. */
export type Originals = { base: Obj; head: Obj; envelopes: EnvelopeChange[] };

/** `GET /api/sessions (listSessions)`, from the old document when it has the operation. */
export function operationName(op: OpRef, originals: Originals): string {
  const find = (doc: Obj) => asObj(at(doc, ["paths", op.path, op.method]));
  const operation = isObj(at(originals.base, ["paths", op.path, op.method]))
    ? find(originals.base)
    : find(originals.head);
  const id = typeof operation.operationId === "string" ? ` (${operation.operationId})` : "";
  return `${op.method.toUpperCase()} ${op.path}${id}`;
}

/** The field a schema path reaches: `properties/data/items/properties/title` is `data[].title`. */
export function fieldName(segments: string[]): string {
  let name = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "properties") name += `${name ? "." : ""}${segments[++i]}`;
    else if (segment === "items") name += "[]";
    else if (segment === "additionalProperties") name += "{*}";
    else if (segment === "anyOf" || segment === "oneOf" || segment === "allOf" || segment === "prefixItems") i++;
  }
  return name;
}

/**
 * A body's schema path as written in one of the original documents: inside the envelope when
 * that side had the envelope the other lost (or gained).
 */
export function pathIn(
  side: "base" | "head",
  op: OpRef,
  body: BodyRef,
  path: string[],
  originals: Originals,
): string[] {
  const enveloped = side === "base" ? "dropped" : "added";
  const envelope = originals.envelopes.find(
    (e) => e.method === op.method && e.path === op.path && e.where === body.where && e.change === enveloped,
  );
  return envelope ? ["properties", envelope.key, ...path] : path;
}

function deref(doc: Obj, node: unknown): { node: unknown; component?: string } {
  let current = node;
  let component: string | undefined;
  for (let hops = 0; isObj(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    const ref = current.$ref as string;
    component = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] ?? component;
    current = at(doc, pointerSegments(ref));
  }
  return { node: current, component };
}

/** Follows segments through the original document, entering `$ref`s and `allOf` branches. */
function walk(doc: Obj, node: unknown, segments: string[], found: { component?: string; rest: string[] }): boolean {
  const step = deref(doc, node);
  if (step.component) Object.assign(found, { component: step.component, rest: [] });
  if (segments.length === 0) return true;
  const [head, ...tail] = segments as [string, ...string[]];
  const child = isObj(step.node) ? step.node[head] : undefined;
  const snapshot = { ...found, rest: [...found.rest] };
  if (child !== undefined) {
    found.rest.push(head);
    if (walk(doc, child, tail, found)) return true;
    Object.assign(found, snapshot);
  }
  const branches = isObj(step.node) && Array.isArray(step.node.allOf) ? step.node.allOf : [];
  return branches.some((branch) => walk(doc, branch, segments, found) || (Object.assign(found, snapshot) && false));
}

/** The component schema (of the original document) a body path ends in, and the path inside it. */
export function componentOf(
  doc: Obj,
  op: OpRef,
  where: string,
  mediaType: string,
  path: string[],
): { name: string; rest: string[] } | undefined {
  const holder = where === "request" ? ["requestBody"] : ["responses", where];
  let node: unknown = at(doc, ["paths", op.path, op.method]);
  for (const segment of [...holder, "content", mediaType, "schema"]) node = at(deref(doc, node).node, [segment]);
  const found: { component?: string; rest: string[] } = { rest: [] };
  if (node === undefined || !walk(doc, node, path, found) || !found.component) return undefined;
  return { name: found.component, rest: found.rest };
}
