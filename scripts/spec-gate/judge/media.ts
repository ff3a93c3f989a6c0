/**
 * Rules for a body as a whole: a request body removed, added, made required or optional, and
 * the media types of a request or response body. Media types are matched by coverage
 * (`*\/*` covers `application/json`).
 */
import { asObj, isObj, type Obj } from "../json.ts";
import { mediaCovers } from "../media-types.ts";
import type { OpRef, Sides, Verdict } from "../model.ts";
import { fits } from "../schema/subset.ts";
import type { Direction } from "../schema/walk.ts";

/**
 * Media types of one body. In a request every old type must still be accepted. In a response
 * every new type must be one old clients were told to expect, and every old type must still be
 * offered: a client that asks for `application/xml` (Accept) loses it when it is removed. A
 * range narrowed (`*\/*` became `application/json`) is safe: the old spec promised no
 * particular type within it, so a client had to take whatever came. Bodies under a different
 * media type key are compared here; same-key bodies field by field.
 */
export function judgeMedia(before: Obj, after: Obj, direction: Direction, where: Partial<Verdict>): Verdict[] {
  const verdicts: Verdict[] = [];
  const [inner, outer] = direction === "request" ? [before, after] : [after, before];
  for (const type of Object.keys(inner)) {
    const cover = type in outer ? type : Object.keys(outer).find((o) => mediaCovers(o, type));
    const code = direction === "request" ? "media-dropped" : "media-added";
    if (cover === undefined) verdicts.push({ ...where, breaking: true, code, name: type });
    else if (cover !== type) {
      // `inner` is the old side for a request and the new side for a response: words read old -> new.
      const [oldType, newType] = direction === "request" ? [type, cover] : [cover, type];
      const [old, now] = [asObj(before[oldType]), asObj(after[newType])];
      const ok = fits(old.schema, now.schema, direction);
      verdicts.push({ ...where, breaking: !ok, code: "media-values", name: newType, before: oldType });
    }
  }
  for (const type of Object.keys(outer)) {
    if (type in inner || Object.keys(inner).some((i) => mediaCovers(type, i))) continue;
    const dropped = direction === "response";
    verdicts.push({ ...where, breaking: dropped, code: dropped ? "media-dropped" : "media-added", name: type });
  }
  return verdicts;
}

/** The request body removed, added, made required or optional, or its media types changed. */
export function judgeRequestBody(op: OpRef, { before: old, after: now }: Sides): Verdict[] {
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
