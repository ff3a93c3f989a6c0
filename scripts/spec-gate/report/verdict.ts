/** The gate's verdict on one comparison in one sentence, shared by every report format. */
import { type GateResult, majorOf } from "../gate.ts";

/** "3 breaking changes", "1 breaking change". */
export function breakingCount(result: GateResult): string {
  return `${result.breaking.length} breaking change${result.breaking.length === 1 ? "" : "s"}`;
}

/** "info.version 1.0.0 -> 2.0.0". */
export function versionsText(result: GateResult): string {
  return `info.version ${result.baseVersion ?? "?"} -> ${result.headVersion ?? "?"}`;
}

/** What to do about a failing comparison: the version to bump to. */
export function adviceText(result: GateResult): string {
  const next = majorOf(result.baseVersion);
  return next === undefined ? "give info.version a new major version" : `bump info.version to ${next + 1}.0.0`;
}

/** `OK: ...` or `FAIL: ...`, with the versions and, on a failure, what to do. */
export function verdictLine(result: GateResult): string {
  const versions = versionsText(result);
  if (result.breaking.length === 0) return `OK: no breaking change (${versions}).`;
  if (result.majorBumped) return `OK: ${breakingCount(result)}, allowed by the new major version (${versions}).`;
  return `FAIL: ${breakingCount(result)} without a new major version (${versions}). Undo them, or ${adviceText(result)} and record it in spec/CHANGELOG.md.`;
}
