/**
 * Names as a reader of the old spec knows them: an operation by method, path and operationId,
 * a field by its path in the body (`data[].title`).
 */
import { asObj, at, isObj, type Obj } from "../json.ts";
import type { OpRef } from "../model.ts";
import type { Originals } from "../normalize/originals.ts";

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
