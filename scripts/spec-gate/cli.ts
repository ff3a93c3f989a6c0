/**
 * The breaking-change gate.
 *
 *   npm run spec:diff                 spec/openapi.yaml against the last released spec
 *                                     (spec/released/) and against the previous commit
 *   npm run spec:diff -- <base> [head]  against one base: a file, or a git ref whose
 *                                     spec/openapi.yaml is read (or `<ref>:<path>`)
 *
 * scripts/lib/spec-diff/gate.ts does the comparing. Exit code: 0 no breaking change (or each
 * one allowed by a new major version), 1 a breaking change, 2 could not compare (a base that
 * cannot be found, a shallow clone without the previous commit, an unreadable spec).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { specPath } from "../lib/spec.ts";
import { type Base, gitShow, previousCommit, releasedSpec } from "./bases.ts";
import { compareSpecs, formatGate } from "./gate.ts";
import type { Obj } from "./json.ts";

const repoRoot = dirname(dirname(specPath));

/** What a run printed and its exit code. */
export type SpecDiffResult = { exitCode: 0 | 1 | 2; lines: string[] };

/** A spec argument: an existing file, else a git object (`<ref>` means `<ref>:spec/openapi.yaml`). */
async function readSpecArg(arg: string, repo: string): Promise<Base> {
  if (existsSync(arg)) return { label: arg === specPath ? "spec/openapi.yaml" : arg, text: readFileSync(arg, "utf8") };
  const object = arg.includes(":") ? arg : `${arg}:spec/openapi.yaml`;
  const shown = await gitShow(repo, object);
  if ("text" in shown) return { label: object, text: shown.text };
  return { label: arg, error: `${arg} is not a file, and git show ${object} failed: ${shown.error}` };
}

function parseSpec(text: string, label: string): Obj {
  try {
    return parse(text) as Obj;
  } catch (error) {
    throw new Error(`${label} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/** Compares a head spec with one base and applies the gate's policy. */
async function compare(base: Base, head: { label: string; text: string }): Promise<SpecDiffResult> {
  if ("error" in base) return { exitCode: 2, lines: [`spec:diff: ${base.error}`] };
  if ("skip" in base) return { exitCode: 0, lines: [`spec:diff: ${base.label}: nothing to compare: ${base.skip}.`] };
  const title = `spec:diff: ${base.label} -> ${head.label}`;
  if (base.text === head.text) return { exitCode: 0, lines: [`${title}: identical.`] };
  try {
    const result = await compareSpecs(parseSpec(base.text, base.label), parseSpec(head.text, head.label));
    return { exitCode: result.ok ? 0 : 1, lines: [title, ...formatGate(result)] };
  } catch (error) {
    return { exitCode: 2, lines: [title, `spec:diff: could not compare: ${(error as Error).message}`] };
  }
}

/** Compares `head` (default spec/openapi.yaml) with one base: a file or a git ref in `repo`. */
export async function specDiff(baseArg: string, headArg: string = specPath, repo = repoRoot): Promise<SpecDiffResult> {
  const head = await readSpecArg(headArg, repo);
  if (!("text" in head)) return { exitCode: 2, lines: [`spec:diff: ${"error" in head ? head.error : head.skip}`] };
  return compare(await readSpecArg(baseArg, repo), head);
}

/**
 * The gate CI runs: `head` (default spec/openapi.yaml) against the last released spec in
 * `<repo>/spec/released/` and against `spec/openapi.yaml` in the previous commit of `repo`.
 * Fails (1) when either comparison finds a breaking change without a new major version, and
 * cannot pass (2) when a base it must have is missing.
 */
export async function specGate(headPath: string = specPath, repo = repoRoot): Promise<SpecDiffResult> {
  const head = { label: relative(repo, resolve(headPath)) || headPath, text: readFileSync(headPath, "utf8") };
  const released = releasedSpec(join(repo, "spec/released"), "spec/released", (path) => readFileSync(path, "utf8"));
  // The two comparisons are independent: run their redocly processes side by side.
  const results = await Promise.all([
    compare(released, head),
    previousCommit(repo, "spec/openapi.yaml").then((base) => compare(base, head)),
  ]);
  const exitCode = Math.max(...results.map((r) => r.exitCode)) as 0 | 1 | 2;
  return { exitCode, lines: results.flatMap((r, i) => (i > 0 ? ["", ...r.lines] : r.lines)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [baseArg, headArg] = process.argv.slice(2);
  (baseArg === undefined ? specGate() : specDiff(baseArg, headArg)).then(
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
