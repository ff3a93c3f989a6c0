/**
 * `npm run spec:diff` and `npm run spec:release` as CI and a maintainer run them: exit codes,
 * the bases read from git and from spec/released/, and no silent pass when a base is missing.
 */
import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, it } from "vitest";
import { specDiff as diffRun, type GateRun, specGate } from "../../scripts/spec-gate/compare.ts";
import { recordRelease } from "../../scripts/spec-gate/release.ts";
import { textReport } from "../../scripts/spec-gate/report/text.ts";
import { fixturePath, git, repoWith, runGate } from "../helpers/spec-diff.ts";

const repos: string[] = [];
afterAll(() => Promise.all(repos.map((repo) => rm(repo, { recursive: true, force: true }))));
async function scratch(commits: string[], released?: string): Promise<string> {
  const repo = await repoWith(commits, released);
  repos.push(repo);
  return repo;
}
const printed = (run: GateRun) => ({ exitCode: run.exitCode, lines: textReport(run) });
const gateIn = async (repo: string) => printed(await specGate(join(repo, "spec/openapi.yaml"), repo));
const root = fileURLToPath(new URL("../../", import.meta.url));
const specDiff = async (base: string, head: string, repo = root) => printed(await diffRun(base, head, repo));

/** The tests of a group run concurrently (each in its own scratch repository); `expect` comes from the context. */
const gateCase = { concurrent: true, timeout: 60_000 };

describe("npm run spec:diff with an explicit base", () => {
  const cli = (...args: string[]) => runGate("diff", ...args);

  it("exits 1 and names the change for a removed operation", gateCase, async ({ expect }) => {
    const { code, stdout } = await cli(fixturePath("base"), fixturePath("remove-operation"));
    expect(code).toBe(1);
    expect(stdout).toContain(
      "Breaking changes (1):\n  - removed operation DELETE /api/sessions/{id} (deleteSession)\n",
    );
    expect(stdout).toMatch(/^FAIL: 1 breaking change without a new major version .*bump info\.version to 2\.0\.0/m);
  });

  it("exits 0 for the same breaking change with a major version bump", gateCase, async ({ expect }) => {
    const { code, stdout } = await cli(fixturePath("base"), fixturePath("major-bump"));
    expect(code).toBe(0);
    expect(stdout).toContain("OK: 1 breaking change, allowed by the new major version (info.version 1.0.0 -> 2.0.0).");
  });

  it("exits 2 when an explicit base cannot be found", gateCase, async ({ expect }) => {
    const result = await specDiff("no-such-ref-or-file", fixturePath("base"));
    expect(result.exitCode).toBe(2);
    expect(result.lines.join("\n")).toMatch(/no-such-ref-or-file is not a file, and git show .* failed/);
  });

  it("exits 2 for a spec that is not OpenAPI 3", gateCase, async ({ expect }) => {
    const repo = await scratch(["base"]);
    await writeFile(join(repo, "swagger.yaml"), "swagger: '2.0'\ninfo: {title: x, version: 1.0.0}\npaths: {}\n");
    const result = await specDiff(join(repo, "swagger.yaml"), fixturePath("base"), repo);
    expect(result.exitCode).toBe(2);
    expect(result.lines.at(-1)).toMatch(/only OpenAPI 3\.x documents can be compared/);
  });

  it("reads a base from any git ref", gateCase, async ({ expect }) => {
    const repo = await scratch(["base", "add-operation"]);
    const result = await specDiff("HEAD~1", fixturePath("remove-operation"), repo);
    expect(result.exitCode).toBe(1);
    expect(result.lines[0]).toMatch(/^spec:diff: HEAD~1:spec\/openapi\.yaml -> .*remove-operation\.yaml$/);
  });
});

describe("npm run spec:diff in CI: the last released spec and the previous commit", () => {
  it("compares with both and passes when neither finds a breaking change", gateCase, async ({ expect }) => {
    const repo = await scratch(["base", "add-operation"], "base");
    const result = await gateIn(repo);
    expect(result.exitCode).toBe(0);
    expect(result.lines).toContain("spec:diff: released spec/released/openapi-1.0.0.yaml -> spec/openapi.yaml");
    expect(result.lines).toContain("spec:diff: HEAD~1:spec/openapi.yaml -> spec/openapi.yaml");
    expect(result.lines.filter((line) => line.startsWith("OK: no breaking change"))).toHaveLength(2);
  });

  it(
    "fails on a break against the previous commit that a major version allowed against the release",
    gateCase,
    async ({ expect }) => {
      // major-bump (2.0.0) removes an operation; removing another one under the same 2.0.0 must fail.
      const repo = await scratch(["major-bump"], "base");
      const spec = await readFile(fixturePath("major-bump"), "utf8");
      await writeFile(
        join(repo, "spec/openapi.yaml"),
        spec.replace(/ {2}\/api\/sessions\/\{id\}\/export:[\s\S]*?(?=\ncomponents:)/, ""),
      );
      await git(repo, "commit", "-qam", "remove export too");
      const result = await gateIn(repo);
      expect(result.exitCode).toBe(1);
      expect(result.lines).toContain(
        "OK: 2 breaking changes, allowed by the new major version (info.version 1.0.0 -> 2.0.0).",
      );
      expect(result.lines).toContain("  - removed operation GET /api/sessions/{id}/export (exportSession)");
      expect(result.lines.at(-1)).toMatch(
        /^FAIL: 1 breaking change without a new major version \(info\.version 2\.0\.0 -> 2\.0\.0\)/,
      );
    },
  );

  it(
    "in a shallow clone without the previous commit, cannot pass (exit 2) and says how to fix it",
    gateCase,
    async ({ expect }) => {
      const origin = await scratch(["base", "add-operation"], "base");
      const clone = `${origin}-shallow`;
      repos.push(clone);
      await git(origin, "clone", "-q", "--depth", "1", `file://${origin}`, clone);
      const result = await gateIn(clone);
      expect(result.exitCode).toBe(2);
      expect(result.lines.at(-1)).toBe(
        "spec:diff: this clone is shallow and lacks the previous commit: fetch it (git fetch --deepen=1)",
      );
    },
  );

  it(
    "on a repository's first commit, still compares with the released spec and fails on a break",
    gateCase,
    async ({ expect }) => {
      const repo = await scratch(["remove-operation"], "base");
      const result = await gateIn(repo);
      expect(result.exitCode).toBe(1);
      expect(result.lines).toContain("  - removed operation DELETE /api/sessions/{id} (deleteSession)");
      expect(result.lines.at(-1)).toBe(
        "spec:diff: HEAD~1:spec/openapi.yaml: nothing to compare: HEAD is the repository's first commit: there is no previous spec.",
      );
    },
  );

  it(
    "on the commit that adds the spec, compares with the released spec alone and says so",
    gateCase,
    async ({ expect }) => {
      const repo = await scratch([], "base");
      await git(repo, "add", "spec");
      await git(repo, "commit", "-qm", "the released spec, and no spec yet");
      await copyFile(fixturePath("add-operation"), join(repo, "spec/openapi.yaml"));
      await git(repo, "add", "spec");
      await git(repo, "commit", "-qm", "add the spec");
      const result = await gateIn(repo);
      expect(result.exitCode).toBe(0);
      expect(result.lines[0]).toBe("spec:diff: released spec/released/openapi-1.0.0.yaml -> spec/openapi.yaml");
      expect(result.lines.at(-1)).toBe(
        "spec:diff: HEAD~1:spec/openapi.yaml: nothing to compare: no earlier commit has spec/openapi.yaml: this commit adds it.",
      );
    },
  );

  it(
    "compares a spec restored after a commit that deleted it with the last commit that had it",
    gateCase,
    async ({ expect }) => {
      // major-bump (2.0.0) is allowed against the 1.0.0 release; removing export too under the same 2.0.0 is not.
      const repo = await scratch(["major-bump"], "base");
      const spec = await readFile(fixturePath("major-bump"), "utf8");
      await git(repo, "rm", "-q", "spec/openapi.yaml");
      await git(repo, "commit", "-qm", "delete the spec");
      await writeFile(
        join(repo, "spec/openapi.yaml"),
        spec.replace(/ {2}\/api\/sessions\/\{id\}\/export:[\s\S]*?(?=\ncomponents:)/, ""),
      );
      await git(repo, "add", "spec");
      await git(repo, "commit", "-qm", "restore it without export");
      const result = await gateIn(repo);
      expect(result.exitCode).toBe(1);
      expect(result.lines).toContainEqual(
        expect.stringMatching(/^spec:diff: [0-9a-f]{12}~1:spec\/openapi\.yaml -> spec\/openapi\.yaml$/),
      );
      expect(result.lines).toContain("  - removed operation GET /api/sessions/{id}/export (exportSession)");
      expect(result.lines.at(-1)).toMatch(
        /^FAIL: 1 breaking change without a new major version \(info\.version 2\.0\.0 -> 2\.0\.0\)/,
      );
    },
  );

  it("cannot pass without a released spec recorded", gateCase, async ({ expect }) => {
    const repo = await scratch(["base", "add-operation"]);
    const result = await gateIn(repo);
    expect(result.exitCode).toBe(2);
    expect(result.lines[0]).toBe("spec:diff: no released spec in spec/released: record one with npm run spec:release");
  });
});

describe("npm run spec:release", () => {
  it("records the spec under its version, once", gateCase, async ({ expect }) => {
    const repo = await scratch(["base"]);
    expect(await recordRelease(repo)).toEqual({
      exitCode: 0,
      lines: ["spec:release: recorded spec/released/openapi-1.0.0.yaml; commit it with the release."],
    });
    const recorded = await readFile(join(repo, "spec/released/openapi-1.0.0.yaml"), "utf8");
    expect(recorded).toBe(await readFile(fixturePath("base"), "utf8"));
    expect((await recordRelease(repo)).lines).toEqual([
      "spec:release: spec/released/openapi-1.0.0.yaml is already recorded.",
    ]);
  });

  it("refuses a changed spec under a version already released", gateCase, async ({ expect }) => {
    const repo = await scratch(["add-operation"], "base");
    const result = await recordRelease(repo);
    expect(result).toEqual({
      exitCode: 1,
      lines: ["spec:release: spec/released/openapi-1.0.0.yaml exists and differs: give the spec a new info.version"],
    });
  });

  it("refuses a new version that breaks the last release without a new major version", gateCase, async ({ expect }) => {
    const repo = await scratch(["remove-operation"], "base");
    const spec = await readFile(join(repo, "spec/openapi.yaml"), "utf8");
    await writeFile(join(repo, "spec/openapi.yaml"), spec.replace("version: 1.0.0", "version: 1.1.0"));
    const result = await recordRelease(repo);
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain("  - removed operation DELETE /api/sessions/{id} (deleteSession)");
    expect(result.lines.at(-1)).toBe("spec:release: spec/released/openapi-1.1.0.yaml not recorded.");
  });
});
