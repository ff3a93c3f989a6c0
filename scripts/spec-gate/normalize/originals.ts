/**
 * The original (not normalized) documents, and how to find a place of the compared documents
 * in them: the compared documents set envelopes aside and write plain schemas as unions of one
 * variant, and they inline every component. Names come from the originals: the component a
 * field is in (`SessionData`), the components of a union's variants.
 */

import { at, isObj, type Obj, pointerSegments } from "../json.ts";
import type { BodyRef, EnvelopeChange, OpRef } from "../model.ts";
import type { UnionWrap } from "./unions.ts";

/**
 * The original (not normalized) documents, used to name components and operations, and how the
 * compared documents differ from them in shape: envelopes set aside, plain schemas written as
 * unions of one variant.
 */
export type Originals = { base: Obj; head: Obj; envelopes: EnvelopeChange[]; unions?: UnionWrap[] };

/** The path without the `[anyOf, 0]` steps unions.ts inserted on this side, innermost first. */
function unwrapped(side: "base" | "head", op: OpRef, body: BodyRef, path: string[], wraps: UnionWrap[]): string[] {
  const mediaType = side === "base" ? body.baseMediaType : body.headMediaType;
  const mine = wraps
    .filter((w) => w.side === side && w.method === op.method && w.path === op.path && w.where === body.where)
    .filter((w) => w.mediaType === mediaType)
    .sort((a, b) => b.at.length - a.at.length);
  let out = path;
  for (const { at, key } of mine) {
    const inserted = [...at, key, "0"];
    if (inserted.every((segment, i) => out[i] === segment)) out = [...at, ...out.slice(inserted.length)];
  }
  return out;
}

/**
 * A body's schema path as written in one of the original documents: inside the envelope when
 * that side had the envelope the other lost (or gained), and without the union of one variant
 * a plain schema was written as.
 */
export function pathIn(
  side: "base" | "head",
  op: OpRef,
  body: BodyRef,
  path: string[],
  originals: Originals,
): string[] {
  const enveloped = side === "base" ? "dropped" : "added";
  const envelope = originals.envelopes.find(
    (e) => e.method === op.method && e.path === op.path && e.where === body.where && e.change === enveloped,
  );
  const own = unwrapped(side, op, body, path, originals.unions ?? []);
  return envelope ? ["properties", envelope.key, ...own] : own;
}

function deref(doc: Obj, node: unknown): { node: unknown; component?: string } {
  let current = node;
  let component: string | undefined;
  for (let hops = 0; isObj(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    const ref = current.$ref as string;
    component = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] ?? component;
    current = at(doc, pointerSegments(ref));
  }
  return { node: current, component };
}

/** The components entered while walking a path, each with how many segments were consumed then. */
type Trail = { name: string; at: number }[];

/**
 * Follows segments through the original document, entering `$ref`s and `allOf` branches;
 * returns the node reached (undefined when the path does not exist there).
 */
function walk(doc: Obj, node: unknown, segments: string[], index: number, trail: Trail): { node: unknown } | undefined {
  const step = deref(doc, node);
  const mark = trail.length;
  if (step.component) trail.push({ name: step.component, at: index });
  if (index === segments.length) return { node: step.node };
  const holder = typeof step.node === "object" && step.node !== null ? (step.node as Obj) : {};
  const child = holder[segments[index] as string];
  const direct = child === undefined ? undefined : walk(doc, child, segments, index + 1, trail);
  if (direct) return direct;
  for (const branch of Array.isArray(holder.allOf) ? holder.allOf : []) {
    trail.length = step.component ? mark + 1 : mark;
    const found = walk(doc, branch, segments, index, trail);
    if (found) return found;
  }
  trail.length = mark;
  return undefined;
}

/** Where a body's schema path leads in an original document. */
export type BodyPath = { op: OpRef; where: string; mediaType: string; path: string[] };

function follow(doc: Obj, target: BodyPath, trail: Trail): { node: unknown } | undefined {
  const holder = target.where === "request" ? ["requestBody"] : ["responses", target.where];
  let node: unknown = at(doc, ["paths", target.op.path, target.op.method]);
  for (const segment of [...holder, "content", target.mediaType, "schema"]) node = at(deref(doc, node).node, [segment]);
  return node === undefined ? undefined : walk(doc, node, target.path, 0, trail);
}

/**
 * The innermost component schema (of the original document) that holds the field a body path
 * reaches, and the rest of the path from that component on.
 */
export function componentOf(doc: Obj, target: BodyPath): { name: string; rest: string[] } | undefined {
  const trail: Trail = [];
  if (!follow(doc, target, trail)) return undefined;
  const holder = trail.filter((c) => target.path.slice(c.at).includes("properties")).at(-1);
  return holder && { name: holder.name, rest: target.path.slice(holder.at) };
}

/** The component names of the variants of the union (`anyOf`/`oneOf`) at a body path, by index. */
export function variantNames(doc: Obj, target: BodyPath, key: string): (string | undefined)[] {
  const found = follow(doc, target, []);
  const list = found && isObj(found.node) ? found.node[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((variant) => deref(doc, variant).component);
}
