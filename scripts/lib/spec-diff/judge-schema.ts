/**
 * Rules for changes inside a body's schema, knowing which way the data flows. A response may
 * become narrower (a client of the old spec still understands it) but not wider; a request
 * may become wider (the server still accepts what old clients send) but not narrower.
 */
import { at, isObj, sameJson } from "./json.ts";
import type { OpRef } from "./place.ts";
import { forbidsProperty, isAnnotation, propertyNames, requiredOf } from "./schema-facts.ts";
import { type Roles, within, withoutFields } from "./schema-subset.ts";
import type { Direction } from "./schema-walk.ts";
import type { BodyRef, Docs } from "./subjects.ts";
import type { Verdict } from "./verdict.ts";

/** The schema of a body (request or a response status, in one media type) of an operation. */
export function bodySchema(doc: unknown, op: OpRef, where: string, mediaType: string | undefined): unknown {
  if (mediaType === undefined) return undefined;
  const holder = where === "request" ? ["requestBody"] : ["responses", where];
  return at(doc, ["paths", op.path, op.method, ...holder, "content", mediaType, "schema"]);
}

/** The old and new schema node at a path inside a body. */
export function nodes(docs: Docs, op: OpRef, body: BodyRef, path: string[]): [unknown, unknown] {
  return [
    at(bodySchema(docs.base, op, body.where, body.baseMediaType), path),
    at(bodySchema(docs.head, op, body.where, body.headMediaType), path),
  ];
}

/** True when a client of the old schema is safe with the new one, in this direction. */
export function fits(before: unknown, after: unknown, direction: Direction): boolean {
  const roles: Roles = { direction };
  return direction === "response" ? within(after, before, roles) : within(before, after, roles);
}

/** Rules for one field of an object: removed, added, required or not. */
export function judgeField(docs: Docs, op: OpRef, body: BodyRef, path: string[], name: string): Verdict[] {
  const [before, after] = nodes(docs, op, body, path);
  if (!isObj(before) || !isObj(after)) return [];
  const response = body.where !== "request";
  const had = propertyNames(before).includes(name);
  const has = propertyNames(after).includes(name);
  const [wasRequired, isRequired] = [requiredOf(before).includes(name), requiredOf(after).includes(name)];
  const verdict = (breaking: boolean, code: Verdict["code"]): Verdict[] => [
    { breaking, code, op, body, at: path, name, before: wasRequired, after: isRequired },
  ];
  if (had && !has) {
    if (response && !wasRequired && forbidsProperty(after, name)) return verdict(false, "field-forbidden");
    return verdict(true, "field-removed");
  }
  if (!had && has) {
    const closed = response && forbidsProperty(before, name);
    return verdict(closed || (!response && isRequired), "field-added");
  }
  if (wasRequired && !isRequired) return verdict(response, "field-optional");
  if (!wasRequired && isRequired) return verdict(!response, "field-required");
  return [];
}

function withoutAnnotations(schema: unknown): unknown {
  if (!isObj(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !isAnnotation(key)));
}

/** Rules for the values a schema node allows: type, enum, format, bounds, variants. */
export function judgeValues(docs: Docs, op: OpRef, body: BodyRef, path: string[]): Verdict[] {
  const [before, after] = nodes(docs, op, body, path);
  const direction: Direction = body.where === "request" ? "request" : "response";
  const [old, now] = [withoutFields(before, after), withoutFields(after, before)];
  const base = { op, body, at: path, before, after };
  if (sameJson(withoutAnnotations(old), withoutAnnotations(now))) {
    const defaults = [before, after].map((s) => (isObj(s) ? s.default : undefined));
    return sameJson(defaults[0], defaults[1]) ? [] : [{ ...base, breaking: false, code: "default" }];
  }
  // A body that had no schema promised nothing: describing it for the first time breaks no one.
  if (before === undefined && path.length === 0) return [{ ...base, breaking: false, code: "values" }];
  return [{ ...base, breaking: !fits(old ?? true, now ?? true, direction), code: "values" }];
}
