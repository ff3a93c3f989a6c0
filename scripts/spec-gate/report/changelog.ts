/**
 * A section of spec/CHANGELOG.md drafted from one comparison (`npm run spec:changelog`): the
 * version the change needs, what breaks a client of the base version and what does not, in
 * the gate's own words. A maintainer edits it (why, what a client has to do) and pastes it.
 */
import type { GateRun } from "../compare.ts";
import type { GateResult } from "../gate.ts";
import { escapeMarkdown } from "./markdown.ts";
import { textReport } from "./text.ts";

/** The kind of version a change needs, from a client of the base version's point of view. */
export function versionNeeded(result: GateResult): "major" | "minor" | "patch" {
  if (result.breaking.length > 0) return "major";
  return result.changes.length > 0 ? "minor" : "patch";
}

/** The base version raised as `needed` says (`1.2.3`, minor: `1.3.0`), or undefined for a non-semver base. */
export function nextVersion(base: string | undefined, needed: "major" | "minor" | "patch"): string | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(base?.trim() ?? "");
  if (!match) return undefined;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (needed === "major") return `${major + 1}.0.0`;
  return needed === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

const reasons = {
  major: (base: string) => `A client of ${base} can break: a major version. Say what such a client has to do.`,
  minor: (base: string) => `No client of ${base} can break: a minor version.`,
  patch: (base: string) => `Only descriptions, examples, tags or extensions changed since ${base}: a patch version.`,
};

function versionAdvice(result: GateResult): string {
  const needed = versionNeeded(result);
  const reason = reasons[needed](result.baseVersion ?? "the base version");
  const next = nextVersion(result.baseVersion, needed);
  const enough = needed === "major" ? result.majorBumped : result.headVersion !== result.baseVersion;
  return enough || !next ? reason : `${reason} Set info.version to ${next} (it is ${result.headVersion ?? "unset"}).`;
}

function sectionOf(result: GateResult): string[] {
  const version = result.majorBumped || result.headVersion !== result.baseVersion ? result.headVersion : undefined;
  const next = version ?? nextVersion(result.baseVersion, versionNeeded(result)) ?? "Unreleased";
  const lines = [`## ${next} (unreleased)`, "", versionAdvice(result)];
  if (result.breaking.length > 0)
    lines.push("", "Breaking:", "", ...result.breaking.map((c) => `- ${escapeMarkdown(c.text)}`));
  const others = result.changes.filter((c) => !c.breaking);
  if (others.length > 0) lines.push("", "Compatible:", "", ...others.map((c) => `- ${escapeMarkdown(c.text)}`));
  return lines;
}

/** The drafted section; for a comparison that could not be made, the gate's own lines. */
export function changelogReport(run: GateRun): string[] {
  const [comparison] = run.comparisons;
  if (comparison?.status === "compared") return sectionOf(comparison.result);
  if (comparison?.status === "identical")
    return [`No change since ${comparison.base}: nothing to add to the changelog.`];
  return textReport(run);
}
