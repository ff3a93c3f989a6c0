import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const heading = "## TanStack Query";

/** The section of docs/frontend.md under `heading`, up to the next heading of its level. */
function section(): string {
  const docs = readFileSync(`${root}docs/frontend.md`, "utf8");
  const start = docs.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/frontend.md has no "${heading}"`);
  const rest = docs.slice(start + heading.length);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The fenced blocks of a Markdown text, each with the file under test/examples it is marked as showing, if any. */
function blocks(markdown: string): { file?: string; text: string }[] {
  return [...markdown.matchAll(/(?:<!-- file: (\S+) -->\n)?```\w*\n([\s\S]*?)^```$/gm)].map((m) => ({
    file: m[1],
    text: m[2] ?? "",
  }));
}

describe("the TanStack Query section of docs/frontend.md", () => {
  const shown = blocks(section());

  it("shows each marked file exactly as test/examples has it", () => {
    const marked = shown.filter((block) => block.file);
    expect(marked.length).toBeGreaterThanOrEqual(4);
    for (const { file, text } of marked) expect(text, file).toBe(readFileSync(`${root}test/examples/${file}`, "utf8"));
  });

  it("shows every source file of the example project", () => {
    const files = readdirSync(`${root}test/examples/tanstack-query/src`).map((name) => `tanstack-query/src/${name}`);
    expect(
      shown
        .map((block) => block.file)
        .filter(Boolean)
        .sort(),
    ).toEqual(files.sort());
  });

  it("has no unmarked block that imports anything, so no code a user pastes goes untested", () => {
    for (const { file, text } of shown.filter((block) => !block.file)) expect(text, file).not.toMatch(/^import /m);
  });
});
