import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The relative imports of each file under `dirs` (type-only ones too), as repository paths. */
function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const name of readdirSync(join(root, dir), { recursive: true }) as string[]) {
      if (!name.endsWith(".ts")) continue;
      const file = join(dir, name);
      const text = readFileSync(join(root, file), "utf8");
      const targets = [...text.matchAll(/(?:import|export)[^"';]*?from\s+"(\.[^"]+)"/g)].map((m) =>
        resolve("/", dir, name, "..", (m[1] ?? "").replace(/\.js$/, ".ts")).slice(1),
      );
      graph.set(file, targets);
    }
  }
  return graph;
}

/** The files under `dirs` that declare a type named `name`. */
function declaring(dirs: string[], name: string): string[] {
  const pattern = new RegExp(`\\b(type|interface)\\s+${name}\\b`);
  return dirs.flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts") && pattern.test(readFileSync(join(root, dir, file), "utf8")))
      .map((file) => join(dir, file)),
  );
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") return void found.push([...path.slice(path.indexOf(file)), file]);
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe("the shape of src/", () => {
  it("finds a cycle when there is one, so the check below can fail", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["a.ts"]],
    ]);
    expect(cycles(graph)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });

  it("has no import cycle, counting type-only imports", () => {
    const graph = importGraph(["src", "generated"]);
    expect(graph.get("src/index.ts")?.length).toBeGreaterThan(1);
    expect(cycles(graph)).toEqual([]);
  });

  it("declares the runtime table's types once, for the generator and the SDK alike", () => {
    for (const name of ["FieldFacts", "OperationFacts", "SpecRetryPolicy"]) {
      expect(declaring(["src", "scripts", "generated"], name), name).toEqual(["src/operation-facts.ts"]);
    }
  });
});

describe("the shape of the spec gate's room (scripts/spec-gate/)", () => {
  it("has no import cycle, counting type-only imports", () => {
    const graph = importGraph(["scripts/spec-gate"]);
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph)).toEqual([]);
  });
});
