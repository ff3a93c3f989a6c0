/**
 * The gate's report as JSON (`--format json`), for tools: each comparison with its verdict and
 * one object per change: its kind, whether it breaks, where it is (as the old spec names the
 * operation, the part and the field), and the sentence the text report prints.
 */
import type { Comparison, GateRun } from "../compare.ts";
import { exitCodeOf } from "../compare.ts";
import type { SpecChange } from "../gate.ts";
import { verdictLine } from "./verdict.ts";

/** One change in the JSON report. */
export type JsonChange = { kind: string; breaking: boolean; where: SpecChange["where"]; words: string };

function changeJson(change: SpecChange): JsonChange {
  return { kind: change.kind, breaking: change.breaking, where: change.where, words: change.text };
}

function comparisonJson(comparison: Comparison): Record<string, unknown> {
  const { base, head, status } = comparison;
  const common = { base, head, status, exitCode: exitCodeOf(comparison) };
  if (status === "identical") return { ...common, changes: [] };
  if (status !== "compared") return { ...common, reason: comparison.reason };
  const { result } = comparison;
  return {
    ...common,
    verdict: verdictLine(result),
    baseVersion: result.baseVersion ?? null,
    headVersion: result.headVersion ?? null,
    majorBumped: result.majorBumped,
    documentation: result.documentation,
    changes: result.changes.map(changeJson),
  };
}

/** The whole run as one JSON document, pretty-printed. */
export function jsonReport(run: GateRun): string[] {
  return [JSON.stringify({ exitCode: run.exitCode, comparisons: run.comparisons.map(comparisonJson) }, null, 2)];
}
