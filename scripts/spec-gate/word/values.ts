/**
 * Words for a change in the values a schema allows: "type number -> integer", "values added:
 * gemini", "format (none) -> uuid", "minimum 1 -> 0", "2 -> 3 variants".
 */
import { asObj, canonical, isObj, type Obj } from "../json.ts";
import type { VariantNames } from "../schema/variants.ts";
import { listText, shown, typeText } from "./kinds.ts";
import { variantsOf, variantsText } from "./variants.ts";

/** "values added: x; values removed: y", "now limited to: a, b". */
function enumText(before: Obj, after: Obj): string | undefined {
  const values = (s: Obj) => (Array.isArray(s.enum) ? s.enum : "const" in s ? [s.const] : undefined);
  const [old, now] = [values(before), values(after)];
  if (!old && !now) return undefined;
  if (!old) return `now limited to: ${listText(now ?? [])}`;
  if (!now) return `no longer limited to: ${listText(old)}`;
  const [oldKeys, newKeys] = [old.map(canonical), now.map(canonical)];
  const added = now.filter((v) => !oldKeys.includes(canonical(v)));
  const removed = old.filter((v) => !newKeys.includes(canonical(v)));
  const parts = [
    added.length && `values added: ${listText(added)}`,
    removed.length && `values removed: ${listText(removed)}`,
  ];
  return parts.filter(Boolean).join("; ") || undefined;
}

/** The types a schema allows, counting those of its variants when it has no `type` itself. */
function typesText(schema: Obj): string | undefined {
  const own = typeText(schema);
  const variants = variantsOf(schema);
  if (own || !variants) return own;
  const types = new Set(variants.list.map((v) => (isObj(v) ? typeText(v) : undefined)));
  return types.size === 1 ? [...types][0] : undefined;
}

const keywords = [
  "format",
  "pattern",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
];

function extrasText(before: Obj, after: Obj): string | undefined {
  const closed = (s: Obj) => s.additionalProperties === false;
  if (closed(before) === closed(after)) return undefined;
  return closed(after) ? "extra fields now forbidden" : "extra fields now allowed";
}

/** "property cost: type number -> string", "property title added", "property id now required". */
function propertiesText(b: Obj, a: Obj): string[] {
  const [pb, pa] = [asObj(b.properties), asObj(a.properties)];
  const required = (s: Obj, name: string) => Array.isArray(s.required) && s.required.includes(name);
  return [...new Set([...Object.keys(pb), ...Object.keys(pa)])].flatMap((name) => {
    if (!(name in pa)) return [`property ${name} removed`];
    if (!(name in pb)) return [`property ${name} added`];
    const said =
      canonical(pb[name]) === canonical(pa[name]) ? [] : [`property ${name}: ${valuesText(pb[name], pa[name])}`];
    if (required(b, name) === required(a, name)) return said;
    return [...said, `property ${name} ${required(a, name) ? "now required" : "no longer required"}`];
  });
}

/**
 * A short description of how the allowed values changed between two schemas. A body's fields
 * are said line by line elsewhere; a parameter's or header's properties (a deepObject's) here.
 */
export function valuesText(before: unknown, after: unknown, names?: VariantNames): string {
  if (before === undefined) return "now described by a schema";
  if (after === undefined) return "no longer described by a schema";
  const [b, a] = [isObj(before) ? before : {}, isObj(after) ? after : {}];
  const single = (s: Obj) => variantsOf(s)?.list.length === 1;
  if (!variantsOf(b) !== !variantsOf(a) || single(b) || single(a))
    return variantsText(b, a, names, valuesText) as string;
  const parts: string[] = [];
  const [oldType, newType] = [typesText(b), typesText(a)];
  if (oldType !== newType) parts.push(`type ${oldType ?? "any"} -> ${newType ?? "any"}`);
  const values = enumText(b, a);
  if (values) parts.push(values);
  for (const key of keywords)
    if (canonical(b[key]) !== canonical(a[key])) parts.push(`${key} ${shown(b[key])} -> ${shown(a[key])}`);
  const variants = variantsText(b, a, names, valuesText);
  if (variants) parts.push(variants);
  const extras = extrasText(b, a);
  if (extras) parts.push(extras);
  if (canonical(b.not) !== canonical(a.not))
    parts.push(a.not === undefined ? "a `not` rule removed" : "a `not` rule added");
  if (canonical(b.items) !== canonical(a.items) && (b.items === undefined || a.items === undefined)) {
    parts.push(a.items === undefined ? "items no longer described" : "items now described");
  }
  return parts.join("; ") || "allowed values changed";
}

/** `valuesText`, and for a schema whose own keywords did not change, its properties' changes. */
export function deepValuesText(before: unknown, after: unknown): string {
  const said = valuesText(before, after);
  if (said !== "allowed values changed" || !isObj(before) || !isObj(after)) return said;
  return propertiesText(before, after).join("; ") || said;
}
