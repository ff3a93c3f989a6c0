/**
 * Words for a change in the values a schema allows: "type number -> integer", "values added:
 * gemini", "format (none) -> uuid", "minimum 1 -> 0", "2 -> 3 variants".
 */
import { canonical, isObj, type Obj } from "../json.ts";
import { allowsAny, isAnnotation, typesOf } from "../schema/facts.ts";
import { pairVariants, type VariantNames } from "../schema/variants.ts";

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

const articles: Record<string, string> = {
  integer: "an integer",
  object: "an object",
  array: "an array",
  null: "null",
};

/** "a string", "an integer or null", "a string (uuid)". */
function kindText(schema: Obj): string {
  const types =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  if (types.length === 0) return `any value${format}`;
  return `${types.map((t) => articles[t] ?? `a ${t}`).join(" or ")}${format}`;
}

/** A short picture of one variant: "one of a, b, c", "a string matching ^x$", or its component name. */
function variantSummary(schema: unknown, name?: string): string {
  if (name) return name;
  if (!isObj(schema)) return schema === false ? "nothing" : "any value";
  if (Array.isArray(schema.enum)) return `one of ${listText(schema.enum)}`;
  if ("const" in schema) return JSON.stringify(schema.const);
  if (typeof schema.pattern === "string") return `${kindText(schema)} matching ${schema.pattern}`;
  if (isObj(schema.properties)) return `an object with ${listText(Object.keys(schema.properties).slice(0, 4))}`;
  return kindText(schema);
}

function variantsOf(schema: Obj): { key: string; list: unknown[] } | undefined {
  for (const key of ["anyOf", "oneOf"]) if (Array.isArray(schema[key])) return { key, list: schema[key] as unknown[] };
  return undefined;
}

function variantsText(before: Obj, after: Obj, names?: VariantNames): string | undefined {
  const [old, now] = [variantsOf(before), variantsOf(after)];
  if (!old && !now) return undefined;
  const picture = (schema: Obj, list: (string | undefined)[] | undefined) => {
    const variants = variantsOf(schema);
    if (!variants) return variantSummary(schema);
    const shown = variants.list.slice(0, 4).map((v, i) => variantSummary(v, list?.[i]));
    return variants.list.length > 4
      ? `one of ${variants.list.length} variants (${shown.join("; ")}; ...)`
      : shown.join(" or ");
  };
  // A union of one variant is a plain schema written as a union (unions.ts): show both pictures.
  if (!old || !now || old.list.length === 1 || now.list.length === 1) {
    return `${picture(before, names?.before)} -> ${picture(after, names?.after)}`;
  }
  const pairs = pairVariants(old.list, now.list, names);
  const paired = new Set(pairs.values());
  const added = now.list.flatMap((v, j) => (paired.has(j) ? [] : [variantSummary(v, names?.after[j])]));
  const removed = old.list.flatMap((v, i) => (pairs.has(i) ? [] : [variantSummary(v, names?.before[i])]));
  const parts = [
    added.length && `variants added: ${added.join(", ")}`,
    removed.length && `variants removed: ${removed.join(", ")}`,
  ];
  return parts.filter(Boolean).join("; ") || "its variants changed";
}

/** True when no value of one of these variants is a value of one of those (by JSON type). */
function disjoint(these: unknown[], those: unknown[]): boolean {
  const overlap = (x: Obj, y: Obj) => allowsAny(x, typesOf(y)) || allowsAny(y, typesOf(x));
  return these.every((v) => those.every((w) => isObj(v) && isObj(w) && !overlap(v, w)));
}

/**
 * "may now also be null" when a union only gained variants of new types, "can no longer be
 * null" when it only lost such variants; undefined for any other change. A variant whose values
 * overlap the others' (a string beside known strings) is left to `valuesText`, which shows both.
 */
export function unionText(before: unknown, after: unknown, names?: VariantNames): string | undefined {
  const [b, a] = [isObj(before) ? before : {}, isObj(after) ? after : {}];
  const [old, now] = [variantsOf(b), variantsOf(a)];
  if (!old || !now || old.key !== now.key) return undefined;
  const rest = (s: Obj) => canonical(Object.entries(s).filter(([k]) => k !== old.key && !isAnnotation(k)));
  if (rest(b) !== rest(a)) return undefined;
  const pairs = pairVariants(old.list, now.list, names);
  const paired = new Set(pairs.values());
  const added = now.list.flatMap((v, j) => (paired.has(j) ? [] : [{ v, name: names?.after[j] }]));
  const removed = old.list.flatMap((v, i) => (pairs.has(i) ? [] : [{ v, name: names?.before[i] }]));
  const says = (list: { v: unknown; name?: string }[]) => list.map(({ v, name }) => variantSummary(v, name));
  const kept = (list: unknown[], drop: { v: unknown }[]) => list.filter((v) => !drop.some((d) => d.v === v));
  if (
    added.length > 0 &&
    removed.length === 0 &&
    disjoint(
      added.map((x) => x.v),
      old.list,
    )
  ) {
    return `may now also be ${says(added).join(" or ")}`;
  }
  if (
    removed.length > 0 &&
    added.length === 0 &&
    disjoint(
      removed.map((x) => x.v),
      kept(old.list, removed),
    )
  ) {
    return `can no longer be ${says(removed).join(" or ")}`;
  }
  return undefined;
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

/** A short description of how the allowed values changed between two schemas. */
export function valuesText(before: unknown, after: unknown, names?: VariantNames): string {
  if (before === undefined) return "now described by a schema";
  if (after === undefined) return "no longer described by a schema";
  const [b, a] = [isObj(before) ? before : {}, isObj(after) ? after : {}];
  const single = (s: Obj) => variantsOf(s)?.list.length === 1;
  if (!variantsOf(b) !== !variantsOf(a) || single(b) || single(a)) return variantsText(b, a, names) as string;
  const parts: string[] = [];
  const [oldType, newType] = [typesText(b), typesText(a)];
  if (oldType !== newType) parts.push(`type ${oldType ?? "any"} -> ${newType ?? "any"}`);
  const values = enumText(b, a);
  if (values) parts.push(values);
  for (const key of keywords)
    if (canonical(b[key]) !== canonical(a[key])) parts.push(`${key} ${shown(b[key])} -> ${shown(a[key])}`);
  const variants = variantsText(b, a, names);
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
