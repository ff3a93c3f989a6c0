/**
 * Variants (`anyOf`/`oneOf` branches) have no names, and a spec may reorder, add or remove
 * them. To compare a variant with itself, the two lists are paired by likeness (the fields,
 * types, values and patterns they share), and a schema path in one document is translated
 * into the other through those pairs.
 */
import { canonical, isObj, type Obj } from "../json.ts";

/** What a variant looks like: its types, field paths (three levels deep), values and patterns. */
function signature(schema: unknown, prefix = "", depth = 0, out = new Set<string>()): Set<string> {
  if (!isObj(schema)) return out;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const t of types) out.add(`${prefix}type:${String(t)}`);
  if (depth === 0 && Array.isArray(schema.enum)) for (const v of schema.enum) out.add(`value:${canonical(v)}`);
  if ("const" in schema) out.add(`${prefix}const:${canonical(schema.const)}`);
  if (typeof schema.pattern === "string") out.add(`${prefix}pattern:${schema.pattern}`);
  if (depth < 3 && isObj(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      out.add(`${prefix}field:${name}`);
      signature(child, `${prefix}${name}.`, depth + 1, out);
    }
  }
  if (depth < 3 && isObj(schema.items)) signature(schema.items, `${prefix}[].`, depth + 1, out);
  return out;
}

/** Names of the variants (their component names in the original documents), by index. */
export type VariantNames = { before: (string | undefined)[]; after: (string | undefined)[] };

function likeness(x: Set<string>, y: Set<string>): number {
  const union = new Set([...x, ...y]).size;
  return union === 0 ? 1 : [...x].filter((token) => y.has(token)).length / union;
}

/** Each variant's signature without what every variant has in common (an event envelope, say). */
function distinctive(before: unknown[], after: unknown[]): [Set<string>[], Set<string>[]] {
  const [a, b] = [before.map((s) => signature(s)), after.map((s) => signature(s))];
  const all = [...a, ...b];
  const common = [...(all[0] ?? [])].filter((token) => all.every((set) => set.has(token)));
  const strip = (set: Set<string>) => new Set([...set].filter((token) => !common.includes(token)));
  return [a.map(strip), b.map(strip)];
}

/**
 * Pairs old variants with new ones: equal ones first, then those with the same component
 * name, then the most alike. Two variants named differently are never paired; one unpaired
 * variant on each side is paired when at most one of them has a name.
 */
export function pairVariants(before: unknown[], after: unknown[], names?: VariantNames): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const free = (i: number, j: number) => !pairs.has(i) && !taken.has(j);
  const named = (i: number, j: number) => names?.before[i] !== undefined && names?.after[j] !== undefined;
  const take = (i: number, j: number) => {
    pairs.set(i, j);
    taken.add(j);
  };
  const all = before.flatMap((_, i) => after.map((_, j) => ({ i, j })));
  for (const { i, j } of all) if (free(i, j) && canonical(before[i]) === canonical(after[j])) take(i, j);
  for (const { i, j } of all) if (free(i, j) && named(i, j) && names?.before[i] === names?.after[j]) take(i, j);
  const [a, b] = distinctive(before, after);
  const scored = all.map(({ i, j }) => ({ i, j, score: likeness(a[i] as Set<string>, b[j] as Set<string>) }));
  for (const { i, j, score } of scored.sort((p, q) => q.score - p.score)) {
    if (score >= 0.34 && free(i, j) && !named(i, j)) take(i, j);
  }
  const left = before.map((_, i) => i).filter((i) => !pairs.has(i));
  const right = after.map((_, j) => j).filter((j) => !taken.has(j));
  const [i, j] = [left[0] as number, right[0] as number];
  if (left.length === 1 && right.length === 1 && !named(i, j)) take(i, j);
  return pairs;
}

/**
 * The same schema path in the other document: variant indexes are mapped through the pairs.
 * Undefined when the path runs through a variant that has no partner there.
 */
export function translatePath(
  path: string[],
  from: unknown,
  to: unknown,
  fromIsBase: boolean,
  namesAt?: (basePrefix: string[], headPrefix: string[], key: string) => VariantNames,
): string[] | undefined {
  const out: string[] = [];
  let [a, b] = [from, to];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string;
    out.push(segment);
    if ((segment === "anyOf" || segment === "oneOf") && i + 1 < path.length) {
      const [listA, listB] = [(a as Obj | undefined)?.[segment], (b as Obj | undefined)?.[segment]];
      if (!Array.isArray(listA) || !Array.isArray(listB)) return undefined;
      const index = Number(path[++i]);
      const [fromPrefix, toPrefix] = [path.slice(0, i - 1), out.slice(0, -1)];
      const names = fromIsBase ? namesAt?.(fromPrefix, toPrefix, segment) : namesAt?.(toPrefix, fromPrefix, segment);
      const pairs = fromIsBase ? pairVariants(listA, listB, names) : invert(pairVariants(listB, listA, names));
      const partner = pairs.get(index);
      if (partner === undefined) return undefined;
      out.push(String(partner));
      [a, b] = [listA[index], listB[partner]];
      continue;
    }
    [a, b] = [isObj(a) ? a[segment] : undefined, isObj(b) ? b[segment] : undefined];
  }
  return out;
}

function invert(pairs: Map<number, number>): Map<number, number> {
  return new Map([...pairs].map(([i, j]) => [j, i]));
}
