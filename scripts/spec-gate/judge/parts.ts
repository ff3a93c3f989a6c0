/**
 * Rules for an operation's parameters, request body and responses as wholes: which are there,
 * which are required, which media types and statuses. Parameters are matched by location and
 * name, media types by coverage (`*\/*` covers `application/json`), statuses by code.
 */

import { mediaCovers, type OpRef } from "../find/place.ts";
import type { Docs } from "../find/subjects.ts";
import { asObj, at, isObj, type Obj, sameJson } from "../json.ts";
import type { Verdict } from "../model.ts";
import type { Direction } from "../schema/walk.ts";
import { fits, withoutAnnotations } from "./schema.ts";

const operation = (doc: unknown, op: OpRef) => asObj(at(doc, ["paths", op.path, op.method]));
const serialization = ["style", "explode", "allowReserved", "allowEmptyValue", "content"];

function parametersOf(doc: unknown, op: OpRef): Map<string, Obj> {
  const list = (operation(doc, op).parameters as unknown[]) ?? [];
  return new Map(list.filter(isObj).map((p) => [`${p.in} ${p.name}`, p]));
}

/**
 * A parameter travels as text: a plain string parameter accepts what an integer, number or
 * boolean parameter accepted. Otherwise the schemas are compared like a request body's.
 */
function parameterFits(before: unknown, after: unknown): boolean {
  const plainString =
    isObj(after) && Object.keys(withoutAnnotations(after) as Obj).every((k) => k === "type") && after.type === "string";
  const scalar = isObj(before) && ["string", "integer", "number", "boolean"].includes(String(before.type));
  return (plainString && scalar) || fits(before, after, "request");
}

/** Parameters removed, added, made required or optional, serialized differently, or retyped. */
export function judgeParameters(docs: Docs, op: OpRef): Verdict[] {
  const [before, after] = [parametersOf(docs.base, op), parametersOf(docs.head, op)];
  const verdicts: Verdict[] = [];
  const say = (breaking: boolean, code: Verdict["code"], name: string, extra: Partial<Verdict> = {}) =>
    verdicts.push({ breaking, code, op, name, ...extra });
  for (const [name, old] of before) {
    const now = after.get(name);
    if (!now) say(true, "parameter-removed", name);
    else if (old.required !== true && now.required === true) say(true, "parameter-required", name);
    else if (old.required === true && now.required !== true) say(false, "parameter-optional", name);
    if (!now) continue;
    if (serialization.some((key) => !sameJson(old[key], now[key]))) say(true, "parameter-serialization", name);
    if (!sameJson(withoutAnnotations(old.schema), withoutAnnotations(now.schema))) {
      say(!parameterFits(old.schema, now.schema), "parameter-values", name, { before: old.schema, after: now.schema });
    }
  }
  for (const [name, now] of after) if (!before.has(name)) say(now.required === true, "parameter-added", name);
  return verdicts;
}

/**
 * Media types of one body: in a request every old type must still be accepted; in a response
 * every new type must be one old clients were told to expect. Bodies under a different media
 * type key (`*\/*` became `application/json`) are compared here; same-key bodies field by field.
 */
export function judgeMedia(before: Obj, after: Obj, direction: Direction, base: Partial<Verdict>): Verdict[] {
  const verdicts: Verdict[] = [];
  const [inner, outer] = direction === "request" ? [before, after] : [after, before];
  for (const type of Object.keys(inner)) {
    const cover = type in outer ? type : Object.keys(outer).find((o) => mediaCovers(o, type));
    const code = direction === "request" ? "media-dropped" : "media-added";
    if (cover === undefined) verdicts.push({ ...base, breaking: true, code, name: type });
    else if (cover !== type) {
      // `inner` is the old side for a request and the new side for a response: words read old -> new.
      const [oldType, newType] = direction === "request" ? [type, cover] : [cover, type];
      const [old, now] = [asObj(before[oldType]), asObj(after[newType])];
      const ok = fits(old.schema, now.schema, direction);
      verdicts.push({ ...base, breaking: !ok, code: "media-values", name: newType, before: oldType });
    }
  }
  for (const type of Object.keys(outer)) {
    if (type in inner || Object.keys(inner).some((i) => mediaCovers(type, i))) continue;
    verdicts.push({
      ...base,
      breaking: false,
      code: direction === "request" ? "media-added" : "media-dropped",
      name: type,
    });
  }
  return verdicts;
}

/** The request body removed, added, made required or optional, or its media types changed. */
export function judgeRequestBody(docs: Docs, op: OpRef): Verdict[] {
  const [old, now] = [operation(docs.base, op).requestBody, operation(docs.head, op).requestBody];
  const body = { where: "request" };
  if (!isObj(old) && !isObj(now)) return [];
  if (!isObj(now)) return [{ breaking: true, code: "body-removed", op, body }];
  if (!isObj(old)) return [{ breaking: now.required === true, code: "body-added", op, body }];
  const verdicts: Verdict[] = [];
  if (old.required !== true && now.required === true)
    verdicts.push({ breaking: true, code: "body-required", op, body });
  if (old.required === true && now.required !== true)
    verdicts.push({ breaking: false, code: "body-optional", op, body });
  return [...verdicts, ...judgeMedia(asObj(old.content), asObj(now.content), "request", { op, body })];
}
