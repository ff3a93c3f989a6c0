import { readFileSync } from "node:fs";

/** A fenced block of a Markdown file: its language (`sh`, `yaml`, or "" for none) and its text. */
export type Block = { lang: string; text: string };

/**
 * The fenced blocks of the section of `file` that starts with the heading `heading` (a whole
 * line, such as "## Workflows"), up to the next heading of the same level.
 */
export function sectionBlocks(file: string, heading: string): Block[] {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const level = heading.split(" ")[0] ?? "##";
  const rest = text.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^${level} `, "m"));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? "", text: m[2] ?? "" }));
}
