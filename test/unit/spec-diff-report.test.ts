/**
 * What the gate prints for the places API teams read it: a pull request comment
 * (`--format markdown`), JSON for tools (`--format json`), and a spec/CHANGELOG.md section
 * drafted from a comparison (`npm run spec:changelog`).
 */
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { specDiff } from "../../scripts/spec-gate/compare.ts";
import { changelogReport } from "../../scripts/spec-gate/report/changelog.ts";
import { jsonReport } from "../../scripts/spec-gate/report/json.ts";
import { escapeMarkdown, markdownReport } from "../../scripts/spec-gate/report/markdown.ts";
import { fixturePath, gateCase, runGate } from "../helpers/spec-diff.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = (fixture: string) => specDiff(fixturePath("base"), fixturePath(fixture), root);

describe("--format markdown, a pull request comment", () => {
  it("says the verdict first, then the breaking changes, then the others", gateCase, async ({ expect }) => {
    const lines = markdownReport(await run("replace-operation"));
    expect(lines[0]).toBe("**spec:diff: FAIL**, a breaking change without a new major version.");
    const text = lines.join("\n");
    const [breaking, others] = [
      text.indexOf("**Breaking changes (1)**"),
      text.indexOf("**Other changes, not breaking (1)**"),
    ];
    expect(breaking).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(breaking);
    expect(text.slice(breaking, others)).toContain("- removed operation POST /api/sessions/{id}/fork (forkSession)");
    expect(text.slice(others)).toContain(
      "- added operation POST /api/notifications/{id}/respond (respondToNotification)",
    );
  });

  it("passes with OK, and escapes what Markdown would read as markup", gateCase, async ({ expect }) => {
    const lines = markdownReport(await run("narrow-response-media-type"));
    expect(lines[0]).toBe("**spec:diff: OK**, no breaking change without a new major version.");
    expect(lines).toContain(
      "- response 200 media type \\*/\\* -> text/markdown, in GET /api/sessions/{id}/export (exportSession)",
    );
    expect(escapeMarkdown("data[].title_x <b>")).toBe("data\\[\\].title\\_x &lt;b>");
  });
});

describe("--format json", () => {
  it(
    "gives one object per change: kind, breaking, where as the old spec names it, words",
    gateCase,
    async ({ expect }) => {
      const report = JSON.parse(jsonReport(await run("remove-response-field")).join("\n"));
      expect(report.exitCode).toBe(1);
      const [comparison] = report.comparisons;
      expect(comparison).toMatchObject({
        status: "compared",
        baseVersion: "1.0.0",
        headVersion: "1.0.0",
        majorBumped: false,
      });
      expect(comparison.changes).toHaveLength(1);
      const [change] = comparison.changes;
      expect(change).toMatchObject({ kind: "field-removed", breaking: true });
      expect(change.words).toMatch(/^response field SessionData\.title removed \(it was required\), in /);
      expect(change.where).toContainEqual({
        operation: "GET /api/sessions (listSessions)",
        part: "200",
        field: "data[].title",
      });
      expect(change.where).toContainEqual({
        operation: "POST /api/sessions/{id}/fork (forkSession)",
        part: "201",
        field: "data.title",
      });
    },
  );

  it("is what the command prints, with the same exit code", gateCase, async ({ expect }) => {
    const { code, stdout } = await runGate(
      "diff",
      "--format",
      "json",
      fixturePath("base"),
      fixturePath("remove-operation"),
    );
    expect(code).toBe(1);
    const change = JSON.parse(stdout).comparisons[0].changes[0];
    expect(change).toEqual({
      kind: "operation-removed",
      breaking: true,
      where: [{ operation: "DELETE /api/sessions/{id} (deleteSession)" }],
      words: "removed operation DELETE /api/sessions/{id} (deleteSession)",
    });
  });

  it("refuses a format it does not know (exit 2, with the usage)", gateCase, async ({ expect }) => {
    const { code, stderr } = await runGate("diff", "--format", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain("usage: spec:diff [--format text|markdown|json]");
  });
});

describe("npm run spec:changelog, a changelog section drafted from a comparison", () => {
  it("names the version the change needs and lists what breaks, then the rest", gateCase, async ({ expect }) => {
    const { code, stdout } = await runGate("changelog", fixturePath("base"), fixturePath("replace-operation"));
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "## 2.0.0 (unreleased)",
        "",
        "A client of 1.0.0 can break: a major version. Say what such a client has to do. Set info.version to 2.0.0 (it is 1.0.0).",
        "",
        "Breaking:",
        "",
        "- removed operation POST /api/sessions/{id}/fork (forkSession)",
        "",
        "Compatible:",
        "",
        "- added operation POST /api/notifications/{id}/respond (respondToNotification)",
        "",
      ].join("\n"),
    );
  });

  it("asks for a minor version for additions, and none once the version is bumped", gateCase, async ({ expect }) => {
    const added = changelogReport(await run("add-operation"));
    expect(added.slice(0, 3)).toEqual([
      "## 1.1.0 (unreleased)",
      "",
      "No client of 1.0.0 can break: a minor version. Set info.version to 1.1.0 (it is 1.0.0).",
    ]);
    const bumped = changelogReport(await run("major-bump"));
    expect(bumped[0]).toBe("## 2.0.0 (unreleased)");
    expect(bumped[2]).toBe("A client of 1.0.0 can break: a major version. Say what such a client has to do.");
  });

  it("says there is nothing to add for an identical spec", gateCase, async ({ expect }) => {
    expect(changelogReport(await run("base"))).toEqual([
      `No change since ${fixturePath("base")}: nothing to add to the changelog.`,
    ]);
  });
});
