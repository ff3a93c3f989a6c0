/** The gate's plain-text report, what `npm run spec:diff` prints by default. */
import type { Comparison, GateRun } from "../compare.ts";
import type { GateResult } from "../gate.ts";
import { verdictLine } from "./verdict.ts";

/** One comparison's changes, then one line saying pass or fail and why. */
export function resultLines(result: GateResult): string[] {
  const lines: string[] = [];
  const others = result.changes.filter((c) => !c.breaking);
  if (result.breaking.length > 0) lines.push(`Breaking changes (${result.breaking.length}):`);
  for (const c of result.breaking) lines.push(`  - ${c.text}`);
  if (others.length > 0) lines.push(`Other changes (${others.length}), not breaking:`);
  for (const c of others) lines.push(`  - ${c.text}`);
  if (result.changes.length === 0) lines.push("No change a client can notice.");
  if (result.documentation > 0) {
    lines.push(`(${result.documentation} changes to descriptions, examples, tags or x- extensions, not listed)`);
  }
  lines.push(verdictLine(result));
  return lines;
}

/** The lines of one comparison, headed by what was compared with what. */
export function comparisonLines(comparison: Comparison): string[] {
  const title = `spec:diff: ${comparison.base} -> ${comparison.head}`;
  switch (comparison.status) {
    case "compared":
      return [title, ...resultLines(comparison.result)];
    case "identical":
      return [`${title}: identical.`];
    case "skipped":
      return [`spec:diff: ${comparison.base}: nothing to compare: ${comparison.reason}.`];
    case "missing":
      return [`spec:diff: ${comparison.reason}`];
    case "error":
      return [title, `spec:diff: ${comparison.reason}`];
  }
}

/** Every comparison of a run, separated by an empty line. */
export function textReport(run: GateRun): string[] {
  return run.comparisons.flatMap((c, i) => (i > 0 ? ["", ...comparisonLines(c)] : comparisonLines(c)));
}
