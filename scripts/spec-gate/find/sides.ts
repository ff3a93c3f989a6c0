/**
 * Reads what each subject is about from both compared documents, so that the judge rules on
 * values and never looks at the documents: an operation's parameters, request body or
 * responses; a schema node, and the outermost union around it; the servers.
 */
import { asObj, at, isObj, type Obj } from "../json.ts";
import type { BodyRef, OpRef, SchemaNode, Sides, Subject } from "../model.ts";
import type { Originals } from "../normalize/originals.ts";
import { requiredOf } from "../schema/facts.ts";
import { bodySchema } from "./place.ts";

/** The two compared (normalized) documents, and the originals that name their variants. */
export type Docs = { base: Obj; head: Obj; originals?: Originals };

/** Where a schema subject is, before its values are read. */
type NodePlace = { op: OpRef; body: BodyRef; at: string[]; baseAt: string[] };

/** A subject as found, before the values it is about are read. */
export type Found =
  | Exclude<Subject, { type: "parameters" | "request-body" | "responses" | "field" | "value" | "servers" }>
  | { type: "parameters" | "request-body" | "responses"; op: OpRef }
  | ({ type: "field"; name: string } & NodePlace)
  | ({ type: "value" } & NodePlace)
  | { type: "servers" };

const operation = (doc: Obj, op: OpRef) => asObj(at(doc, ["paths", op.path, op.method]));
const parametersOf = (doc: Obj, op: OpRef) => ((operation(doc, op).parameters as unknown[]) ?? []).filter(isObj);
const serversOf = (doc: Obj) => ((doc.servers as unknown[]) ?? []).filter(isObj).map((s) => String(s.url));

function both<T>(docs: Docs, read: (doc: Obj) => T): Sides<T> {
  return { before: read(docs.base), after: read(docs.head) };
}

const unionCut = (path: string[]) => path.findIndex((s) => s === "anyOf" || s === "oneOf");

/** For a path that ends at a property (`.../properties/<name>`): whether its object requires it. */
function requiredAt(root: unknown, path: string[]): boolean | undefined {
  if (path.at(-2) !== "properties") return undefined;
  return requiredOf(at(root, path.slice(0, -2))).includes(path.at(-1) as string);
}

/** A schema node's old and new schema, the outermost union around it, and whether it is required. */
function schemaSides(place: NodePlace, docs: Docs): Pick<SchemaNode, "node" | "union" | "required"> {
  const { op, body } = place;
  const roots = {
    before: bodySchema(docs.base, op, body.where, body.baseMediaType),
    after: bodySchema(docs.head, op, body.where, body.headMediaType),
  };
  const node = { before: at(roots.before, place.baseAt), after: at(roots.after, place.at) };
  const [wasRequired, isRequired] = [requiredAt(roots.before, place.baseAt), requiredAt(roots.after, place.at)];
  const required = wasRequired === undefined ? {} : { required: { before: wasRequired, after: isRequired ?? false } };
  const [cut, baseCut] = [unionCut(place.at), unionCut(place.baseAt)];
  if (cut < 0 || baseCut < 0) return { node, ...required };
  const union = {
    before: at(roots.before, place.baseAt.slice(0, baseCut)),
    after: at(roots.after, place.at.slice(0, cut)),
  };
  return { node, union, ...required };
}

/** The subject with the values it is about. */
export function withSides(found: Found, docs: Docs): Subject {
  switch (found.type) {
    case "parameters":
      return { ...found, type: "parameters", parameters: both(docs, (doc) => parametersOf(doc, found.op)) };
    case "request-body":
      return { ...found, type: "request-body", requestBody: both(docs, (doc) => operation(doc, found.op).requestBody) };
    case "responses":
      return { ...found, type: "responses", responses: both(docs, (doc) => asObj(operation(doc, found.op).responses)) };
    case "field":
    case "value":
      return { ...found, ...schemaSides(found, docs) };
    case "servers":
      return { type: "servers", servers: both(docs, serversOf) };
    default:
      return found;
  }
}
