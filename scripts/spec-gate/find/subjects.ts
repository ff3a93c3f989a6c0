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
import type { DiffChange, EnvelopeChange, OpRef, PathRename, Subject } from "../model.ts";
import { httpMethods } from "../schema/walk.ts";
import { hasOperation, type Place, placeOf } from "./place.ts";
import { schemaSubjects } from "./schema-paths.ts";
import { type Docs, type Found, withSides } from "./sides.ts";

const docKeys = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "tags"]);
const docTypes = new Set(["Example", "ExamplesMap", "Tag", "TagList", "ExternalDocs", "Contact", "License"]);

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
function pathItemSubjects(docs: Docs, base?: Place, head?: Place): Found[] {
  const subjects: Found[] = [];
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

function operationSubjects(change: DiffChange, docs: Docs, op: OpRef, base?: Place, head?: Place): Found[] {
  const area = (head ?? base)?.area;
  if (area === "parameters") return [{ type: "parameters", op }];
  if ((head ?? base)?.schema !== undefined) return schemaSubjects(change, docs, op, base, head);
  if (area === "requestBody") return [{ type: "request-body", op }];
  if (area === "responses") return [{ type: "responses", op }];
  return [{ type: "other", change, op }];
}

/** The subjects one finding lands on ([] for a finding inside a pair of unrelated nodes). */
export function subjectsOf(change: DiffChange, docs: Docs): Found[] {
  const [bs, hs] = [nodeSegments(change, "base"), nodeSegments(change, "revision")];
  const [base, head] = [bs && placeOf(bs), hs && placeOf(hs)];
  if (!base?.path && !head?.path) {
    return (bs ?? hs)?.[0] === "servers" ? [{ type: "servers" }] : [{ type: "other", change }];
  }
  const [baseOp, headOp] = [base && opOf(base), head && opOf(head)];
  if (!baseOp && !headOp) return pathItemSubjects(docs, base, head);
  const subjects: Found[] = [];
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

const subjectKey = (subject: Found) =>
  JSON.stringify(subject, (key, value) =>
    key === "change" && subject.type !== "envelope" ? value.path + value.property + value.kind : value,
  );

/** The operations of a renamed path that both documents have (path-names.ts put them under one name). */
function renameSubjects(docs: Docs, rename: PathRename): Found[] {
  return httpMethods
    .map((method) => ({ path: rename.path, method }))
    .filter((op) => hasOperation(docs.base, op) && hasOperation(docs.head, op))
    .map((op) => ({ type: "path-renamed", op, rename }));
}

/**
 * Every subject of a redocly report, each once with the values it is about, and the number of findings that only touch
 * documentation (descriptions, examples, tags, extensions). Envelopes and path renames were
 * set aside before redocly ran; each is a subject of its own.
 */
export function collectSubjects(
  changes: DiffChange[],
  docs: Docs,
  envelopes: EnvelopeChange[],
  renames: PathRename[] = [],
): { subjects: Subject[]; documentation: number } {
  const pairs = unrelatedPairs(changes);
  const subjects = new Map<string, Found>();
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
  return { subjects: [...subjects.values()].map((found) => withSides(found, docs)), documentation };
}
