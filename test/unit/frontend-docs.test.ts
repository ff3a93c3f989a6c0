import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { flags, parseMockCommand } from "../../scripts/lib/mock-options.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const docs = readFileSync(`${root}docs/frontend.md`, "utf8");

/** Each block of the docs marked `<!-- file: <path under test/examples> -->`, with the text it shows. */
function markedBlocks(markdown: string): { path: string; shown: string }[] {
  return [...markdown.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)^```$/gm)].map((m) => ({
    path: m[1] ?? "",
    shown: m[2] ?? "",
  }));
}

/** The rows of the flags table: the flags and the variables each row names. */
function flagRows(markdown: string): { flags: string[]; variables: string[] }[] {
  const table = markdown.slice(markdown.indexOf("| flag | variable |"));
  return table
    .split("\n")
    .slice(2)
    .filter((line) => line.startsWith("| `--"))
    .map((line) => ({
      flags: [...(line.split("|")[1] ?? "").matchAll(/--([a-z][a-z-]*)/g)].map((m) => `--${m[1]}`),
      variables: [...line.matchAll(/`(MIX_MOCK_[A-Z_]+)/g)].map((m) => m[1] ?? ""),
    }));
}

describe("docs/frontend.md", () => {
  const blocks = markedBlocks(docs);

  it("shows every marked block exactly as the file of test/examples it names", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    for (const { path, shown } of blocks)
      expect(shown, path).toBe(readFileSync(`${root}test/examples/${path}`, "utf8"));
  });

  it("marks every block that shows a file of the example, so none drifts unmarked", () => {
    const unmarked = [...docs.matchAll(/(?<!-->\n)```(ts|tsx)\n([\s\S]*?)^```$/gm)].map((m) => m[2] ?? "");
    for (const text of unmarked)
      expect(text, text.slice(0, 80)).not.toMatch(/^import .* from "(mix-sdk|react|vitest|@playwright)/m);
  });

  it("documents every flag of mix-mock with its variable, and no flag it does not have", () => {
    const rows = flagRows(docs);
    const documented = rows.flatMap((row) => row.flags.map((flag) => flag.slice(2)));
    expect(new Set(documented)).toEqual(new Set(Object.keys(flags).filter((name) => name !== "help")));
    for (const row of rows)
      for (const variable of row.variables) {
        const name = variable.slice("MIX_MOCK_".length).toLowerCase().replace(/_/g, "-");
        expect(Object.keys(flags), variable).toContain(name);
      }
  });

  it("gives command lines that mix-mock accepts", () => {
    const lines = [...docs.matchAll(/^npx mix-mock( [^#\n]*)?/gm)].map((m) => (m[1] ?? "").trim());
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const parsed = parseMockCommand(line ? line.split(/\s+/) : [], {});
      expect(parsed, line).not.toHaveProperty("error");
    }
  });
});
