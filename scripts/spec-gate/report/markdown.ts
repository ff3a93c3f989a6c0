/**
 * The gate's report as a pull request comment (`--format markdown`): the verdict first, then
 * for each comparison its breaking changes, then the others.
 */
import type { Comparison, GateRun } from "../compare.ts";
import type { GateResult, SpecChange } from "../gate.ts";
import { verdictLine } from "./verdict.ts";

/** Text made safe to put in Markdown: no emphasis, link, table or HTML syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`).replace(/</g, "&lt;");
}

const headline: Record<GateRun["exitCode"], string> = {
  0: "**spec:diff: OK**, no breaking change without a new major version.",
  1: "**spec:diff: FAIL**, a breaking change without a new major version.",
  2: "**spec:diff: could not compare** (see below).",
};

function changeList(title: string, changes: SpecChange[]): string[] {
  if (changes.length === 0) return [];
  return ["", `**${title} (${changes.length})**`, "", ...changes.map((c) => `- ${escapeMarkdown(c.text)}`)];
}

function resultMarkdown(result: GateResult): string[] {
  const lines = [escapeMarkdown(verdictLine(result))];
  lines.push(...changeList("Breaking changes", result.breaking));
  lines.push(
    ...changeList(
      "Other changes, not breaking",
      result.changes.filter((c) => !c.breaking),
    ),
  );
  if (result.changes.length === 0) lines.push("", "No change a client can notice.");
  if (result.documentation > 0) {
    lines.push("", `_${result.documentation} changes to descriptions, examples, tags or x- extensions, not listed._`);
  }
  return lines;
}

function comparisonMarkdown(comparison: Comparison): string[] {
  const title = `#### ${escapeMarkdown(comparison.base)} -> ${escapeMarkdown(comparison.head)}`;
  switch (comparison.status) {
    case "compared":
      return [title, "", ...resultMarkdown(comparison.result)];
    case "identical":
      return [title, "", "Identical."];
    default:
      return [
        title,
        "",
        `${comparison.status === "skipped" ? "Nothing to compare" : "Could not compare"}: ${escapeMarkdown(comparison.reason)}.`,
      ];
  }
}

/** The whole run as one Markdown comment. */
export function markdownReport(run: GateRun): string[] {
  return [headline[run.exitCode], ...run.comparisons.flatMap((c) => ["", ...comparisonMarkdown(c)])];
}
