/**
 * Replaces every local `$ref` of an OpenAPI document by a copy of what it points to, so that
 * a description that uses a component and one that writes it inline become identical, and a
 * change inside a shared component shows up at every operation that uses it.
 */
import { at, clone, isObj, type Obj, pointerSegments } from "../json.ts";

/** Keys that only describe: a `$ref` with only these beside it keeps them over its target's. */
const annotationKeys = new Set(["description", "summary", "title", "example", "examples", "deprecated"]);

function isAnnotation(key: string): boolean {
  return annotationKeys.has(key) || key.startsWith("x-");
}

/** A document whose references are being inlined; `kept` collects the refs left for cycles. */
type Context = { doc: Obj; stack: string[]; kept: Set<string> };

function resolve(ctx: Context, ref: string): unknown {
  if (!ref.startsWith("#/")) {
    throw new Error(`cannot compare a spec with the external $ref ${ref}: bundle it into one file first`);
  }
  const target = at(ctx.doc, pointerSegments(ref));
  if (target === undefined) throw new Error(`the $ref ${ref} points to nothing`);
  return target;
}

function inlineRef(ctx: Context, node: Obj): unknown {
  const { $ref: ref, ...siblings } = node as Obj & { $ref: string };
  // A schema that contains itself cannot be inlined: the inner use stays a reference.
  if (ctx.stack.includes(ref)) {
    ctx.kept.add(ref);
    return clone(node);
  }
  ctx.stack.push(ref);
  const target = inlineNode(ctx, resolve(ctx, ref));
  ctx.stack.pop();
  const rest = inlineNode(ctx, siblings) as Obj;
  if (Object.keys(rest).length === 0) return target;
  // OpenAPI 3.1 applies a schema's other keywords together with its $ref, as allOf does.
  if (!isObj(target) || !Object.keys(rest).every(isAnnotation)) return { allOf: [target, rest] };
  return { ...target, ...rest };
}

function inlineNode(ctx: Context, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineNode(ctx, item));
  if (!isObj(node)) return node;
  if (typeof node.$ref === "string") return inlineRef(ctx, node);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineNode(ctx, value)]));
}

/** The targets of the references left in place for cycles, inlined themselves, by pointer. */
function keptTargets(ctx: Context): Obj {
  const kept: Obj = {};
  const done = new Set<string>();
  for (let ref = [...ctx.kept].find((r) => !done.has(r)); ref; ref = [...ctx.kept].find((r) => !done.has(r))) {
    done.add(ref);
    const segments = pointerSegments(ref);
    let holder = kept;
    for (const segment of segments.slice(0, -1)) {
      holder[segment] = isObj(holder[segment]) ? holder[segment] : {};
      holder = holder[segment] as Obj;
    }
    holder[segments.at(-1) ?? ""] = inlineNode({ ...ctx, stack: [ref] }, resolve(ctx, ref));
  }
  return kept;
}

/**
 * Returns a copy of `doc` without local references: every `$ref` is replaced by its target
 * (recursively). A recursive schema keeps its inner `$ref`, and its component stays in
 * `components`; other components are dropped, except security schemes (named, not referenced).
 */
export function inlineRefs(doc: Obj): Obj {
  const ctx: Context = { doc, stack: [], kept: new Set() };
  const { components, ...rest } = doc;
  const out = inlineNode(ctx, rest) as Obj;
  const kept = keptTargets(ctx);
  const schemes = isObj(components) ? components.securitySchemes : undefined;
  const keptComponents = { ...(isObj(kept.components) ? kept.components : {}) } as Obj;
  if (schemes !== undefined) keptComponents.securitySchemes = clone(schemes);
  if (Object.keys(keptComponents).length > 0) out.components = keptComponents;
  return out;
}
