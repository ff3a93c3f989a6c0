/** Short pictures of values and schemas, shared by the wording of values and of variants. */
import type { Obj } from "../json.ts";

/** A value as it appears in a line: short JSON, or "(none)". */
export function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The `type` keyword as words: `string`, `integer | null`. */
export function typeText(schema: Obj): string | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type);
}

/** Values in a list, at most twelve: `a, b, c and 3 more`. */
export function listText(values: unknown[]): string {
  const texts = values.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return texts.length > 12 ? `${texts.slice(0, 12).join(", ")} and ${texts.length - 12} more` : texts.join(", ");
}

const articles: Record<string, string> = {
  integer: "an integer",
  object: "an object",
  array: "an array",
  null: "null",
};

/** "a string", "an integer or null", "a string (uuid)". */
export function kindText(schema: Obj): string {
  const types =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  if (types.length === 0) return `any value${format}`;
  return `${types.map((t) => articles[t] ?? `a ${t}`).join(" or ")}${format}`;
}
