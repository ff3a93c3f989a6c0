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
import { withoutAnnotations } from "../schema/facts.ts";
import { judgeFit } from "../schema/subset.ts";
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

/**
 * A header's values (text on the wire: a plain string takes any scalar) and its default, the
 * value a client assumes when the header is missing: a new default breaks it, unless the header
 * was always sent (required).
 */
function judgeHeader(header: Obj, next: Obj, say: (v: Partial<Verdict> & Pick<Verdict, "code">) => void): void {
  const [before, after] = [header.schema, next.schema];
  if (!sameJson(withoutAnnotations(before), withoutAnnotations(after))) {
    const fit = judgeFit(before, after, "response", true);
    say({ breaking: !fit.fits, code: "header-values", before, after, reason: fit.reason });
  }
  const defaults = [before, after].map((s) => (isObj(s) ? s.default : undefined));
  if (!sameJson(defaults[0], defaults[1])) {
    const required = header.required === true;
    const reason = required ? "required" : undefined;
    say({ breaking: !required, code: "header-default", before: defaults[0], after: defaults[1], reason });
  }
}

function judgeHeaders(before: Obj, after: Obj, where: Partial<Verdict>): Verdict[] {
  const [old, now] = [headersOf(before), headersOf(after)];
  const verdicts: Verdict[] = [];
  for (const [name, header] of old) {
    const say = (v: Partial<Verdict> & Pick<Verdict, "code">) =>
      verdicts.push({ ...where, breaking: true, name, ...v });
    const next = now.get(name);
    if (!next) say({ code: "header-removed" });
    else if (header.required === true && next.required !== true) say({ code: "header-optional" });
    else if (header.required !== true && next.required === true) say({ breaking: false, code: "header-required" });
    if (next) judgeHeader(header, next, say);
  }
  for (const name of now.keys())
    if (!old.has(name)) verdicts.push({ ...where, breaking: false, code: "header-added", name });
  return verdicts;
}

/** Statuses that never carry a body (RFC 9110): content described for them means nothing. */
const bodiless = new Set(["204", "205", "304"]);

function judgeResponse(before: Obj, after: Obj, op: OpRef, status: string): Verdict[] {
  const where = { op, body: { where: status } };
  if (bodiless.has(status)) return judgeHeaders(before, after, where);
  const [old, now] = [asObj(before.content), asObj(after.content)];
  const verdicts = judgeHeaders(before, after, where);
  const [had, has] = [Object.keys(old).length > 0, Object.keys(now).length > 0];
  if (had && !has) return [...verdicts, { ...where, breaking: true, code: "content-removed" }];
  if (!had && has) return [...verdicts, { ...where, breaking: false, code: "content-added" }];
  return [...verdicts, ...judgeMedia(old, now, "response", where)];
}

/** Statuses added or removed; each kept status's body media types and headers. */
export function judgeResponses(op: OpRef, { before, after }: Sides<Obj>): Verdict[] {
  const verdicts = judgeStatuses(before, after, op);
  for (const [status, response] of Object.entries(before)) {
    if (isObj(response) && isObj(after[status])) verdicts.push(...judgeResponse(response, after[status], op, status));
  }
  return verdicts;
}
