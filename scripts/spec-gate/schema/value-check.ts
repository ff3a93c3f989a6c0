/**
 * Checks concrete values against a schema with a real validator (Ajv, JSON Schema 2020-12,
 * formats on). The subset check uses it when one side is a finite set of values (`enum`,
 * `const`): each value either passes the other side's schema or it does not.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { canonical } from "../json.ts";

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const compiled = new Map<string, ((value: unknown) => boolean) | undefined>();

function validatorFor(schema: unknown): ((value: unknown) => boolean) | undefined {
  const key = canonical(schema);
  if (!compiled.has(key)) {
    try {
      const validate = ajv.compile(schema as object);
      compiled.set(key, (value) => validate(value) === true);
    } catch {
      // A schema Ajv cannot compile (an unresolved $ref of a recursive schema): prove nothing.
      compiled.set(key, undefined);
    }
  }
  return compiled.get(key);
}

/** True when every value passes `schema`; false when one fails or the schema cannot be compiled. */
export function allValuesPass(values: unknown[], schema: unknown): boolean {
  if (schema === true) return true;
  const validate = validatorFor(schema);
  return validate !== undefined && values.every(validate);
}

/** The values that pass `schema` itself: an `enum` value its own `minLength` rules out is no value. */
export function valuesPassing(values: unknown[], schema: unknown): unknown[] {
  const validate = validatorFor(schema);
  // A schema Ajv cannot compile: keep every value, the cautious reading.
  return validate === undefined ? values : values.filter(validate);
}

/** True when no value passes `schema`; false when one does or the schema cannot be compiled. */
export function noValuePasses(values: unknown[], schema: unknown): boolean {
  const validate = validatorFor(schema);
  return validate !== undefined && !values.some(validate);
}
