import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Absolute path of the hand-kept spec, `spec/openapi.yaml`. */
export const specPath = fileURLToPath(new URL("../../spec/openapi.yaml", import.meta.url));

/** Absolute path of the spec's Arazzo workflows, `spec/sessions.arazzo.yaml`. */
export const arazzoPath = fileURLToPath(new URL("../../spec/sessions.arazzo.yaml", import.meta.url));

/** A loosely typed OpenAPI node: scripts read only what they need and check it as they go. */
export type Node = Record<string, unknown>;

/** Reads and parses a YAML or JSON OpenAPI document (default: `spec/openapi.yaml`). */
export function loadSpec(path: string = specPath): Node {
  return parse(readFileSync(path, "utf8")) as Node;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a node that is not a reference. */
export function deref(spec: Node, node: unknown): Node {
  let current = node as Node;
  for (let hops = 0; typeof current?.$ref === "string"; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/") || hops > 32) throw new Error(`Cannot follow $ref ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, key) => (at as Node)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec) as Node;
    if (current === undefined) throw new Error(`Dangling $ref ${ref}`);
  }
  return current;
}

/** HTTP methods an OpenAPI path item may hold, lower case as in the document. */
export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of the spec, with the path-level parameters merged in. */
export type SpecOperation = { method: string; path: string; operation: Node; parameters: Node[] };

/** Lists every operation in document order. */
export function listOperations(spec: Node): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries((spec.paths ?? {}) as Node)) {
    const item = deref(spec, rawItem);
    for (const method of httpMethods) {
      const operation = item[method] as Node | undefined;
      if (!operation) continue;
      const parameters = [
        ...((item.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ].map((p) => deref(spec, p));
      found.push({ method: method.toUpperCase(), path, operation, parameters });
    }
  }
  return found;
}
