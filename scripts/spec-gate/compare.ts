/**
 * What a run of the gate compares, and the outcome of each comparison: the spec against one
 * base given on the command line (a file or a git ref), or, as CI runs it, against the last
 * released spec and against the previous commit. Reports (report/) turn the outcomes into text,
 * Markdown or JSON.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseYaml as parse } from "redocly-core2";
import { type Base, gitShow, previousCommit, releasedSpec } from "./bases.ts";
import { compareSpecs, type GateResult } from "./gate.ts";
import type { Obj } from "./json.ts";

/** The spec a repository keeps, relative to its root. */
export const specFile = "spec/openapi.yaml";

/** One comparison of the head spec with one base, and how it ended. */
export type Comparison = { base: string; head: string } & (
  | { status: "compared"; result: GateResult }
  | { status: "identical" }
  /** Nothing to compare with, and that is expected (a repository's first commit). */
  | { status: "skipped"; reason: string }
  /** A base (or head) that must be there and is not. */
  | { status: "missing"; reason: string }
  /** Both specs were read, but could not be compared. */
  | { status: "error"; reason: string }
);

/** Exit code of one comparison: 0 passed (or nothing to compare), 1 a breaking change, 2 could not compare. */
export function exitCodeOf(comparison: Comparison): 0 | 1 | 2 {
  if (comparison.status === "compared") return comparison.result.ok ? 0 : 1;
  return comparison.status === "missing" || comparison.status === "error" ? 2 : 0;
}

/** A run's comparisons and its exit code, the worst of theirs. */
export type GateRun = { exitCode: 0 | 1 | 2; comparisons: Comparison[] };

function runOf(comparisons: Comparison[]): GateRun {
  return { exitCode: Math.max(0, ...comparisons.map(exitCodeOf)) as 0 | 1 | 2, comparisons };
}

/** A spec argument: an existing file, else a git object (`<ref>` means `<ref>:spec/openapi.yaml`). */
async function readSpecArg(arg: string, repo: string): Promise<Base> {
  if (existsSync(arg)) {
    const label = resolve(arg) === resolve(repo, specFile) ? specFile : arg;
    return { label, text: readFileSync(arg, "utf8") };
  }
  const object = arg.includes(":") ? arg : `${arg}:${specFile}`;
  const shown = await gitShow(repo, object);
  if ("text" in shown) return { label: object, text: shown.text };
  return { label: arg, error: `${arg} is not a file, and git show ${object} failed: ${shown.error}` };
}

/** Parses YAML or JSON with Redocly's own reader (js-yaml, several times faster than `yaml` on a spec). */
function parseSpec(text: string, label: string): Obj {
  try {
    return parse(text) as Obj;
  } catch (error) {
    throw new Error(`${label} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/** Compares a head spec with one base and applies the gate's policy. */
async function compare(base: Base, head: { label: string; text: string }): Promise<Comparison> {
  const names = { base: base.label, head: head.label };
  if ("error" in base) return { ...names, status: "missing", reason: base.error };
  if ("skip" in base) return { ...names, status: "skipped", reason: base.skip };
  if (base.text === head.text) return { ...names, status: "identical" };
  try {
    const result = await compareSpecs(parseSpec(base.text, base.label), parseSpec(head.text, head.label));
    return { ...names, status: "compared", result };
  } catch (error) {
    return { ...names, status: "error", reason: `could not compare: ${(error as Error).message}` };
  }
}

/** Compares `headArg` (a file or git object) with one base, a file or a git ref in `repo`. */
export async function specDiff(baseArg: string, headArg: string, repo: string): Promise<GateRun> {
  const head = await readSpecArg(headArg, repo);
  if (!("text" in head)) {
    const reason = "error" in head ? head.error : head.skip;
    return runOf([{ base: baseArg, head: headArg, status: "missing", reason }]);
  }
  return runOf([await compare(await readSpecArg(baseArg, repo), head)]);
}

/** The spec at `headPath` against the last released spec in `<repo>/spec/released/` alone. */
export async function specAgainstRelease(headPath: string, repo: string): Promise<GateRun> {
  return runOf([await compare(releasedBase(repo), headOf(headPath, repo))]);
}

const headOf = (headPath: string, repo: string) => ({
  label: relative(repo, resolve(headPath)) || headPath,
  text: readFileSync(headPath, "utf8"),
});
const releasedBase = (repo: string) =>
  releasedSpec(join(repo, "spec/released"), "spec/released", (path) => readFileSync(path, "utf8"));

/**
 * The gate CI runs: `headPath` against the last released spec in `<repo>/spec/released/` and
 * against spec/openapi.yaml in the previous commit of `repo`. Fails (1) when either comparison
 * finds a breaking change without a new major version, and cannot pass (2) when a base it must
 * have is missing.
 */
export async function specGate(headPath: string, repo: string): Promise<GateRun> {
  const head = headOf(headPath, repo);
  const comparisons = await Promise.all([
    compare(releasedBase(repo), head),
    previousCommit(repo, specFile).then((base) => compare(base, head)),
  ]);
  return runOf(comparisons);
}
