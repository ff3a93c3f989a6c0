import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's root, with a trailing slash. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The documents a reader is sent to, and whose links and blocks the docs' tests check. */
export const documents = [
  "README.md",
  "docs/frontend.md",
  "spec/README.md",
  "CONTRIBUTING.md",
  "scripts/spec-gate/README.md",
  "CHANGELOG.md",
  "spec/CHANGELOG.md",
] as const;

/** A fenced block of a document: where it is, its language, its text, and the file it shows, if marked. */
export type DocBlock = { doc: string; line: number; lang: string; text: string; file?: string };

/** The text of a document of the repository. */
export const readDoc = (doc: string) => readFileSync(`${root}${doc}`, "utf8");

/**
 * Every fenced block of `doc`, also those indented in a list item (dedented), each with the
 * path under test/examples of a `<!-- file: <path> -->` marker on the line before it.
 */
export function fencedBlocks(doc: string, text = readDoc(doc)): DocBlock[] {
  const pattern = /^(?:( *)<!-- file: (\S+) -->\n)?( *)```(\w*)\n([\s\S]*?)^\3```$/gm;
  return [...text.matchAll(pattern)].map((m) => {
    const indent = m[3] ?? "";
    const body = (m[5] ?? "").replace(new RegExp(`^${indent}`, "gm"), "");
    const line = text.slice(0, m.index).split("\n").length + (m[2] ? 1 : 0);
    return { doc, line, lang: m[4] ?? "", text: body, ...(m[2] ? { file: m[2] } : {}) };
  });
}

/** The text of `doc` with its fenced blocks blanked out, so nothing in a block reads as a heading or a link. */
export function prose(text: string): string {
  return text.replace(/^( *)```[\s\S]*?^\1```$/gm, (block) => block.replace(/[^\n]/g, " "));
}

/** A heading's anchor as GitHub makes it: the rendered text, lower-cased, punctuation dropped, spaces to "-". */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim();
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a document's headings, in order; a repeated one gets "-1", "-2", ... as on GitHub. */
export function anchors(text: string): string[] {
  const seen = new Map<string, number>();
  return [...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => {
    const base = slug(m[1] ?? "");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  });
}

/** The relative links and images of a document's prose: `[text](target)`, web and mail addresses left out. */
export function relativeLinks(text: string): { target: string; line: number }[] {
  const plain = prose(text).replace(/`[^`\n]*`/g, (code) => " ".repeat(code.length));
  return [...plain.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)]
    .filter((m) => !/^(https?:|mailto:)/.test(m[1] ?? ""))
    .map((m) => ({ target: m[1] ?? "", line: plain.slice(0, m.index).split("\n").length }));
}

/** One command line of a shell block: continuation lines joined, comments dropped. */
export type DocCommand = { doc: string; line: number; command: string };

/** The commands of every unmarked `sh` block of the documents (a marked one is a file, not commands). */
export function shellCommands(docs: readonly string[] = documents): DocCommand[] {
  return docs.flatMap((doc) =>
    fencedBlocks(doc)
      .filter((block) => block.lang === "sh" && !block.file)
      .flatMap((block) =>
        block.text
          .replace(/\\\n\s*/g, " ")
          .split("\n")
          .map((text, i) => ({ doc, line: block.line + 1 + i, command: text.replace(/\s+#\s.*$/, "").trim() }))
          .filter(({ command }) => command !== "" && !command.startsWith("#")),
      ),
  );
}
