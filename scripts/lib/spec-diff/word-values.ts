/**
 * Words for a change in the values a schema allows: "type number -> integer", "values added:
 * gemini", "format (none) -> uuid", "minimum 1 -> 0", "2 -> 3 variants".
 */
import { canonical, isObj, type Obj } from "./json.ts";

/** A value as it appears in a line: short JSON, or "(none)". */
export function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeText(schema: Obj): string | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type);
}

function listText(values: unknown[]): string {
  const texts = values.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return texts.length > 12 ? `${texts.slice(0, 12).join(", ")} and ${texts.length - 12} more` : texts.join(", ");
}

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

function variantsText(before: Obj, after: Obj): string | undefined {
  const count = (s: Obj) => (Array.isArray(s.anyOf) ? s.anyOf.length : Array.isArray(s.oneOf) ? s.oneOf.length : 0);
  const [old, now] = [count(before), count(after)];
  if (old === now)
    return old > 0 && canonical(before.anyOf ?? before.oneOf) !== canonical(after.anyOf ?? after.oneOf)
      ? "its variants changed"
      : undefined;
  if (old === 0) return `now one of ${now} variants`;
  if (now === 0) return `no longer one of ${old} variants`;
  return `${old} -> ${now} variants`;
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

/** A short description of how the allowed values changed between two schemas. */
export function valuesText(before: unknown, after: unknown): string {
  if (before === undefined) return "now described by a schema";
  if (after === undefined) return "no longer described by a schema";
  const [b, a] = [isObj(before) ? before : {}, isObj(after) ? after : {}];
  const parts: string[] = [];
  const [oldType, newType] = [typeText(b), typeText(a)];
  if (oldType !== newType) parts.push(`type ${oldType ?? "any"} -> ${newType ?? "any"}`);
  const values = enumText(b, a);
  if (values) parts.push(values);
  for (const key of keywords)
    if (canonical(b[key]) !== canonical(a[key])) parts.push(`${key} ${shown(b[key])} -> ${shown(a[key])}`);
  const variants = variantsText(b, a);
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
