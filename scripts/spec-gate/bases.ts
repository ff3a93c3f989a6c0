/**
 * What the gate compares the spec with. By default, two bases it is sure to have in CI: the
 * last released spec recorded in the repository (`spec/released/openapi-<version>.yaml`), and
 * the spec of the previous commit (or, when that commit deleted it, of the last commit that
 * had it). A missing previous spec is never a silent pass: in a shallow clone it is an error
 * (fetch more history); only a repository's first commit, and the commit that adds the spec
 * for the first time, are compared with the released spec alone, and say so.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A base found: its text and a label; or why there is none, and whether that is an error. */
export type Base = { label: string; text: string } | { label: string; skip: string } | { label: string; error: string };

/** The version in a released spec's file name, `openapi-1.2.0.yaml`, as numbers. */
function versionOf(name: string): number[] | undefined {
  const match = /^openapi-(\d+)\.(\d+)\.(\d+)\.ya?ml$/.exec(name);
  return match ? match.slice(1).map(Number) : undefined;
}

function newer(a: number[], b: number[]): boolean {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

/** The newest `openapi-<version>.yaml` in a directory, or undefined. */
export function latestRelease(dir: string): { path: string; version: string } | undefined {
  if (!existsSync(dir)) return undefined;
  let best: { path: string; version: number[] } | undefined;
  for (const name of readdirSync(dir)) {
    const version = versionOf(name);
    if (version && (!best || newer(version, best.version))) best = { path: join(dir, name), version };
  }
  return best && { path: best.path, version: best.version.join(".") };
}

async function git(repo: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The spec at a git object (`<ref>:<path>`), or the reason git gave for not showing it. */
export async function gitShow(repo: string, object: string): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await git(repo, "show", object) };
  } catch (error) {
    return { error: String((error as { stderr?: string }).stderr ?? error).trim() };
  }
}

/** The spec (at `specFile`, relative to the repository) in the previous commit, HEAD~1. */
export async function previousCommit(repo: string, specFile: string): Promise<Base> {
  const label = `HEAD~1:${specFile}`;
  const head = await git(repo, "rev-parse", "--verify", "--quiet", "HEAD").catch(() => "");
  if (!head)
    return { label, error: `${resolve(repo)} is not a git repository with a commit: give the base explicitly` };
  const previous = await git(repo, "rev-parse", "--verify", "--quiet", "HEAD~1").catch(() => "");
  if (!previous) {
    const shallow = (await git(repo, "rev-parse", "--is-shallow-repository")).trim() === "true";
    if (shallow) {
      return { label, error: "this clone is shallow and lacks the previous commit: fetch it (git fetch --deepen=1)" };
    }
    return { label, skip: "HEAD is the repository's first commit: there is no previous spec" };
  }
  const shown = await gitShow(repo, label);
  if ("text" in shown) return { label, text: shown.text };
  const missing = /does not exist|exists on disk, but not in/.test(shown.error);
  return missing ? lastSpecBefore(repo, specFile) : { label, error: shown.error };
}

/**
 * The spec in the last commit before HEAD that had it, when HEAD~1 has none: a spec deleted
 * and restored is still compared with what it was. Only a commit that adds the spec for the
 * first time has nothing to compare with (the released spec is compared all the same).
 */
async function lastSpecBefore(repo: string, specFile: string): Promise<Base> {
  // The newest commit up to HEAD~1 that touched the file is the one that deleted it.
  const deleted = (await git(repo, "rev-list", "-n", "1", "HEAD~1", "--", specFile)).trim();
  if (!deleted) {
    const shallow = (await git(repo, "rev-parse", "--is-shallow-repository")).trim() === "true";
    const label = `HEAD~1:${specFile}`;
    if (shallow) {
      return { label, error: `the previous commit has no ${specFile} and this clone is shallow: fetch its history` };
    }
    return { label, skip: `no earlier commit has ${specFile}: this commit adds it` };
  }
  const label = `${deleted.slice(0, 12)}~1:${specFile}`;
  const shown = await gitShow(repo, label);
  return "text" in shown ? { label, text: shown.text } : { label, error: shown.error };
}

/** The last released spec recorded in `dir` (shown as `shownDir`), or an error saying how to record one. */
export function releasedSpec(dir: string, shownDir: string, read: (path: string) => string): Base {
  const release = latestRelease(dir);
  if (!release) {
    return { label: "released spec", error: `no released spec in ${shownDir}: record one with npm run spec:release` };
  }
  return { label: `released ${join(shownDir, basename(release.path))}`, text: read(release.path) };
}
