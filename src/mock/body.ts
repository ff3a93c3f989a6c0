import type { OperationFacts } from "../operation-facts.js";
import { failure, type MockResponse } from "./response.js";

type BodyFacts = NonNullable<OperationFacts["body"]>;

/** A request body read as the API reads it: the fields, or the 400 the API answers. */
export type ParsedBody = { ok: true; fields: Record<string, unknown> } | { ok: false; response: MockResponse };

const article = { string: "a string", integer: "an integer", number: "a number", boolean: "a boolean" } as const;

function invalid(field: string, problem: string): ParsedBody {
  return { ok: false, response: failure("validation_error", `Validation error for field '${field}': ${problem}`) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return invalidJson;
  }
}
const invalidJson = Symbol("invalid JSON");

function fieldProblem(value: unknown, facts: BodyFacts["fields"][string]): string | undefined {
  const ok = facts.type === "integer" ? Number.isInteger(value) : typeof value === facts.type;
  if (!ok) return `must be ${article[facts.type]}`;
  if (facts.minimum !== undefined && (value as number) < facts.minimum) return `must be at least ${facts.minimum}`;
  return undefined;
}

/**
 * Reads a JSON body strictly, as the server decodes it: an object whose fields the operation
 * declares (the spec's table in generated/operations.ts), of the declared types, with the
 * required ones present. Anything else is the API's 400 with its error envelope.
 */
export function parseBody(text: string, facts: BodyFacts): ParsedBody {
  const parsed = parseJson(text);
  if (parsed === invalidJson) {
    const reason = text.trim() === "" ? "unexpected end of JSON input" : "the body is not valid JSON";
    return { ok: false, response: failure("bad_request", `Invalid request body: ${reason}`) };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, response: failure("bad_request", "Invalid request body: expected a JSON object") };
  }
  const fields = parsed as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    // Own fields only: "constructor" or "__proto__" must not find Object.prototype's.
    const known = Object.hasOwn(facts.fields, name) ? facts.fields[name] : undefined;
    if (!known) return invalid(name, "unknown field");
    const problem = fieldProblem(value, known);
    if (problem) return invalid(name, problem);
  }
  const missing = facts.required.find((name) => !Object.hasOwn(fields, name));
  return missing ? invalid(missing, "is required") : { ok: true, fields };
}
