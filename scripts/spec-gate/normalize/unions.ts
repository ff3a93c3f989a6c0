/**
 * Finds schemas wrapped in a union or unwrapped from one: `SessionData` became
 * `anyOf: [SessionData, null]`, or the other way round. Compared keyword by keyword, such a
 * change reads as every field of `SessionData` removed and a union added; to a client it is one
 * more (or one fewer) kind of value. So before `redocly diff` runs, the plain side is written as
 * a union of one variant: redocly then compares that variant with its partner in the other
 * union (changes inside it are found as usual) and reports the other variants as added or
 * removed. The names stage takes the inserted `[anyOf, 0]` out again (names.ts `pathIn`).
 */
import { clone, isObj, type Obj } from "../json.ts";
import { isAnnotation } from "../schema/facts.ts";
import { pairVariants } from "../schema/variants.ts";
import { httpMethods } from "../schema/walk.ts";

/** One schema node that only one side wrote as a union, and where it is. */
export type UnionWrap = {
  method: string;
  path: string;
  /** `request`, or the response status. */
  where: string;
  mediaType: string;
  /** The side whose plain schema was written as a union of one variant. */
  side: "base" | "head";
  /** The node's schema path in that side's body; the variant is at `[...at, key, "0"]`. */
  at: string[];
  key: "anyOf" | "oneOf";
};

type Place = Omit<UnionWrap, "side" | "at" | "key">;
type Paths = { base: string[]; head: string[] };

const unionKeys = ["anyOf", "oneOf"] as const;

/** The union keyword of a schema that is nothing but a union (and annotations). */
function bareUnion(schema: Obj): "anyOf" | "oneOf" | undefined {
  const keys = Object.keys(schema).filter((key) => !isAnnotation(key));
  const key = unionKeys.find((k) => keys.length === 1 && keys[0] === k);
  return key && Array.isArray(schema[key]) ? key : undefined;
}

/** True when the plain schema pairs with a variant of the union (see variants.ts). */
function pairsWith(list: unknown[], plain: Obj, unionIsBase: boolean): boolean {
  const pairs = unionIsBase ? pairVariants(list, [plain]) : pairVariants([plain], list);
  return pairs.size > 0;
}

/** Aligns one pair of nodes and their children; returns the (possibly wrapped) pair. */
function alignNode(a: unknown, b: unknown, paths: Paths, place: Place, out: UnionWrap[]): [unknown, unknown] {
  if (!isObj(a) || !isObj(b)) return [a, b];
  let [x, y] = [a, b];
  const [keyA, keyB] = [bareUnion(a), bareUnion(b)];
  const plain = (s: Obj) => unionKeys.every((k) => !(k in s));
  if (keyA && plain(b) && pairsWith(a[keyA] as unknown[], b, true)) {
    y = { [keyA]: [b] };
    out.push({ ...place, side: "head", at: paths.head, key: keyA });
  } else if (keyB && plain(a) && pairsWith(b[keyB] as unknown[], a, false)) {
    x = { [keyB]: [a] };
    out.push({ ...place, side: "base", at: paths.base, key: keyB });
  }
  alignChildren(x, y, paths, place, out);
  return [x, y];
}

const step = (paths: Paths, ...segments: string[]): Paths => ({
  base: [...paths.base, ...segments],
  head: [...paths.head, ...segments],
});

/** Aligns the subschemas the two nodes share: properties, items, paired variants. */
function alignChildren(x: Obj, y: Obj, paths: Paths, place: Place, out: UnionWrap[]): void {
  const [px, py] = [x.properties, y.properties];
  if (isObj(px) && isObj(py)) {
    for (const name of Object.keys(px).filter((n) => n in py)) {
      [px[name], py[name]] = alignNode(px[name], py[name], step(paths, "properties", name), place, out);
    }
  }
  for (const key of ["items", "additionalProperties"]) {
    if (isObj(x[key]) && isObj(y[key])) [x[key], y[key]] = alignNode(x[key], y[key], step(paths, key), place, out);
  }
  for (const key of unionKeys) {
    const [lx, ly] = [x[key], y[key]];
    if (!Array.isArray(lx) || !Array.isArray(ly)) continue;
    for (const [i, j] of pairVariants(lx, ly)) {
      const inner = { base: [...paths.base, key, String(i)], head: [...paths.head, key, String(j)] };
      [lx[i], ly[j]] = alignNode(lx[i], ly[j], inner, place, out);
    }
  }
}

/** Aligns the bodies (same media type) of one operation present in both documents. */
function alignOperation(base: Obj, head: Obj, op: { method: string; path: string }, out: UnionWrap[]): void {
  const bodies: [string, unknown, unknown][] = [["request", base.requestBody, head.requestBody]];
  const responses = isObj(head.responses) ? head.responses : {};
  for (const [status, response] of Object.entries(isObj(base.responses) ? base.responses : {})) {
    bodies.push([status, response, responses[status]]);
  }
  for (const [where, x, y] of bodies) {
    const [cx, cy] = [isObj(x) ? x.content : undefined, isObj(y) ? y.content : undefined];
    if (!isObj(cx) || !isObj(cy)) continue;
    for (const [mediaType, mx] of Object.entries(cx)) {
      const my = cy[mediaType];
      if (!isObj(mx) || !isObj(my)) continue;
      const place = { ...op, where, mediaType };
      [mx.schema, my.schema] = alignNode(mx.schema, my.schema, { base: [], head: [] }, place, out);
    }
  }
}

/**
 * Returns copies of the two (normalized) documents in which each schema node that is a union
 * on one side only, and whose plain side pairs with one of the union's variants, is written
 * as a union of one variant on the plain side; and the list of those nodes.
 */
export function alignUnions(base: Obj, head: Obj): { base: Obj; head: Obj; wraps: UnionWrap[] } {
  const out = { base: clone(base), head: clone(head), wraps: [] as UnionWrap[] };
  const headPaths = isObj(out.head.paths) ? out.head.paths : {};
  for (const [path, item] of Object.entries(isObj(out.base.paths) ? out.base.paths : {})) {
    const other = headPaths[path];
    if (!isObj(item) || !isObj(other)) continue;
    for (const method of httpMethods) {
      const [x, y] = [item[method], other[method]];
      if (isObj(x) && isObj(y)) alignOperation(x, y, { method, path }, out.wraps);
    }
  }
  return out;
}
