/**
 * The shape of the runtime table that `npm run generate` writes to `generated/operations.ts`
 * from the spec. Declared once, here: the generator builds the table to these types, and the
 * generated file is checked against them (`satisfies`).
 */

import type { BackoffConfig } from "./options.js";

/** A request-body field as the client checks it before sending. */
export type FieldFacts = { readonly type: "string" | "integer" | "number" | "boolean"; readonly minimum?: number };

/** What the client needs to know at run time about one operation. */
export type OperationFacts = {
  readonly method: string;
  /** The path template, for example `/api/sessions/{id}`. */
  readonly path: string;
  /** From `x-idempotent`: false means a retry could act twice (create, fork). */
  readonly idempotent: boolean;
  /** The JSON body's fields; absent when the operation takes no body. */
  readonly body?: { readonly required: readonly string[]; readonly fields: Readonly<Record<string, FieldFacts>> };
  /** The error statuses the spec documents for this operation. */
  readonly errors: readonly number[];
  /** The kind of the envelope's `data` on success; "none" for an empty body. */
  readonly data: "array" | "object" | "none";
};

/** The retry policy the spec declares in `x-speakeasy-retries` (intervals in milliseconds). */
export type SpecRetryPolicy = Readonly<Required<BackoffConfig>> & {
  readonly retryConnectionErrors: boolean;
  /** Codes ("429") and classes ("5XX"). */
  readonly statusCodes: readonly string[];
};
