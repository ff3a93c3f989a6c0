/**
 * Words for a change to a union's variants: "variants added: SSEErrorEvent", "anyOf -> oneOf",
 * "may now also be null".
 */
import { canonical, isObj, type Obj } from "../json.ts";
import { allowsAny, isAnnotation, typesOf } from "../schema/facts.ts";
import { pairVariants, type VariantNames } from "../schema/variants.ts";
import { kindText, listText } from "./kinds.ts";

/** A short picture of one variant: "one of a, b, c", "a string matching ^x$", or its component name. */
function variantSummary(schema: unknown, name?: string): string {
  if (name) return name;
  if (!isObj(schema)) return schema === false ? "nothing" : "any value";
  if (Array.isArray(schema.enum)) return `one of ${listText(schema.enum)}`;
  if ("const" in schema) return JSON.stringify(schema.const);
  if (typeof schema.pattern === "string") return `${kindText(schema)} matching ${schema.pattern}`;
  if (isObj(schema.properties)) return `an object with ${listText(Object.keys(schema.properties).slice(0, 4))}`;
  if (Array.isArray(schema.required)) return `an object requiring ${listText(schema.required)}`;
  return kindText(schema);
}

/** A schema's union: its keyword and its variants. */
export function variantsOf(schema: Obj): { key: string; list: unknown[] } | undefined {
  for (const key of ["anyOf", "oneOf"]) if (Array.isArray(schema[key])) return { key, list: schema[key] as unknown[] };
  return undefined;
}

/** How two schemas' values differ, in words (values.ts), for a variant that changed. */
export type Describe = (before: unknown, after: unknown) => string;

/** "variant Link: ..." for each paired variant that changed, at most three. */
function changedText(
  old: unknown[],
  now: unknown[],
  pairs: Map<number, number>,
  names?: VariantNames,
  describe?: Describe,
) {
  if (!describe) return [];
  const changed = [...pairs].filter(([i, j]) => canonical(old[i]) !== canonical(now[j]));
  const said = changed.slice(0, 3).map(([i, j]) => `variant ${names?.before[i] ?? i + 1}: ${describe(old[i], now[j])}`);
  return changed.length > 3 ? [...said, `${changed.length - 3} more variants changed`] : said;
}

/**
 * "variants added: A; variants removed: B", "anyOf -> oneOf", "variant Link: ..."; or both
 * pictures when one side is a single variant.
 */
export function variantsText(before: Obj, after: Obj, names?: VariantNames, describe?: Describe): string | undefined {
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
    old.key !== now.key && `${old.key} -> ${now.key}`,
    added.length && `variants added: ${added.join(", ")}`,
    removed.length && `variants removed: ${removed.join(", ")}`,
    ...changedText(old.list, now.list, pairs, names, describe),
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
