/**
 * A JSON Schema as the spec writes `SessionData`, restricted to the keywords `schemaProblem`
 * checks. `npm run generate` copies the spec's schema into generated/examples.ts and refuses one
 * that uses any other keyword, so a constraint the spec adds is never silently skipped.
 */
export type Schema = {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean;
};

/** The keywords of `Schema`, the ones `schemaProblem` understands. */
export const schemaKeywords: readonly string[] = [
  "type",
  "format",
  "minimum",
  "maximum",
  "enum",
  "required",
  "properties",
  "additionalProperties",
];

/** What is wrong with a value: the field (`""` for the value itself) and the problem. */
export type SchemaProblem = { field: string; problem: string };

const uuid = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const dateTime = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * RFC 3339 `date-time` with an offset. `Date.parse` holds it to the limits of each field but
 * two: it reads February 30 as March 2 and 24:00 as the next midnight, so those are checked here.
 */
function isDateTime(text: string): boolean {
  const match = dateTime.exec(text);
  if (!match) return false;
  const [year, month, day, hour] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour <= 23 && Number.isFinite(Date.parse(text));
}

/** The formats checked; the numeric ones (OpenAPI's int32 ... double) add nothing to `type`. */
export const formats: Readonly<Record<string, (value: unknown) => boolean>> = {
  uuid: (value) => typeof value !== "string" || uuid.test(value),
  "date-time": (value) => typeof value !== "string" || isDateTime(value),
  int32: () => true,
  int64: () => true,
  float: () => true,
  double: () => true,
};

const formatNames: Readonly<Record<string, string>> = {
  uuid: "a UUID",
  "date-time": "an RFC 3339 date-time such as 2025-09-10T18:59:13+05:30",
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function typeProblem(schema: Schema, value: unknown): string | undefined {
  if (schema.type === undefined) return undefined;
  const types = typeof schema.type === "string" ? [schema.type] : schema.type;
  const actual = typeOf(value);
  if (types.includes(actual) || (actual === "integer" && types.includes("number"))) return undefined;
  const named = types.map((t) => `${/^[aeiou]/.test(t) ? "an" : "a"} ${t}`);
  return `must be ${named.join(" or ")}, got ${shown(value)}`;
}

function valueProblem(schema: Schema, value: unknown): string | undefined {
  // NaN and the infinities are numbers to JavaScript, but not to JSON, and so not to a schema.
  if (typeof value === "number" && !Number.isFinite(value)) return `must be a finite number, got ${value}`;
  const wrongType = typeProblem(schema, value);
  if (wrongType) return wrongType;
  if (schema.format && !formats[schema.format]?.(value))
    return `must be ${formatNames[schema.format] ?? schema.format}, got ${shown(value)}`;
  if (schema.minimum !== undefined && (value as number) < schema.minimum)
    return `must be at least ${schema.minimum}, got ${shown(value)}`;
  if (schema.maximum !== undefined && (value as number) > schema.maximum)
    return `must be at most ${schema.maximum}, got ${shown(value)}`;
  if (schema.enum && !schema.enum.includes(value)) return `must be one of ${shown(schema.enum)}, got ${shown(value)}`;
  return undefined;
}

/**
 * The first thing wrong with `value` under `schema`, or undefined when it conforms. The field is
 * a dotted path from `value` (`""` for `value` itself).
 */
export function schemaProblem(schema: Schema, value: unknown): SchemaProblem | undefined {
  const problem = valueProblem(schema, value);
  if (problem) return { field: "", problem };
  if (typeOf(value) !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const missing = schema.required?.find((name) => !Object.hasOwn(record, name));
  if (missing) return { field: missing, problem: "is required" };
  for (const [field, fieldValue] of Object.entries(record)) {
    const known = schema.properties && Object.hasOwn(schema.properties, field) ? schema.properties[field] : undefined;
    if (!known) {
      if (schema.additionalProperties === false) return { field, problem: "is not a field of this schema" };
      continue;
    }
    const inner = schemaProblem(known, fieldValue);
    if (inner) return { field: inner.field ? `${field}.${inner.field}` : field, problem: inner.problem };
  }
  return undefined;
}
