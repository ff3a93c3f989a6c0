/**
 * Rules for an operation's parameters, matched by location and name: removed, added, made
 * required or optional, serialized differently, given other values or another default.
 */
import { isObj, type Obj, sameJson } from "../json.ts";
import type { OpRef, Sides, Verdict } from "../model.ts";
import { withoutAnnotations } from "../schema/facts.ts";
import { judgeFit } from "../schema/subset.ts";

const serialization = ["style", "explode", "allowReserved", "allowEmptyValue", "content"];

const byKey = (list: Obj[]) => new Map(list.map((p) => [`${p.in} ${p.name}`, p]));
const defaultOf = (parameter: Obj) => (isObj(parameter.schema) ? parameter.schema.default : undefined);

/**
 * The values and the default of a parameter present on both sides. A parameter serialized by
 * `style` travels as text: a plain string accepts what an integer, number or boolean did, at
 * any depth (a deepObject's properties, an array's items). With `content`, it is JSON, compared
 * like a request body. A default is what a client that leaves the parameter out gets: a new one
 * breaks such a client; a required parameter (every path parameter) is never left out.
 */
function judgeKept(old: Obj, now: Obj, say: (v: Partial<Verdict> & Pick<Verdict, "code">) => void): void {
  if (!sameJson(withoutAnnotations(old.schema), withoutAnnotations(now.schema))) {
    const fit = judgeFit(old.schema, now.schema, "request", !("content" in now));
    const [before, after] = [old.schema, now.schema];
    say({ breaking: !fit.fits, code: "parameter-values", before, after, reason: fit.reason });
  }
  if (!sameJson(defaultOf(old), defaultOf(now))) {
    const required = old.required === true;
    const [before, after] = [defaultOf(old), defaultOf(now)];
    say({ breaking: !required, code: "parameter-default", before, after, reason: required ? "required" : undefined });
  }
}

/** Parameters removed, added, made required or optional, serialized differently, or retyped. */
export function judgeParameters(op: OpRef, parameters: Sides<Obj[]>): Verdict[] {
  const [before, after] = [byKey(parameters.before), byKey(parameters.after)];
  const verdicts: Verdict[] = [];
  for (const [name, old] of before) {
    const say = (v: Partial<Verdict> & Pick<Verdict, "code">) => verdicts.push({ breaking: true, op, name, ...v });
    const now = after.get(name);
    if (!now) say({ code: "parameter-removed" });
    else if (old.required !== true && now.required === true) say({ code: "parameter-required" });
    else if (old.required === true && now.required !== true) say({ breaking: false, code: "parameter-optional" });
    if (!now) continue;
    if (serialization.some((key) => !sameJson(old[key], now[key]))) say({ code: "parameter-serialization" });
    judgeKept(old, now, say);
  }
  for (const [name, now] of after) {
    if (!before.has(name)) verdicts.push({ breaking: now.required === true, code: "parameter-added", op, name });
  }
  return verdicts;
}
