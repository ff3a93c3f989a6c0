/**
 * Rules for changes inside a body's schema, knowing which way the data flows. A response may
 * become narrower (a client of the old spec still understands it) but not wider; a request
 * may become wider (the server still accepts what old clients send) but not narrower.
 */

import { bodySchema, type OpRef } from "../find/place.ts";
import type { BodyRef, Docs } from "../find/subjects.ts";
import { at, isObj, type Obj, sameJson } from "../json.ts";
import type { Verdict } from "../model.ts";
import { forbidsProperty, isAnnotation, propertyNames, requiredOf } from "../schema/facts.ts";
import { type Roles, within, withoutFields } from "../schema/subset.ts";
import type { Direction } from "../schema/walk.ts";

/** A node of a body's schema: its path in the old document (`baseAt`) and the new (`at`). */
export type SchemaNode = { op: OpRef; body: BodyRef; baseAt: string[]; at: string[] };

/** The old and new schema at a node. */
export function nodes(docs: Docs, node: SchemaNode): [unknown, unknown] {
  return [
    at(bodySchema(docs.base, node.op, node.body.where, node.body.baseMediaType), node.baseAt),
    at(bodySchema(docs.head, node.op, node.body.where, node.body.headMediaType), node.at),
  ];
}

/**
 * True when the outermost union (`anyOf`/`oneOf`) around a node still fits as a whole: then a
 * change inside one variant cannot break anyone, even if that variant alone grew.
 */
function unionFits(docs: Docs, node: SchemaNode): boolean {
  const cut = node.at.findIndex((s) => s === "anyOf" || s === "oneOf");
  const baseCut = node.baseAt.findIndex((s) => s === "anyOf" || s === "oneOf");
  if (cut < 0 || baseCut < 0) return false;
  const union = { ...node, at: node.at.slice(0, cut), baseAt: node.baseAt.slice(0, baseCut) };
  const [before, after] = nodes(docs, union);
  return fits(before, after, node.body.where === "request" ? "request" : "response");
}

/** True when a client of the old schema is safe with the new one, in this direction. */
export function fits(before: unknown, after: unknown, direction: Direction): boolean {
  const roles: Roles = { direction };
  return direction === "response" ? within(after, before, roles) : within(before, after, roles);
}

/** Rules for one field of an object: removed, added, required or not. */
export function judgeField(docs: Docs, node: SchemaNode, name: string): Verdict[] {
  const { op, body } = node;
  const [before, after] = nodes(docs, node);
  if (!isObj(before) || !isObj(after)) return [];
  const response = body.where !== "request";
  // Present: declared and not forbidden (`false`, `not: {required: [name]}`, closed object).
  const present = (s: Obj) => propertyNames(s).includes(name) && !forbidsProperty(s, name);
  const [had, has] = [present(before), present(after)];
  const [wasRequired, isRequired] = [requiredOf(before).includes(name), requiredOf(after).includes(name)];
  const guarded = (breaking: boolean) => breaking && !unionFits(docs, node);
  const verdict = (breaking: boolean, code: Verdict["code"]): Verdict[] => [
    {
      breaking: guarded(breaking),
      code,
      op,
      body,
      at: node.baseAt,
      headAt: node.at,
      name,
      before: wasRequired,
      after: isRequired,
    },
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

/** A schema without its describing keywords (description, example, `x-`...). */
export function withoutAnnotations(schema: unknown): unknown {
  if (!isObj(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !isAnnotation(key)));
}

/** Fields a `not: {required: [...]}` added to the new schema now forbids, when that is all that changed. */
function newlyForbidden(before: unknown, after: unknown): string[] {
  if (!isObj(before) || !isObj(after) || !isObj(after.not)) return [];
  const rest = (s: Obj) =>
    withoutAnnotations(withoutFields(Object.fromEntries(Object.entries(s).filter(([k]) => k !== "not")), s));
  if (!sameJson(rest(before), rest(after))) return [];
  const names = [after.not, ...(Array.isArray(after.not.anyOf) ? after.not.anyOf : [])].flatMap((n) =>
    isObj(n) && Array.isArray(n.required) && n.required.length === 1 ? [String(n.required[0])] : [],
  );
  return names.filter((name) => !forbidsProperty(before, name));
}

/** Rules for the values a schema node allows: type, enum, format, bounds, variants. */
export function judgeValues(docs: Docs, node: SchemaNode): Verdict[] {
  const { op, body } = node;
  const [before, after] = nodes(docs, node);
  const forbidden = newlyForbidden(before, after);
  if (forbidden.length > 0) return forbidden.flatMap((name) => judgeField(docs, node, name));
  const direction: Direction = body.where === "request" ? "request" : "response";
  const [old, now] = [withoutFields(before, after), withoutFields(after, before)];
  const base = { op, body, at: node.baseAt, headAt: node.at, before, after };
  if (sameJson(withoutAnnotations(old), withoutAnnotations(now))) {
    const defaults = [before, after].map((s) => (isObj(s) ? s.default : undefined));
    return sameJson(defaults[0], defaults[1]) ? [] : [{ ...base, breaking: false, code: "default" }];
  }
  // A body that had no schema promised nothing: describing it for the first time breaks no one.
  if (before === undefined && node.at.length === 0) return [{ ...base, breaking: false, code: "values" }];
  const breaking = !fits(old ?? true, now ?? true, direction) && !unionFits(docs, node);
  return [{ ...base, breaking, code: "values" }];
}
