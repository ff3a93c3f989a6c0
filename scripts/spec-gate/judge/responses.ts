/**
 * Rules for an operation's responses. A client of the old spec handles the success statuses
 * it documents, and any error status (documented or not: clients must survive an undocumented
 * 4XX/5XX, whose body may be anything). So:
 * - a new success status breaks it (it was not told to expect one), unless a range or
 *   `default` covered it; a removed success status does not, while another one remains;
 * - a new documented error narrows "anything" to a known body (safe); a removed one widens its
 *   body back to anything (breaks), unless a range or `default` still describes it.
 */

import { asObj, isObj, type Obj, sameJson } from "../json.ts";
import type { OpRef, Sides, Verdict } from "../model.ts";
import { fits } from "../schema/subset.ts";
import { judgeMedia } from "./media.ts";

const isSuccess = (status: string) => /^2/.test(status);
const covered = (status: string, statuses: string[]) =>
  statuses.includes(`${status[0]}XX`) || statuses.includes("default");

function judgeStatuses(before: Obj, after: Obj, op: OpRef): Verdict[] {
  const [old, now] = [Object.keys(before), Object.keys(after)];
  const removed = old.filter((s) => !now.includes(s));
  const added = now.filter((s) => !old.includes(s));
  const [lostSuccess, newSuccess] = [removed.filter(isSuccess), added.filter(isSuccess)];
  const verdicts: Verdict[] = [];
  if (lostSuccess.length > 0 && newSuccess.length > 0 && !now.some((s) => isSuccess(s) && old.includes(s))) {
    verdicts.push({ breaking: true, code: "status-replaced", op, before: lostSuccess, after: newSuccess });
  } else {
    for (const s of newSuccess) verdicts.push({ breaking: !covered(s, old), code: "status-added", op, name: s });
    for (const s of lostSuccess) {
      verdicts.push({ breaking: !now.some(isSuccess), code: "status-removed", op, name: s });
    }
  }
  for (const s of added.filter((s) => !isSuccess(s)))
    verdicts.push({ breaking: false, code: "status-added", op, name: s });
  for (const s of removed.filter((s) => !isSuccess(s))) {
    verdicts.push({ breaking: /^[45]/.test(s) && !covered(s, now), code: "status-removed", op, name: s });
  }
  return verdicts;
}

function headersOf(response: Obj): Map<string, Obj> {
  const headers = asObj(response.headers);
  return new Map(
    Object.entries(headers).flatMap(([k, v]) => (isObj(v) ? [[k.toLowerCase(), v] as [string, Obj]] : [])),
  );
}

function judgeHeaders(before: Obj, after: Obj, base: Partial<Verdict>): Verdict[] {
  const [old, now] = [headersOf(before), headersOf(after)];
  const verdicts: Verdict[] = [];
  const say = (breaking: boolean, code: Verdict["code"], name: string, extra: Partial<Verdict> = {}) =>
    verdicts.push({ ...base, breaking, code, name, ...extra });
  for (const [name, header] of old) {
    const next = now.get(name);
    if (!next) say(true, "header-removed", name);
    else if (header.required === true && next.required !== true) say(true, "header-optional", name);
    else if (header.required !== true && next.required === true) say(false, "header-required", name);
    if (next && !sameJson(header.schema, next.schema)) {
      say(!fits(header.schema, next.schema, "response"), "header-values", name, {
        before: header.schema,
        after: next.schema,
      });
    }
  }
  for (const name of now.keys()) if (!old.has(name)) say(false, "header-added", name);
  return verdicts;
}

/** Statuses that never carry a body (RFC 9110): content described for them means nothing. */
const bodiless = new Set(["204", "205", "304"]);

function judgeResponse(before: Obj, after: Obj, op: OpRef, status: string): Verdict[] {
  const base = { op, body: { where: status } };
  if (bodiless.has(status)) return judgeHeaders(before, after, base);
  const [old, now] = [asObj(before.content), asObj(after.content)];
  const verdicts = judgeHeaders(before, after, base);
  const [had, has] = [Object.keys(old).length > 0, Object.keys(now).length > 0];
  if (had && !has) return [...verdicts, { ...base, breaking: true, code: "content-removed" }];
  if (!had && has) return [...verdicts, { ...base, breaking: false, code: "content-added" }];
  return [...verdicts, ...judgeMedia(old, now, "response", base)];
}

/** Statuses added or removed; each kept status's body media types and headers. */
export function judgeResponses(op: OpRef, { before, after }: Sides<Obj>): Verdict[] {
  const verdicts = judgeStatuses(before, after, op);
  for (const [status, response] of Object.entries(before)) {
    if (isObj(response) && isObj(after[status])) verdicts.push(...judgeResponse(response, after[status], op, status));
  }
  return verdicts;
}
