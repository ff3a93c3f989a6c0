/**
 * The gate's finding stage: `redocly diff` (from @redocly/cli) compares the two normalized
 * documents and lists every node that was added, removed or modified. Its own ratings are
 * kept only as a fallback for the few kinds of change our judge has no rule for (security,
 * servers, recursive components).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Obj } from "../json.ts";

const run = promisify(execFile);
const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const diffConfig = fileURLToPath(new URL("../../lib/redocly-diff.yaml", import.meta.url));
const toolEnv = { ...process.env, REDOCLY_TELEMETRY: "off", SCARF_ANALYTICS: "false", NO_COLOR: "1" };

/** A place in one of the two documents, as redocly reports it. */
export type DiffLocation = { pointer: string; value?: unknown };

/** One change from `redocly diff --format json` (report version 1); only the fields we read. */
export type DiffChange = {
  /** A JSON pointer to the changed node through the paths that use it (the revision's paths). */
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

/** Runs `redocly diff --format json` with the diff-recommended rules on two files. */
export async function runRedoclyDiff(basePath: string, headPath: string): Promise<DiffReport> {
  const args = [redoclyBin, "diff", basePath, headPath, "--format", "json", "--fail-on", "none"];
  const result = await run(process.execPath, [...args, "--config", diffConfig], {
    env: toolEnv,
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.replace(/\s*╔[\s\S]*?╝\s*/, "\n");
    throw new Error(`redocly diff failed: ${error.message.split("\n")[0]}\n${output.slice(0, 4000)}`);
  });
  // Guard against a config that turns the rules off: redocly would then rate nothing major.
  if (/No diff rules are on/.test(result.stderr)) throw new Error(`redocly diff ran without rules:\n${result.stderr}`);
  return JSON.parse(result.stdout) as DiffReport;
}

/** Writes two documents to a scratch directory and runs `redocly diff` on them. */
export async function findChanges(base: Obj, head: Obj): Promise<DiffReport> {
  const scratch = await mkdtemp(join(tmpdir(), "spec-diff-"));
  try {
    const [basePath, headPath] = [join(scratch, "base.json"), join(scratch, "head.json")];
    await writeFile(basePath, JSON.stringify(base));
    await writeFile(headPath, JSON.stringify(head));
    return await runRedoclyDiff(basePath, headPath);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
