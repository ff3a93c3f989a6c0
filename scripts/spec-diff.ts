/**
 * The breaking-change gate: `npm run spec:diff [base] [head]`.
 *
 * Compares spec/openapi.yaml (or `head`) with `base`: a file, or a git ref whose
 * spec/openapi.yaml is read with `git show <ref>:spec/openapi.yaml` (default `HEAD~1`, the
 * previous commit). `redocly diff` finds and rates the changes; scripts/lib/spec-changes.ts
 * words them and fails on a breaking one unless info.version has a new major version.
 * Exit code: 0 no breaking change (or allowed), 1 breaking change, 2 could not compare.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadSpec, specPath } from "./lib/spec.ts";
import { type DiffReport, formatGate, gate } from "./lib/spec-changes.ts";

const run = promisify(execFile);
const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const diffConfig = fileURLToPath(new URL("./lib/redocly-diff.yaml", import.meta.url));
const repoRoot = dirname(dirname(specPath));
const toolEnv = { ...process.env, REDOCLY_TELEMETRY: "off", SCARF_ANALYTICS: "false", NO_COLOR: "1" };

/** A spec to compare: a file on disk, or the reason it could not be found. */
type Resolved = { path: string; label: string } | { missing: string };

/**
 * Finds a spec: an existing file, else a git ref (`<ref>:spec/openapi.yaml`, or `<ref>:<path>`)
 * read with `git show` in the repository `repo` (default: this one).
 */
export async function resolveSpec(arg: string, scratch: string, name: string, repo = repoRoot): Promise<Resolved> {
  if (existsSync(arg)) return { path: resolve(arg), label: arg === specPath ? "spec/openapi.yaml" : arg };
  const object = arg.includes(":") ? arg : `${arg}:spec/openapi.yaml`;
  try {
    const { stdout } = await run("git", ["show", object], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    const path = join(scratch, `${name}.yaml`);
    await writeFile(path, stdout);
    return { path, label: object };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error).trim();
    return { missing: `${arg} is not a file, and git show ${object} failed: ${stderr}` };
  }
}

/** Runs `redocly diff --format json` with the diff-recommended rules and returns its report. */
export async function runRedoclyDiff(basePath: string, headPath: string): Promise<DiffReport> {
  const args = [redoclyBin, "diff", basePath, headPath, "--format", "json", "--fail-on", "none"];
  const result = await run(process.execPath, [...args, "--config", diffConfig], {
    cwd: repoRoot,
    env: toolEnv,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`redocly diff failed: ${error.message}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  });
  // Guard against a config that turns the rules off: redocly would then rate nothing major.
  if (/No diff rules are on/.test(result.stderr)) throw new Error(`redocly diff ran without rules:\n${result.stderr}`);
  return JSON.parse(result.stdout) as DiffReport;
}

/** What a run printed and its exit code. */
export type SpecDiffResult = { exitCode: 0 | 1 | 2; lines: string[] };

/**
 * Compares `head` (default spec/openapi.yaml) with `base` (default HEAD~1) and applies the gate.
 * `repo` is the git repository that refs are read from (default: this one).
 */
export async function specDiff(baseArg?: string, headArg: string = specPath, repo = repoRoot): Promise<SpecDiffResult> {
  const scratch = await mkdtemp(join(tmpdir(), "spec-diff-"));
  try {
    const base = await resolveSpec(baseArg ?? "HEAD~1", scratch, "base", repo);
    if ("missing" in base) {
      // No previous commit (a first commit, a shallow clone) or no spec in it: nothing to guard.
      if (baseArg === undefined) return { exitCode: 0, lines: [`spec:diff: no base to compare with. ${base.missing}`] };
      return { exitCode: 2, lines: [`spec:diff: ${base.missing}`] };
    }
    const head = await resolveSpec(headArg, scratch, "head", repo);
    if ("missing" in head) return { exitCode: 2, lines: [`spec:diff: ${head.missing}`] };
    const report = await runRedoclyDiff(base.path, head.path);
    const result = gate(report, { base: loadSpec(base.path), head: loadSpec(head.path) });
    const title = `spec:diff: ${base.label} -> ${head.label} (changes found by redocly diff)`;
    return { exitCode: result.ok ? 0 : 1, lines: [title, ...formatGate(result)] };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [baseArg, headArg] = process.argv.slice(2);
  specDiff(baseArg, headArg).then(
    ({ exitCode, lines }) => {
      console.log(lines.join("\n"));
      process.exitCode = exitCode;
    },
    (error: Error) => {
      console.error(`spec:diff: ${error.message}`);
      process.exitCode = 2;
    },
  );
}
