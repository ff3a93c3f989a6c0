/**
 * Records the spec as released: `npm run spec:release` copies spec/openapi.yaml to
 * spec/released/openapi-<info.version>.yaml, the base `npm run spec:diff` compares every later
 * commit with. It refuses a version that is not newer than the last recorded one, and a spec
 * that breaks the last release without a new major version. Exit code 0 recorded (or already
 * recorded, unchanged), 1 refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml as parse } from "redocly-core2";
import { latestRelease } from "./bases.ts";
import { specDiff, specFile } from "./compare.ts";
import { majorOf } from "./gate.ts";
import { textReport } from "./report/text.ts";

/** What `spec:release` printed and its exit code: 0 recorded (or already recorded), 1 refused. */
export type ReleaseResult = { exitCode: 0 | 1; lines: string[] };

function numbers(version: string): number[] {
  return version.split(/[.-]/).slice(0, 3).map(Number);
}

function newer(a: string, b: string): boolean {
  const [x, y] = [numbers(a), numbers(b)];
  const i = x.findIndex((n, k) => n !== y[k]);
  return i >= 0 && (x[i] ?? 0) > (y[i] ?? 0);
}

/** Records `<repo>/spec/openapi.yaml` under `<repo>/spec/released/`, after the checks above. */
export async function recordRelease(repo: string): Promise<ReleaseResult> {
  const source = join(repo, specFile);
  const text = readFileSync(source, "utf8");
  const version = String((parse(text) as { info?: { version?: unknown } }).info?.version ?? "");
  if (majorOf(version) === undefined || !/^\d+\.\d+\.\d+$/.test(version)) {
    return { exitCode: 1, lines: [`spec:release: info.version "${version}" is not a release version (x.y.z)`] };
  }
  const dir = join(repo, "spec/released");
  const target = join(dir, `openapi-${version}.yaml`);
  const shown = `spec/released/openapi-${version}.yaml`;
  if (existsSync(target)) {
    if (readFileSync(target, "utf8") === text)
      return { exitCode: 0, lines: [`spec:release: ${shown} is already recorded.`] };
    return { exitCode: 1, lines: [`spec:release: ${shown} exists and differs: give the spec a new info.version`] };
  }
  const last = latestRelease(dir);
  if (last && !newer(version, last.version)) {
    return { exitCode: 1, lines: [`spec:release: ${version} is not newer than the last release, ${last.version}`] };
  }
  if (last) {
    const gate = await specDiff(last.path, source, repo);
    if (gate.exitCode !== 0)
      return { exitCode: 1, lines: [...textReport(gate), `spec:release: ${shown} not recorded.`] };
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, text);
  return { exitCode: 0, lines: [`spec:release: recorded ${shown}; commit it with the release.`] };
}
