/**
 * Subjects inside a body's schema: a finding about `required`, `properties` or a property
 * becomes one subject per field it touches; any other finding becomes a subject about the
 * values its node allows. The node's path is found on both sides (variant indexes differ when
 * variants were reordered; redocly pairs them by likeness, the gate by component name first).
 */
import { at, isObj, pointerSegments } from "../json.ts";
import type { BodyRef, DiffChange, OpRef } from "../model.ts";
import { pathIn, variantNames } from "../normalize/originals.ts";
import { translatePath } from "../schema/variants.ts";
import { bodySchema, mediaTypesOf, type Place, pairMediaType } from "./place.ts";
import type { Docs, Found } from "./sides.ts";

const opaqueKeys = new Set(["allOf", "not", "if", "then", "else"]);
const variantKeys = new Set(["anyOf", "oneOf"]);
const subschemaKeys = new Set(["items", "additionalProperties", "contains", "propertyNames", "prefixItems"]);

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

/** The subjects a finding inside a body's schema lands on. */
export function schemaSubjects(change: DiffChange, docs: Docs, op: OpRef, base?: Place, head?: Place): Found[] {
  const body = bodyOf(docs, op, base, head);
  const fromHead = head?.schema !== undefined;
  const path = ((fromHead ? head?.schema : base?.schema) ?? []) as string[];
  const owner = ownerOf(path);
  const plain = owner.length === path.length;
  const fieldsAt = (parent: string[], names: string[]): Found[] => {
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
