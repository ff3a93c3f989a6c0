/**
 * Rules for an operation's parameters, matched by location and name: removed, added, made
 * required or optional, serialized differently, or given other values.
 */
import { isObj, type Obj, sameJson } from "../json.ts";
import type { OpRef, Sides, Verdict } from "../model.ts";
import { withoutAnnotations } from "../schema/facts.ts";
import { fits } from "../schema/subset.ts";

const serialization = ["style", "explode", "allowReserved", "allowEmptyValue", "content"];

const byKey = (list: Obj[]) => new Map(list.map((p) => [`${p.in} ${p.name}`, p]));

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
export function judgeParameters(op: OpRef, parameters: Sides<Obj[]>): Verdict[] {
  const [before, after] = [byKey(parameters.before), byKey(parameters.after)];
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
