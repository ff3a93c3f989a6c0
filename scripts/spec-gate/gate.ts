/**
 * The breaking-change gate, stage by stage (see README.md): prepare both specs for redocly
 * (normalize/), let redocly find what changed and gather its findings into subjects (find/),
 * judge each subject with direction-aware rules (judge/), word the verdicts and merge the lines
 * (word/), and apply the version policy: a breaking change fails unless `info.version` has a
 * new major version.
 */
import { findChanges } from "./find/redocly.ts";
import { collectSubjects } from "./find/subjects.ts";
import { type Obj, sameJson } from "./json.ts";
import { judge } from "./judge/judge.ts";
import { prepare } from "./normalize/prepare.ts";
import { groupLines, type SpecChange } from "./word/lines.ts";
import { word } from "./word/word.ts";

/** One line of the report (defined in lines.ts). */
export type { SpecChange };

/** The gate's decision. */
export type GateResult = {
  changes: SpecChange[];
  breaking: SpecChange[];
  /** How many findings only touched descriptions, examples, tags or `x-` extensions. */
  documentation: number;
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

function versionOf(doc: Obj): string | undefined {
  const info = doc.info as { version?: unknown } | undefined;
  return typeof info?.version === "string" ? info.version : undefined;
}

/** Compares two parsed OpenAPI 3.x documents and applies the policy. */
export async function compareSpecs(base: Obj, head: Obj): Promise<GateResult> {
  const { docs, envelopes, renames } = prepare(base, head);
  // Equivalent descriptions normalize to the same document: nothing for redocly to find.
  const report = sameJson(docs.base, docs.head) ? { changes: [] } : await findChanges(docs.base, docs.head);
  const { subjects, documentation } = collectSubjects(report.changes, docs, envelopes, renames);
  const verdicts = subjects.flatMap(judge);
  const changes = groupLines(verdicts.map((v) => ({ breaking: v.breaking, ...word(v, docs.originals) })));
  return applyPolicy(changes, documentation, versionOf(base), versionOf(head));
}

/** The version policy: a breaking change fails unless the head's major version is higher. */
export function applyPolicy(
  changes: SpecChange[],
  documentation: number,
  baseVersion: string | undefined,
  headVersion: string | undefined,
): GateResult {
  const breaking = changes.filter((c) => c.breaking);
  const [baseMajor, headMajor] = [majorOf(baseVersion), majorOf(headVersion)];
  const majorBumped = baseMajor !== undefined && headMajor !== undefined && headMajor > baseMajor;
  return {
    changes,
    breaking,
    documentation,
    baseVersion,
    headVersion,
    majorBumped,
    ok: breaking.length === 0 || majorBumped,
  };
}
