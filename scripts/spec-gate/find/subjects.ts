/**
 * Turns redocly's findings into subjects the judge rules on: an operation removed or added,
 * an operation's parameters, request body or responses, one field of a body, or the values a
 * schema allows. Many findings can land on one subject (a field removed and no longer
 * required; an `anyOf` removed and an `enum` added on the same node): each subject is judged
 * and worded once. Redocly pairs nodes by similarity when their keys differ (a removed path
 * with an added one, status 201 with 200, a removed field with an added one); such a pair is
 * two subjects, a removal and an addition, and the findings inside it are dropped.
 */

import { at, isObj, type Obj, pointerSegments } from "../json.ts";
import type { EnvelopeChange } from "../normalize/envelope.ts";
import type { PathRename } from "../normalize/path-names.ts";
import { translatePath } from "../schema/variants.ts";
import { httpMethods } from "../schema/walk.ts";
import { type Originals, pathIn, variantNames } from "../word/names.ts";
import { bodySchema, hasOperation, mediaTypesOf, type OpRef, type Place, pairMediaType, placeOf } from "./place.ts";
import type { DiffChange } from "./redocly.ts";

/**
 * Which body of an operation, and the media type it has in each document. In field and value
 * subjects, `at` is the node's schema path in the new document and `baseAt` in the old one.
 */
export type BodyRef = { where: string; baseMediaType?: string; headMediaType?: string };

/** One thing the judge rules on. */
export type Subject =
  | { type: "operation-removed" | "operation-added"; op: OpRef }
  | { type: "parameters" | "request-body" | "responses"; op: OpRef }
  | { type: "field"; op: OpRef; body: BodyRef; at: string[]; baseAt: string[]; name: string }
  | { type: "value"; op: OpRef; body: BodyRef; at: string[]; baseAt: string[] }
  | { type: "envelope"; change: EnvelopeChange }
  | { type: "path-renamed"; op: OpRef; rename: PathRename }
  | { type: "servers" }
  | { type: "other"; change: DiffChange; op?: OpRef };

/** The two normalized documents redocly compared, and the originals (to name variants). */
export type Docs = { base: Obj; head: Obj; originals?: Originals };

const docKeys = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "tags"]);
const docTypes = new Set(["Example", "ExamplesMap", "Tag", "TagList", "ExternalDocs", "Contact", "License"]);
const opaqueKeys = new Set(["allOf", "not", "if", "then", "else"]);
const variantKeys = new Set(["anyOf", "oneOf"]);
const subschemaKeys = new Set(["items", "additionalProperties", "contains", "propertyNames", "prefixItems"]);

/** True for a change no client can notice: a description, an example, a tag, an `x-` extension. */
export function isDocumentation(change: DiffChange): boolean {
  const segments = [...pointerSegments(change.base?.pointer ?? ""), ...pointerSegments(change.revision?.pointer ?? "")];
  if (segments.some((s) => s === "examples" || s === "example" || s.startsWith("x-"))) return true;
  if (change.property && (docKeys.has(change.property) || change.property.startsWith("x-"))) return true;
  if (docTypes.has(change.typeName)) return true;
  return change.typeName === "Info" || (segments[0] === "info" && change.property !== "version");
}

/** The segments of the changed node on one side: a modified keyword's pointer names its node. */
function nodeSegments(change: DiffChange, side: "base" | "revision"): string[] | undefined {
  const pointer = change[side]?.pointer;
  if (!pointer) return undefined;
  const segments = pointerSegments(pointer);
  return change.kind === "modified" && segments.at(-1) === change.property ? segments.slice(0, -1) : segments;
}

const opOf = (place: Place): OpRef | undefined =>
  place.path && place.method ? { path: place.path, method: place.method } : undefined;

/** Operations a path-item finding adds or removes. */
function pathItemSubjects(docs: Docs, base?: Place, head?: Place): Subject[] {
  const subjects: Subject[] = [];
  const each = (doc: Obj, other: Obj, path: string | undefined, type: "operation-removed" | "operation-added") => {
    const item = path ? at(doc, ["paths", path]) : undefined;
    for (const method of httpMethods) {
      const op = { path: path ?? "", method };
      if (isObj(at(item, [method])) && !hasOperation(other, op)) subjects.push({ type, op });
    }
  };
  each(docs.base, docs.head, base?.path, "operation-removed");
  each(docs.head, docs.base, head?.path, "operation-added");
  return subjects;
}

function bodyOf(docs: Docs, op: OpRef, base?: Place, head?: Place): BodyRef {
  const where = (base ?? head)?.area === "requestBody" ? "request" : ((base ?? head)?.status ?? "");
  let [baseMediaType, headMediaType] = [base?.mediaType, head?.mediaType];
  baseMediaType ??= headMediaType && pairMediaType(headMediaType, mediaTypesOf(docs.base, op, where));
  headMediaType ??= baseMediaType && pairMediaType(baseMediaType, mediaTypesOf(docs.head, op, where));
  return { where, baseMediaType, headMediaType };
}

/** The outermost schema node a path belongs to when it is inside allOf/not/if/then/else. */
function ownerOf(path: string[]): string[] {
  const cut = path.findIndex((segment) => opaqueKeys.has(segment));
  return cut === -1 ? path : path.slice(0, cut);
}

/** The node a finding is about: a keyword's owner, an added `items`'s array, a variant list's union. */
function nodeOf(change: DiffChange, path: string[]): string[] {
  if (variantKeys.has(path.at(-1) ?? "")) return path.slice(0, -1);
  if (change.kind === "modified") return path;
  if (variantKeys.has(path.at(-2) ?? "")) return path.slice(0, -2);
  return subschemaKeys.has(path.at(-1) ?? "") ? path.slice(0, -1) : path;
}

/**
 * A node path on both sides (variant indexes differ when variants were reordered). When the
 * path runs through a variant without a partner, the path is cut to that union.
 */
function sidePaths(docs: Docs, op: OpRef, body: BodyRef, path: string[], fromHead: boolean) {
  const roots = [
    bodySchema(docs.base, op, body.where, body.baseMediaType),
    bodySchema(docs.head, op, body.where, body.headMediaType),
  ];
  const [from, to] = fromHead ? [roots[1], roots[0]] : [roots[0], roots[1]];
  for (let end = path.length; end >= 0; end--) {
    if (end < path.length && !variantKeys.has(path[end] ?? "")) continue;
    const own = path.slice(0, end);
    const other = translatePath(own, from, to, !fromHead, namesOfVariants(docs, op, body));
    if (other) return { baseAt: fromHead ? other : own, headAt: fromHead ? own : other, cut: end < path.length };
  }
  return { baseAt: [], headAt: [], cut: true };
}

/** Looks up the component names of the variants of a union, in both original documents. */
function namesOfVariants(docs: Docs, op: OpRef, body: BodyRef) {
  const originals = docs.originals;
  if (!originals) return undefined;
  return (basePrefix: string[], headPrefix: string[], key: string) => {
    const target = (side: "base" | "head", prefix: string[]) => ({
      op,
      where: body.where,
      mediaType: (side === "base" ? body.baseMediaType : body.headMediaType) ?? "",
      path: pathIn(side, op, body, prefix, originals),
    });
    return {
      before: variantNames(originals.base, target("base", basePrefix), key),
      after: variantNames(originals.head, target("head", headPrefix), key),
    };
  };
}

function schemaSubjects(change: DiffChange, docs: Docs, op: OpRef, base?: Place, head?: Place): Subject[] {
  const body = bodyOf(docs, op, base, head);
  const fromHead = head?.schema !== undefined;
  const path = ((fromHead ? head?.schema : base?.schema) ?? []) as string[];
  const owner = ownerOf(path);
  const plain = owner.length === path.length;
  const fieldsAt = (parent: string[], names: string[]): Subject[] => {
    const sides = sidePaths(docs, op, body, parent, fromHead);
    if (sides.cut) return [{ type: "value", op, body, at: sides.headAt, baseAt: sides.baseAt }];
    return names.map((name) => ({ type: "field", op, body, at: sides.headAt, baseAt: sides.baseAt, name }));
  };
  if (plain && change.property === "required") {
    const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
    const [before, after] = [list(change.base?.value), list(change.revision?.value)];
    const changed = [...before.filter((n) => !after.includes(n)), ...after.filter((n) => !before.includes(n))];
    return fieldsAt(path, changed.map(String));
  }
  if (plain && change.typeName === "SchemaProperties" && change.kind === "modified") {
    return fieldsAt(path.at(-1) === "properties" ? path.slice(0, -1) : path, [String(change.property)]);
  }
  if (plain && change.typeName === "SchemaProperties") {
    const maps = [change.base?.pointer, change.revision?.pointer].map((p, i) =>
      at(i ? docs.head : docs.base, pointerSegments(p ?? "-")),
    );
    return fieldsAt(path.slice(0, -1), [...new Set(maps.flatMap((map) => (isObj(map) ? Object.keys(map) : [])))]);
  }
  if (plain && path.at(-2) === "properties" && (change.kind !== "modified" || change.property === "key")) {
    const names = [base?.schema?.at(-1), head?.schema?.at(-1)].filter((n): n is string => n !== undefined);
    return fieldsAt(path.slice(0, -2), [...new Set(names)]);
  }
  const sides = sidePaths(docs, op, body, nodeOf(change, owner), fromHead);
  return [{ type: "value", op, body, at: sides.headAt, baseAt: sides.baseAt }];
}

function operationSubjects(change: DiffChange, docs: Docs, op: OpRef, base?: Place, head?: Place): Subject[] {
  const area = (head ?? base)?.area;
  if (area === "parameters") return [{ type: "parameters", op }];
  if ((head ?? base)?.schema !== undefined) return schemaSubjects(change, docs, op, base, head);
  if (area === "requestBody") return [{ type: "request-body", op }];
  if (area === "responses") return [{ type: "responses", op }];
  return [{ type: "other", change, op }];
}

/** The subjects one finding lands on ([] for a finding inside a pair of unrelated nodes). */
export function subjectsOf(change: DiffChange, docs: Docs): Subject[] {
  const [bs, hs] = [nodeSegments(change, "base"), nodeSegments(change, "revision")];
  const [base, head] = [bs && placeOf(bs), hs && placeOf(hs)];
  if (!base?.path && !head?.path) {
    return (bs ?? hs)?.[0] === "servers" ? [{ type: "servers" }] : [{ type: "other", change }];
  }
  const [baseOp, headOp] = [base && opOf(base), head && opOf(head)];
  if (!baseOp && !headOp) return pathItemSubjects(docs, base, head);
  const subjects: Subject[] = [];
  if (baseOp && !hasOperation(docs.head, baseOp)) subjects.push({ type: "operation-removed", op: baseOp });
  if (headOp && !hasOperation(docs.base, headOp)) subjects.push({ type: "operation-added", op: headOp });
  const op = baseOp ?? headOp;
  if (subjects.length > 0 || !op) return subjects;
  return operationSubjects(change, docs, op, base, head);
}

/** True when `pointer` is strictly inside one of the nodes in `roots`. */
function inside(pointer: string | undefined, roots: Set<string>): boolean {
  if (!pointer) return false;
  for (const root of roots) if (pointer.startsWith(`${root}/`)) return true;
  return false;
}

/** Nodes redocly paired although their keys differ (unrelated paths, statuses or fields), per side. */
function unrelatedPairs(changes: DiffChange[]): { base: Set<string>; revision: Set<string> } {
  const pairs = { base: new Set<string>(), revision: new Set<string>() };
  for (const change of changes) {
    if (change.kind !== "modified" || change.property !== "key" || change.typeName === "MediaType") continue;
    if (change.base?.pointer) pairs.base.add(change.base.pointer);
    if (change.revision?.pointer) pairs.revision.add(change.revision.pointer);
  }
  return pairs;
}

const subjectKey = (subject: Subject) =>
  JSON.stringify(subject, (key, value) =>
    key === "change" && subject.type !== "envelope" ? value.path + value.property + value.kind : value,
  );

/** The operations of a renamed path that both documents have (path-names.ts put them under one name). */
function renameSubjects(docs: Docs, rename: PathRename): Subject[] {
  return httpMethods
    .map((method) => ({ path: rename.path, method }))
    .filter((op) => hasOperation(docs.base, op) && hasOperation(docs.head, op))
    .map((op) => ({ type: "path-renamed", op, rename }));
}

/**
 * Every subject of a redocly report, each once, and the number of findings that only touch
 * documentation (descriptions, examples, tags, extensions). Envelopes and path renames were
 * set aside before redocly ran; each is a subject of its own.
 */
export function collectSubjects(
  changes: DiffChange[],
  docs: Docs,
  envelopes: EnvelopeChange[],
  renames: PathRename[] = [],
) {
  const pairs = unrelatedPairs(changes);
  const subjects = new Map<string, Subject>();
  let documentation = 0;
  for (const change of changes) {
    if (inside(change.base?.pointer, pairs.base) || inside(change.revision?.pointer, pairs.revision)) continue;
    if (change.typeName === "Info" && change.property === "version") continue;
    // A recursive schema kept in components is also inlined at each operation using it, where
    // the same change is found again, with its direction: its component copy says nothing more.
    if ([change.base?.pointer, change.revision?.pointer].some((p) => p?.startsWith("#/components/schemas/"))) continue;
    if (isDocumentation(change)) {
      documentation++;
      continue;
    }
    for (const subject of subjectsOf(change, docs)) subjects.set(subjectKey(subject), subject);
  }
  for (const change of envelopes) subjects.set(subjectKey({ type: "envelope", change }), { type: "envelope", change });
  for (const subject of renames.flatMap((rename) => renameSubjects(docs, rename))) {
    subjects.set(subjectKey(subject), subject);
  }
  return { subjects: [...subjects.values()], documentation };
}
