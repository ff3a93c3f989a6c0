/**
 * What the stages hand each other. The finding stage (find/) turns redocly's findings into
 * subjects, each carrying the old and the new value it is about; the judging stage (judge/)
 * rules on a subject and returns verdicts, without looking at the documents; the wording stage
 * (word/) puts verdicts into sentences.
 */
import type { Obj } from "./json.ts";

/** A place in one of the two documents, as redocly reports it. */
export type DiffLocation = { pointer: string; value?: unknown };

/** One change redocly found; only the fields the gate reads. */
export type DiffChange = {
  /** A JSON pointer to the changed node through the paths that use it (the revision's paths). */
  path: string;
  /** The OpenAPI node type, for example `Operation`, `Response`, `Schema`, `PathItem`, `Info`. */
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: "major" | "minor" | "patch";
  /** What redocly's diff rules said; each rule that fired gives the change its impact. */
  verdicts: { ruleId: string; message: string }[];
  /** For `modified`: the property that changed (`type`, `enum`, `required`, `key`, ...). */
  property?: string;
  base?: DiffLocation;
  revision?: DiffLocation;
};

/** An operation, by its path key and lower-case method, as in the document. */
export type OpRef = { path: string; method: string };

/**
 * Which body of an operation (`request`, or a response status), and the media type it has in
 * each document.
 */
export type BodyRef = { where: string; baseMediaType?: string; headMediaType?: string };

/** One body whose envelope was dropped or added. */
export type EnvelopeChange = {
  method: string;
  path: string;
  /** `request`, or the response status. */
  where: string;
  mediaType: string;
  /** The envelope's property that holds (held) the payload, for example `data`. */
  key: string;
  change: "dropped" | "added";
};

/** One path whose template variables were renamed, named as the old spec has it. */
export type PathRename = {
  /** The path in the old spec, for example `/api/sessions/{id}`. */
  path: string;
  /** The path in the new spec, for example `/api/sessions/{sessionId}`. */
  headPath: string;
  /** Each renamed variable: its old and new name, in the order they appear in the path. */
  variables: { before: string; after: string }[];
};

/** The old and the new value of one node. */
export type Sides<T = unknown> = { before: T; after: T };

/**
 * A node of a body's schema: its path in the old document (`baseAt`) and the new (`at`), the
 * old and new schema there, the outermost union (`anyOf`/`oneOf`) around it when both sides
 * have one, and for a property whether it is required.
 */
export type SchemaNode = {
  op: OpRef;
  body: BodyRef;
  baseAt: string[];
  at: string[];
  node: Sides;
  union?: Sides;
  /** For a property: whether its object requires it, on each side. */
  required?: Sides<boolean>;
};

/** One thing the judge rules on. */
export type Subject =
  | { type: "operation-removed" | "operation-added"; op: OpRef }
  | { type: "parameters"; op: OpRef; parameters: Sides<Obj[]> }
  | { type: "request-body"; op: OpRef; requestBody: Sides }
  | { type: "responses"; op: OpRef; responses: Sides<Obj> }
  | ({ type: "field"; name: string } & SchemaNode)
  | ({ type: "value" } & SchemaNode)
  | { type: "envelope"; change: EnvelopeChange }
  | { type: "path-renamed"; op: OpRef; rename: PathRename }
  | { type: "servers"; servers: Sides<string[]> }
  | { type: "other"; change: DiffChange; op?: OpRef };

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
  | "parameter-default"
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
  | "header-default"
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
  /** Why the judge decided as it did, where the words must say it: `oneOf-overlap`, `required`, ... */
  reason?: string;
};
