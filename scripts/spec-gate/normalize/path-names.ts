/**
 * Finds paths whose template variables were renamed: `/api/sessions/{id}` became
 * `/api/sessions/{sessionId}`. The URL a client sends is the same, but redocly sees a path
 * removed and another added, and the gate would report every operation of it removed and
 * added. So before `redocly diff` runs, the new path is put back under the old one's name,
 * with its path parameters renamed back; the judge then says the rename once, as itself.
 */
import { clone, isObj, type Obj } from "../json.ts";
import type { PathRename } from "../model.ts";
import { httpMethods } from "../schema/walk.ts";
import { byParameterKey } from "./normalize.ts";

const variablesOf = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
const shapeOf = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/** Renames a path parameter in each operation of a path item, keeping the parameters sorted. */
function renameParameters(item: Obj, variables: PathRename["variables"]): void {
  for (const method of httpMethods) {
    const operation = item[method];
    if (!isObj(operation) || !Array.isArray(operation.parameters)) continue;
    const renamed = operation.parameters.filter(isObj).map((p) => {
      const variable = variables.find((v) => p.in === "path" && p.name === v.after);
      return variable ? { ...p, name: variable.before } : p;
    });
    operation.parameters = renamed.sort(byParameterKey);
  }
}

/** Pairs each old path missing from the new spec with the one new path of the same shape. */
function findRenames(basePaths: Obj, headPaths: Obj): PathRename[] {
  const gone = Object.keys(basePaths).filter((p) => !(p in headPaths));
  const fresh = Object.keys(headPaths).filter((p) => !(p in basePaths));
  const renames: PathRename[] = [];
  for (const path of gone) {
    const shape = shapeOf(path);
    const matches = fresh.filter((p) => shapeOf(p) === shape);
    // Two old (or new) paths of one shape would be ambiguous: leave them to redocly.
    if (matches.length !== 1 || gone.filter((p) => shapeOf(p) === shape).length !== 1) continue;
    const headPath = matches[0] as string;
    const [before, after] = [variablesOf(path), variablesOf(headPath)];
    const variables = before.flatMap((name, i) => (name === after[i] ? [] : [{ before: name, after: after[i] ?? "" }]));
    renames.push({ path, headPath, variables });
  }
  return renames;
}

/**
 * Returns copies of the two (normalized: parameters moved into the operations) documents in
 * which each new path that differs from a removed old one only by the names of its template
 * variables is put under the old path, its path parameters renamed back; and the renames.
 */
export function alignPathNames(base: Obj, head: Obj): { base: Obj; head: Obj; renames: PathRename[] } {
  const out = { base: clone(base), head: clone(head), renames: [] as PathRename[] };
  const [basePaths, headPaths] = [out.base.paths, out.head.paths];
  if (!isObj(basePaths) || !isObj(headPaths)) return out;
  out.renames = findRenames(basePaths, headPaths);
  if (out.renames.length === 0) return out;
  const renamed: Obj = {};
  for (const [path, item] of Object.entries(headPaths)) {
    const rename = out.renames.find((r) => r.headPath === path);
    if (rename && isObj(item)) renameParameters(item, rename.variables);
    renamed[rename ? rename.path : path] = item;
  }
  out.head.paths = renamed;
  return out;
}

/** A document whose paths are renamed as `alignPathNames` renamed them (for naming only). */
export function withOldPathNames(doc: Obj, renames: PathRename[]): Obj {
  if (renames.length === 0 || !isObj(doc.paths)) return doc;
  const paths = Object.entries(doc.paths).map(([path, item]) => {
    const rename = renames.find((r) => r.headPath === path);
    return [rename ? rename.path : path, item];
  });
  return { ...doc, paths: Object.fromEntries(paths) };
}
