import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/lib/spec.ts";
import { type DiffReport, gate, majorOf } from "../../scripts/lib/spec-changes.ts";
import { runRedoclyDiff, specDiff } from "../../scripts/spec-diff.ts";

const fixtures = fileURLToPath(new URL("../fixtures/spec-diff/", import.meta.url));
const fixture = (name: string) => `${fixtures}${name}.yaml`;

/** Runs the real `redocly diff` on base.yaml and a fixture, then the gate on its report. */
async function diffFixture(name: string) {
  const report = await runRedoclyDiff(fixture("base"), fixture(name));
  return gate(report, { base: loadSpec(fixture("base")), head: loadSpec(fixture(name)) });
}

const texts = (changes: { text: string }[]) => changes.map((c) => c.text);

describe.concurrent("spec:diff catches each breaking change (real redocly diff on fixture pairs)", () => {
  const cases: [fixture: string, line: string, rule: string][] = [
    ["remove-operation", "removed operation DELETE /api/sessions/{id} (deleteSession)", "operation-removed"],
    [
      "remove-response-field",
      "response field data[].title removed from listSessions 200 (schema SessionData)",
      "property-removed",
    ],
    [
      "require-request-field",
      "request field title became required in createSession (schema CreateSessionRequest)",
      "required-properties-added",
    ],
    [
      "narrow-request-type",
      "type of request field messageIndex in forkSession narrowed from number to integer (schema ForkSessionRequest)",
      "schema-type-changed",
    ],
    [
      "narrow-enum",
      "enum of request field mode in createSession lost values: plan (schema CreateSessionRequest)",
      "enum-values-removed",
    ],
    ["remove-status", "status 404 removed from getSession", "response-removed"],
    ["change-status", "status 201 of createSession became 200", "response-removed"],
  ];

  for (const [name, line, rule] of cases) {
    it(`${name}: "${line}" fails the gate`, async () => {
      const result = await diffFixture(name);
      expect(result.ok).toBe(false);
      expect(result.majorBumped).toBe(false);
      expect(result.breaking).toContainEqual({ breaking: true, text: line, rules: [rule] });
    }, 30_000);
  }

  it("removing a response field also reports that it is no longer required", async () => {
    const result = await diffFixture("remove-response-field");
    expect(texts(result.breaking)).toEqual([
      "response field data[].title became optional in listSessions 200 (schema SessionData)",
      "response field data[].title removed from listSessions 200 (schema SessionData)",
    ]);
  }, 30_000);
});

describe.concurrent("spec:diff lets additions through, and lists them", () => {
  const cases: [fixture: string, line: string][] = [
    [
      "add-optional-request-field",
      "request field workingDirectory added to createSession (schema CreateSessionRequest)",
    ],
    ["add-response-field", "response field data[].createdAt added to listSessions 200 (schema SessionData)"],
    ["add-operation", "added operation POST /api/sessions/{id}/cancel (cancelSessionProcessing)"],
    // Direction matters: a client that reads a number also reads an integer.
    [
      "narrow-response-type",
      "type of response field data[].cost in listSessions 200 changed from number to integer (schema SessionData)",
    ],
  ];

  for (const [name, line] of cases) {
    it(`${name}: "${line}" passes`, async () => {
      const result = await diffFixture(name);
      expect(result.ok).toBe(true);
      expect(result.breaking).toEqual([]);
      expect(texts(result.changes)).toEqual([line]);
    }, 30_000);
  }

  it("a breaking change passes when info.version has a new major version", async () => {
    const result = await diffFixture("major-bump");
    expect(result).toMatchObject({ ok: true, majorBumped: true, baseVersion: "1.0.0", headVersion: "2.0.0" });
    expect(texts(result.breaking)).toEqual(["removed operation DELETE /api/sessions/{id} (deleteSession)"]);
    expect(texts(result.changes)).toContain("info.version changed from 1.0.0 to 2.0.0");
  }, 30_000);

  it("the same spec on both sides has no change", async () => {
    const result = await diffFixture("base");
    expect(result).toMatchObject({ ok: true, changes: [] });
  }, 30_000);
});

describe("the gate's version policy (no redocly involved)", () => {
  const breakingReport = (base: string, revision: string): DiffReport => ({
    infoVersions: { base, revision },
    changes: [
      {
        path: "#/paths/~1a/get",
        typeName: "Operation",
        kind: "removed",
        impact: "major",
        verdicts: [{ ruleId: "operation-removed", message: "Operation `GET /a` was removed." }],
        base: { pointer: "#/paths/~1a/get", value: { operationId: "getA" } },
      },
    ],
  });
  const specs = { base: {}, head: {} };

  it.each([
    ["1.0.0", "2.0.0", true],
    ["1.4.2", "v3.0.0-rc.1", true],
    ["1.0.0", "1.1.0", false],
    ["1.0.0", "1.0.0", false],
    ["2.0.0", "1.0.0", false],
    ["1.0.0", "two", false],
    ["latest", "2.0.0", false],
  ])("a breaking change from %s to %s passes: %s", (base, revision, ok) => {
    expect(gate(breakingReport(base, revision), specs).ok).toBe(ok);
  });

  it("a minor change never fails, whatever the version", () => {
    const report = breakingReport("1.0.0", "1.0.0");
    const change = { ...report.changes[0], impact: "minor", verdicts: [] } as DiffReport["changes"][number];
    expect(gate({ ...report, changes: [change] }, specs)).toMatchObject({ ok: true, breaking: [] });
  });

  it("majorOf reads semver majors and nothing else", () => {
    expect([majorOf("1.0.0"), majorOf("v12.3.4"), majorOf("1.0"), majorOf(undefined)]).toEqual([
      1,
      12,
      undefined,
      undefined,
    ]);
  });
});

describe("npm run spec:diff end to end", () => {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const script = fileURLToPath(new URL("../../scripts/spec-diff.ts", import.meta.url));
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [tsx, script, ...args], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", SCARF_ANALYTICS: "false" },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("exits 1 and names the change for a removed operation", async () => {
    const { code, stdout } = await cli(fixture("base"), fixture("remove-operation"));
    expect(code).toBe(1);
    expect(stdout).toContain("Breaking changes (1):");
    expect(stdout).toContain("  - removed operation DELETE /api/sessions/{id} (deleteSession) [operation-removed]");
    expect(stdout).toMatch(/^FAIL: 1 breaking change without a new major version .*bump info\.version to 2\.0\.0/m);
  }, 60_000);

  it("exits 0 for the same breaking change with a major version bump", async () => {
    const { code, stdout } = await cli(fixture("base"), fixture("major-bump"));
    expect(code).toBe(0);
    expect(stdout).toContain("OK: 1 breaking change, allowed by the new major version (info.version 1.0.0 -> 2.0.0).");
  }, 60_000);

  it("exits 2 when an explicit base cannot be found", async () => {
    const result = await specDiff("no-such-ref-or-file", fixture("base"));
    expect(result.exitCode).toBe(2);
    expect(result.lines.join("\n")).toMatch(/no-such-ref-or-file is not a file, and git show .* failed/);
  });
});

describe("spec:diff reads the base from git", () => {
  const git = (cwd: string, ...args: string[]) =>
    promisify(execFile)("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd });

  /** A scratch repository whose commits hold the given fixtures as spec/openapi.yaml, in order. */
  async function repoWith(...commits: string[]) {
    const repo = await mkdtemp(join(tmpdir(), "spec-diff-repo-"));
    await git(repo, "init", "-q");
    await mkdir(join(repo, "spec"));
    for (const name of commits) {
      await copyFile(fixture(name), join(repo, "spec/openapi.yaml"));
      await git(repo, "add", "spec/openapi.yaml");
      await git(repo, "commit", "-q", "-m", name);
    }
    return repo;
  }

  it("with no previous commit, says so and passes", async () => {
    const repo = await repoWith("remove-operation");
    try {
      const result = await specDiff(undefined, fixture("remove-operation"), repo);
      expect(result.exitCode).toBe(0);
      expect(result.lines[0]).toMatch(/^spec:diff: no base to compare with\. HEAD~1 is not a file, and git show/);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  }, 30_000);

  it("by default compares with the spec at HEAD~1, and a ref names any commit", async () => {
    const repo = await repoWith("base", "add-operation");
    try {
      const fromPrevious = await specDiff(undefined, fixture("remove-operation"), repo);
      expect(fromPrevious.exitCode).toBe(1);
      expect(fromPrevious.lines[0]).toContain("HEAD~1:spec/openapi.yaml -> ");
      const fromHead = await specDiff("HEAD", fixture("remove-operation"), repo);
      expect(fromHead.lines).toContain(
        "  - removed operation POST /api/sessions/{id}/cancel (cancelSessionProcessing) [path-removed]",
      );
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  }, 30_000);
});
