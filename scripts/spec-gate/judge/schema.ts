/**
 * Rules for changes inside a body's schema, knowing which way the data flows. A response may
 * become narrower (a client of the old spec still understands it) but not wider; a request
 * may become wider (the server still accepts what old clients send) but not narrower.
 */

import { isObj, type Obj, sameJson } from "../json.ts";
import type { SchemaNode, Verdict } from "../model.ts";
import { forbidsProperty, propertyNames, requiredOf, withoutAnnotations } from "../schema/facts.ts";
import { fits, judgeFit, withoutFields } from "../schema/subset.ts";
import type { Direction } from "../schema/walk.ts";

const directionOf = (node: SchemaNode): Direction => (node.body.where === "request" ? "request" : "response");

/**
 * True when the outermost union (`anyOf`/`oneOf`) around a node still fits as a whole: then a
 * change inside one variant cannot break anyone, even if that variant alone grew.
 */
function unionFits(node: SchemaNode): boolean {
  return node.union !== undefined && fits(node.union.before, node.union.after, directionOf(node));
}

/** Rules for one field of an object: removed, added, required or not. */
export function judgeField(node: SchemaNode, name: string): Verdict[] {
  const { op, body } = node;
  const { before, after } = node.node;
  if (!isObj(before) || !isObj(after)) return [];
  const response = body.where !== "request";
  // Present: declared and not forbidden (`false`, `not: {required: [name]}`, closed object).
  const present = (s: Obj) => propertyNames(s).includes(name) && !forbidsProperty(s, name);
  const [had, has] = [present(before), present(after)];
  const [wasRequired, isRequired] = [requiredOf(before).includes(name), requiredOf(after).includes(name)];
  const guarded = (breaking: boolean) => breaking && !unionFits(node);
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

/**
 * A default is the value a missing field stands for. Where a client may leave the field out
 * (an optional property), a new default changes what it gets (request) or what it reads
 * (response): breaking. A required property, or a node that is no property, is always there.
 */
export function judgeDefault(node: SchemaNode): Verdict[] {
  const { before, after } = node.node;
  const defaults = [before, after].map((s) => (isObj(s) ? s.default : undefined));
  if (sameJson(defaults[0], defaults[1])) return [];
  const common = { op: node.op, body: node.body, at: node.baseAt, headAt: node.at, before, after };
  const reason = node.required?.before ? "required" : undefined;
  return [{ ...common, breaking: node.required?.before === false, code: "default", reason }];
}

/** Rules for the values a schema node allows: type, enum, format, bounds, variants; and its default. */
export function judgeValues(node: SchemaNode): Verdict[] {
  const { op, body } = node;
  const { before, after } = node.node;
  const forbidden = newlyForbidden(before, after);
  if (forbidden.length > 0) return forbidden.flatMap((name) => judgeField(node, name));
  const [old, now] = [withoutFields(before, after), withoutFields(after, before)];
  const common = { op, body, at: node.baseAt, headAt: node.at, before, after };
  if (sameJson(withoutAnnotations(old), withoutAnnotations(now))) return judgeDefault(node);
  // A body that had no schema promised nothing: describing it for the first time breaks no one.
  if (before === undefined && node.at.length === 0) return [{ ...common, breaking: false, code: "values" }];
  const fit = judgeFit(old ?? true, now ?? true, directionOf(node));
  const breaking = !fit.fits && !unionFits(node);
  const values: Verdict = { ...common, breaking, code: "values", reason: breaking ? fit.reason : undefined };
  return [values, ...judgeDefault(node)];
}
