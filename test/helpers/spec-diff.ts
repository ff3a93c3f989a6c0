/** Shared by the spec:diff tests: the fixture pairs, scratch git repositories holding them, the command. */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { it } from "vitest";
import { loadSpec } from "../../scripts/lib/spec.ts";
import { compareSpecs } from "../../scripts/spec-gate/gate.ts";

const fixtures = fileURLToPath(new URL("../fixtures/spec-diff/", import.meta.url));
const launcher = fileURLToPath(new URL("../../scripts/spec-gate/run.mjs", import.meta.url));

/** The path of a fixture in test/fixtures/spec-diff/, by name without `.yaml` (`rules/base` for a subfolder). */
export const fixturePath = (name: string) => `${fixtures}${name}.yaml`;

/** A fixture, parsed. */
export const fixtureSpec = (name: string) => loadSpec(fixturePath(name));

/** Runs git in a scratch repository with a throwaway identity. */
export const git = (cwd: string, ...args: string[]) =>
  promisify(execFile)("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd });

/**
 * A scratch repository whose commits hold the given fixtures as spec/openapi.yaml, in order,
 * with `released` (a fixture) recorded as spec/released/openapi-1.0.0.yaml in the first commit.
 */
export async function repoWith(commits: string[], released?: string): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), "spec-diff-repo-"));
  await git(repo, "init", "-q");
  await mkdir(join(repo, "spec/released"), { recursive: true });
  if (released) await copyFile(fixturePath(released), join(repo, "spec/released/openapi-1.0.0.yaml"));
  else await writeFile(join(repo, "spec/released/.keep"), "");
  for (const name of commits) {
    await copyFile(fixturePath(name), join(repo, "spec/openapi.yaml"));
    await git(repo, "add", "spec");
    await git(repo, "commit", "-q", "-m", name);
  }
  return repo;
}

/** What a gate command printed and its exit code. */
export type GateOutput = { code: number; stdout: string; stderr: string };

/** Runs a gate command (`diff`, `changelog`, `release`) as `npm run spec:*` does, through run.mjs. */
export function runGate(...args: string[]): Promise<GateOutput> {
  return promisify(execFile)(process.execPath, [launcher, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: GateOutput) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** A fixture, the breaking lines the gate must print for it, and the other lines. */
export type GateCase = [fixture: string, breaking: string[], others: string[]];

/**
 * Each case runs concurrently with the others of its group: most of its time is Redocly's diff
 * engine, and one case reads while another one computes. `expect` comes from the test's context.
 */
export const gateCase = { concurrent: true, timeout: 60_000 };

/** The gate on `<dir>base.yaml` against each fixture of `<dir>`: exactly these lines, and the verdict they imply. */
export function expectLines(cases: GateCase[], dir = "") {
  it.for(cases)("%s", gateCase, async ([name, breaking, others], { expect }) => {
    const result = await compareSpecs(fixtureSpec(`${dir}base`), fixtureSpec(`${dir}${name}`));
    const texts = (changes: { text: string }[]) => changes.map((c) => c.text);
    expect(texts(result.breaking)).toEqual(breaking);
    expect(texts(result.changes.filter((c) => !c.breaking))).toEqual(others);
    expect(result.ok).toBe(breaking.length === 0);
    expect(new Set(texts(result.changes)).size).toBe(result.changes.length);
  });
}
