/** What the judge says about one change, before it is put into words. */
import type { OpRef } from "./find/place.ts";
import type { BodyRef } from "./find/subjects.ts";

/** The kinds of change the judge recognises; the word stage has a sentence for each. */
export type VerdictCode =
  | "operation-removed"
  | "operation-added"
  | "operation-id"
  | "deprecated"
  | "parameter-removed"
  | "parameter-added"
  | "parameter-required"
  | "parameter-optional"
  | "parameter-serialization"
  | "parameter-values"
  | "parameter-renamed"
  | "body-removed"
  | "body-added"
  | "body-required"
  | "body-optional"
  | "media-dropped"
  | "media-added"
  | "media-values"
  | "status-removed"
  | "status-added"
  | "status-replaced"
  | "content-removed"
  | "content-added"
  | "header-removed"
  | "header-added"
  | "header-required"
  | "header-optional"
  | "header-values"
  | "field-removed"
  | "field-forbidden"
  | "field-added"
  | "field-required"
  | "field-optional"
  | "values"
  | "default"
  | "envelope-dropped"
  | "envelope-added"
  | "server-removed"
  | "server-added"
  | "other";

/** One judged change. */
export type Verdict = {
  /** True when a client built on the old spec can break. */
  breaking: boolean;
  code: VerdictCode;
  op?: OpRef;
  /** The body the change is in (request body or a response status, with media types). */
  body?: BodyRef;
  /** The node's schema path in the old document (for fields: of the object holding the field). */
  at?: string[];
  /** The same node's path in the new document (differs when variants were reordered). */
  headAt?: string[];
  /** The field, parameter (`query limit`), header, status or media type the change is about. */
  name?: string;
  /** The old and new value (a schema, a status, a list of statuses, an operationId...). */
  before?: unknown;
  after?: unknown;
  /** Redocly's own message, for changes only it rates. */
  note?: string;
};
