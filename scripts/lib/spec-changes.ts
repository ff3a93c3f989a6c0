/**
 * The breaking-change gate's pure half: takes the JSON report of `redocly diff --format json`
 * and decides. Redocly finds the changes and rates each one (its diff rules, for example
 * `operation-removed` or `required-properties-added`, give `major` to what can break a client,
 * direction-aware: a narrower type breaks a request, a wider one breaks a response). This module
 * only words each change in plain English and applies the policy: a `major` change fails
 * unless `info.version` has a new major version.
 */
import { describeChange } from "./spec-change-text.ts";

/** A place in one of the two documents, as redocly reports it. */
export type DiffLocation = { pointer: string; value?: unknown };

/** One change from `redocly diff --format json` (report version 1); only the fields we read. */
export type DiffChange = {
  /** A JSON pointer into the revision (or the base, for a removal), through the paths that use it. */
  path: string;
  /** The OpenAPI node type, for example `Operation`, `Response`, `Schema`, `PathItem`, `Info`. */
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: "major" | "minor" | "patch";
  /** What redocly's diff rules said; each rule that fired gives the change its impact. */
  verdicts: { ruleId: string; message: string }[];
  /** For `modified`: the property that changed (`type`, `enum`, `required`, `key`, ...). */
  property?: string;
  base?: DiffLocation;
  revision?: DiffLocation;
};

/** The parts of redocly's JSON report the gate reads. */
export type DiffReport = {
  infoVersions?: { base?: string; revision?: string };
  changes: DiffChange[];
};

/** The parsed base and head documents, used to name operations by their operationId. */
export type SpecPair = { base: Record<string, unknown>; head: Record<string, unknown> };

/** One change in plain words. */
export type SpecChange = {
  /** True when redocly rated it `major`: it can break a client built on the base. */
  breaking: boolean;
  /** One line, for example "removed operation DELETE /api/sessions/{id} (deleteSession)". */
  text: string;
  /** The redocly diff rules that fired, for example `operation-removed`. */
  rules: string[];
};

/** The gate's decision. */
export type GateResult = {
  changes: SpecChange[];
  breaking: SpecChange[];
  baseVersion: string | undefined;
  headVersion: string | undefined;
  /** True when the head's `info.version` has a higher major version than the base's. */
  majorBumped: boolean;
  /** False when there is a breaking change and no major bump. */
  ok: boolean;
};

/** The major version of a semver-like string (`1.2.3`, `v2.0.0-rc.1`), or undefined. */
export function majorOf(version: string | undefined): number | undefined {
  const match = /^v?(\d+)\.\d+\.\d+/.exec(version?.trim() ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Words every change of a redocly diff report, breaking ones first, in report order otherwise. */
export function classifyChanges(report: DiffReport, specs: SpecPair): SpecChange[] {
  const changes = report.changes.map((change) => ({
    breaking: change.impact === "major",
    text: describeChange(change, specs),
    rules: change.verdicts.map((verdict) => verdict.ruleId),
  }));
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}

/** Applies the policy: breaking changes fail unless info.version's major version went up. */
export function gate(report: DiffReport, specs: SpecPair): GateResult {
  const changes = classifyChanges(report, specs);
  const breaking = changes.filter((c) => c.breaking);
  const baseVersion = report.infoVersions?.base;
  const headVersion = report.infoVersions?.revision;
  const baseMajor = majorOf(baseVersion);
  const headMajor = majorOf(headVersion);
  const majorBumped = baseMajor !== undefined && headMajor !== undefined && headMajor > baseMajor;
  return { changes, breaking, baseVersion, headVersion, majorBumped, ok: breaking.length === 0 || majorBumped };
}

/** The gate's verdict as printable lines: the changes, then one line saying pass or fail and why. */
export function formatGate(result: GateResult): string[] {
  const lines: string[] = [];
  const others = result.changes.filter((c) => !c.breaking);
  if (result.breaking.length > 0) {
    lines.push(`Breaking changes (${result.breaking.length}):`);
    for (const c of result.breaking) lines.push(`  - ${c.text}${c.rules.length ? ` [${c.rules.join(", ")}]` : ""}`);
  }
  if (others.length > 0) {
    lines.push(`Other changes (${others.length}), not breaking:`);
    for (const c of others) lines.push(`  - ${c.text}`);
  }
  if (result.changes.length === 0) lines.push("No changes.");
  lines.push(verdictLine(result));
  return lines;
}

function verdictLine(result: GateResult): string {
  const versions = `info.version ${result.baseVersion ?? "?"} -> ${result.headVersion ?? "?"}`;
  const count = `${result.breaking.length} breaking change${result.breaking.length === 1 ? "" : "s"}`;
  if (result.breaking.length === 0) return `OK: no breaking change (${versions}).`;
  if (result.majorBumped) return `OK: ${count}, allowed by the new major version (${versions}).`;
  const next = majorOf(result.baseVersion);
  const advice = next === undefined ? "give info.version a new major version" : `bump info.version to ${next + 1}.0.0`;
  return `FAIL: ${count} without a new major version (${versions}). Undo them, or ${advice} and record it in spec/CHANGELOG.md.`;
}
