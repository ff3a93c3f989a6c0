import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConformance, formatReport, type Report } from "../../scripts/conformance.ts";
import type { TestServer } from "../helpers/http-server.ts";
import { startMixServer } from "../helpers/mix-servers.ts";
import { sectionBlocks } from "../helpers/readme-blocks.ts";
import { runScript } from "../helpers/run.ts";

const cli = (...args: string[]) => runScript("conformance.ts", ...args);
const readme = fileURLToPath(new URL("../../spec/README.md", import.meta.url));

/** Each problem as "workflow/step" and the names of its failed checks, for exact comparison. */
const failedChecks = (report: Report) =>
  report.problems.map((p) => [`${p.workflowId}/${p.stepId}`, p.failed.map((f) => f.check)]);
const problemAt = (report: Report, step: string) => report.problems.find((p) => p.stepId === step);

describe("npm run conformance against a server that behaves like the real Mix server", () => {
  let server: TestServer;
  let report: Report;

  beforeAll(async () => {
    server = await startMixServer("real");
    report = await checkConformance(server.url);
  }, 90_000);
  afterAll(() => server?.close());

  it("fails, and finds exactly the deviations it can see", () => {
    expect(report.ok).toBe(false);
    expect(failedChecks(report)).toEqual([
      ["list-sessions/list", ["schema check"]],
      ["session-lifecycle/cancel", ["schema check"]],
      ["create-untitled/create-untitled", ["success criteria check"]],
      ["unknown-id/fork-unknown", ["success criteria check", "success criteria check", "status code check"]],
      ["unknown-id/cancel-unknown", ["success criteria check", "success criteria check", "schema check"]],
      ["unknown-id/delete-unknown", ["success criteria check", "success criteria check", "status code check"]],
    ]);
  });

  it("names data: null for an empty list, with what the server really sent", () => {
    expect(problemAt(report, "list")).toMatchObject({
      request: "GET /api/sessions",
      answer: '200 {"data":null}',
      failed: [{ check: "schema check", detail: "TYPE must be array" }],
    });
  });

  it("names the required title: a create the spec allows is refused with 400", () => {
    const problem = problemAt(report, "create-untitled");
    expect(problem?.answer).toMatch(/^400 .*Validation error for field 'title'/);
    expect(problem?.failed).toEqual([{ check: "success criteria check", detail: "$statusCode == 201" }]);
  });

  it("names the 500 internal_error for an unknown id on fork and delete: a status the spec does not document", () => {
    for (const step of ["fork-unknown", "delete-unknown"]) {
      const problem = problemAt(report, step);
      expect(problem?.answer).toMatch(/^500 .*"type":"internal_error"/);
      expect(problem?.failed).toContainEqual({
        check: "status code check",
        detail: "not a status the spec documents for this operation",
      });
    }
  });

  it("names cancel's {status, sessionId}: 200 for an unknown id, and fields the spec does not declare", () => {
    expect(problemAt(report, "cancel-unknown")?.failed[0]).toEqual({
      check: "success criteria check",
      detail: "$statusCode == 404",
    });
    for (const step of ["cancel", "cancel-unknown"]) {
      expect(problemAt(report, step)?.answer).toMatch(/^200 \{"data":\{"status":"cancelled","sessionId":"[^"]+"\}\}$/);
      expect(problemAt(report, step)?.failed).toContainEqual({
        check: "schema check",
        detail: 'UNEVALUATEDPROPERTIES must NOT have unevaluated properties: "status".',
      });
    }
  });

  it("notes what the SDK makes of those answers: data: null becomes [], cancel gains cancelled: true", () => {
    expect(report.notes.map((n) => [n.stepId, n.kind])).toEqual([
      ["list", "sdk tolerance"],
      ["cancel", "sdk tolerance"],
      ["cancel-unknown", "sdk tolerance"],
    ]);
    expect(report.notes[0]?.text).toBe("the server sent data null; mix.sessions.list returns []");
    expect(report.notes[1]?.text).toMatch(
      /"sessionId":"[^"]+"\}; mix\.sessions\.cancelProcessing returns .*"cancelled":true\}$/,
    );
  });

  it("still runs the whole lifecycle, and removes every session it created", async () => {
    const lifecycle = report.steps.filter((s) => s.workflowId === "session-lifecycle");
    expect(lifecycle.map((s) => [s.stepId, s.status])).toEqual([
      ["create", 201],
      ["get", 200],
      ["listed", 200],
      ["fork", 201],
      ["source-unchanged", 200],
      ["cancel", 200],
      ["delete-fork", 204],
      ["delete", 204],
      ["gone", 404],
    ]);
    // The real server's empty list.
    expect(await fetch(`${server.url}/api/sessions`).then((r) => r.json())).toEqual({ data: null });
  });

  it("prints what spec/README.md shows of it, line for line", () => {
    const [example] = sectionBlocks(readme, "## Checking a server against the spec").filter((b) => b.lang === "");
    const shown = (example?.text ?? "").split("\n").filter((line) => line !== "" && !line.includes("..."));
    expect(shown.length).toBeGreaterThan(8);
    const printed = formatReport(report).replaceAll(server.url, "http://127.0.0.1:4010").split("\n");
    for (const line of shown) expect(printed).toContain(line);
  });

  it("the printed report shows Respect's report, each problem and a failing summary", () => {
    const text = formatReport(report);
    expect(text).toContain("Running workflow sessions.arazzo.yaml / session-lifecycle");
    for (const p of report.problems) expect(text).toContain(`PROBLEM ${p.workflowId}/${p.stepId}: ${p.request} -> `);
    expect(text).toMatch(/^FAIL: 6 problems in 20 requests, 12 failed checks \(3 notes\)\.$/m);
  });
});

describe("npm run conformance against a server that follows the spec", () => {
  let server: TestServer;
  let report: Report;

  beforeAll(async () => {
    server = await startMixServer("spec");
    report = await checkConformance(server.url);
  }, 90_000);
  afterAll(() => server?.close());

  it("is clean: no problem, no note", () => {
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toMatch(/^OK: 21 requests, no problem \(0 notes\)\.$/m);
  });

  it("ran every step of every workflow, each checked by Respect", () => {
    expect(report.steps.map((s) => [s.workflowId, s.stepId, s.status])).toEqual([
      ["list-sessions", "list", 200],
      ["session-lifecycle", "create", 201],
      ["session-lifecycle", "get", 200],
      ["session-lifecycle", "listed", 200],
      ["session-lifecycle", "fork", 201],
      ["session-lifecycle", "source-unchanged", 200],
      ["session-lifecycle", "cancel", 200],
      ["session-lifecycle", "delete-fork", 204],
      ["session-lifecycle", "delete", 204],
      ["session-lifecycle", "gone", 404],
      ["create-untitled", "create-untitled", 201],
      ["create-untitled", "delete-untitled", 204],
      ["bad-body", "wrong-type", 400],
      ["bad-body", "unknown-field", 400],
      ["fork-out-of-range", "create-source", 201],
      ["fork-out-of-range", "fork-at-zero", 400],
      ["fork-out-of-range", "delete-source", 204],
      ["unknown-id", "get-unknown", 404],
      ["unknown-id", "fork-unknown", 404],
      ["unknown-id", "cancel-unknown", 404],
      ["unknown-id", "delete-unknown", 404],
    ]);
    for (const step of report.steps) {
      expect(step.checks.map((c) => c.name)).toEqual(
        expect.arrayContaining(["success criteria check", "status code check"]),
      );
      expect(step.checks.every((c) => c.passed)).toBe(true);
    }
  });

  it("left no session behind", async () => {
    const list = await fetch(`${server.url}/api/sessions`).then((r) => r.json());
    expect(list).toEqual({ data: [] });
  });
});

describe("npm run conformance as a command", () => {
  it("refuses to run without a server URL, and contacts nothing", async () => {
    const result = await cli();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run conformance -- <server-url>");
  }, 30_000);

  it("refuses something that is not an http URL", async () => {
    await expect(checkConformance("localhost:8088")).rejects.toThrow(/not an http\(s\) URL/);
  });

  it("prints the report and exits 1 against the realistic server", async () => {
    const server = await startMixServer("real");
    try {
      const result = await cli(server.url);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`Conformance of ${server.url} with spec/openapi.yaml`);
      expect(result.stdout).toMatch(/PROBLEM unknown-id\/delete-unknown: DELETE \/api\/sessions\/[-\w]+ -> 500 /);
      expect(result.stdout).toMatch(/^FAIL: 6 problems in 20 requests/m);
    } finally {
      await server.close();
    }
  }, 90_000);

  it("reports a server that cannot be reached as no answer, in every workflow", async () => {
    const gone = await startMixServer("spec");
    await gone.close();
    const report = await checkConformance(gone.url);
    expect(report.ok).toBe(false);
    expect(new Set(report.steps.map((s) => s.workflowId)).size).toBe(6);
    expect(report.problems).toHaveLength(report.steps.length);
    for (const problem of report.problems) {
      expect(problem.answer).toBe("no answer");
      expect(problem.failed).toEqual([
        { check: "failed network request", detail: "fetch failed (cause: ECONNREFUSED)" },
      ]);
    }
    expect(report.notes).toEqual([]);
  }, 90_000);
});
