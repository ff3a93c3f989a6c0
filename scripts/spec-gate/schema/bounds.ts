/**
 * The subset check's keyword rules that need no recursion: formats, numeric bounds and steps,
 * string patterns and lengths, counts of items and properties. Each answers: does every value
 * of `b` that the keyword applies to also meet `a`'s keyword?
 */
import type { Obj } from "../json.ts";
import { allowsAny, boundOf, boundWithin, typesOf } from "./facts.ts";

const numericFormats: Record<string, string[]> = { int64: ["int32", "int64"], double: ["float", "double"] };

function formatWithin(b: Obj, a: Obj): boolean {
  if (a.format === undefined || a.format === b.format) return true;
  return numericFormats[String(a.format)]?.includes(String(b.format)) ?? false;
}

/** Formats, `multipleOf`, minimum and maximum. */
export function numbersWithin(b: Obj, a: Obj): boolean {
  if (!formatWithin(b, a) && allowsAny(b, ["number", "string"])) return false;
  if (!allowsAny(b, ["number"])) return true;
  if (a.multipleOf !== undefined) {
    const step = b.multipleOf ?? (typesOf(b).every((t) => t === "integer") ? 1 : undefined);
    if (typeof step !== "number" || typeof a.multipleOf !== "number" || step % a.multipleOf !== 0) return false;
  }
  const min = boundWithin(boundOf(b, "min"), boundOf(a, "min"), "min");
  return min && boundWithin(boundOf(b, "max"), boundOf(a, "max"), "max");
}

/** A count (`minItems`/`maxItems`, ...): `b`'s range lies inside `a`'s. */
export function countWithin(b: Obj, a: Obj, min: string, max: string): boolean {
  const lower = typeof a[min] !== "number" || (typeof b[min] === "number" && b[min] >= a[min]);
  const upper = typeof a[max] !== "number" || (typeof b[max] === "number" && b[max] <= a[max]);
  return lower && upper;
}

/** `pattern` (the same one, or none in `a`), `minLength` and `maxLength`. */
export function stringsWithin(b: Obj, a: Obj): boolean {
  if (!allowsAny(b, ["string"])) return true;
  if (a.pattern !== undefined && a.pattern !== b.pattern) return false;
  return countWithin(b, a, "minLength", "maxLength");
}
