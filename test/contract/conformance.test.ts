import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConformance, formatReport, type Report } from "../../scripts/conformance.ts";
import type { TestServer } from "../helpers/http-server.ts";
import { startMixServer } from "../helpers/mix-servers.ts";
import { runScript } from "../helpers/run.ts";

const cli = (...args: string[]) => runScript("conformance.ts", ...args);

/** The problems of a report as [kind, text] pairs, for exact comparison. */
const problems = (report: Report) => report.problems.map((p) => [p.kind, p.text]);
const stepOf = (report: Report, title: string) => report.steps.findIndex((s) => s.title === title) + 1;

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
    expect(report.problems.map((p) => [p.kind, p.text.split(":")[0]])).toEqual([
      ["response violation", "listSessions"],
      ["unexpected status", "createSession"],
      ["undocumented status", "forkSession"],
      ["unexpected status", "cancelSessionProcessing"],
      ["undocumented status", "deleteSession"],
    ]);
  });

  it("names data: null for an empty list, with what the server really sent", () => {
    expect(problems(report)[0]).toEqual([
      "response violation",
      'listSessions: Response body property data must be array (at response.body.data); the server answered 200 {"data":null}; Prism replaced it with its own 500',
    ]);
    expect(report.problems[0]?.step).toBe(stepOf(report, "list the sessions before creating one"));
  });

  it("names the required title: a create the spec allows is refused with 400", () => {
    const problem = report.problems.find((p) => p.kind === "unexpected status" && p.text.startsWith("createSession"));
    expect(problem?.text).toMatch(
      /^createSession: expected 201, got 400; the server answered 400 .*Validation error for field 'title'/,
    );
    // The check still covers every operation: the titled create worked, and its id was used.
    expect(report.steps.map((s) => s.operation)).toEqual(
      expect.arrayContaining(["list", "create", "get", "fork", "cancelProcessing", "delete"]),
    );
    expect(report.steps.find((s) => s.title === "get the session")?.upstream?.status).toBe(200);
  });

  it("names the 500 internal_error for an unknown id on delete and fork", () => {
    const undocumented = report.problems.filter((p) => p.kind === "undocumented status").map((p) => p.text);
    expect(undocumented).toEqual([
      expect.stringMatching(
        /^forkSession: status 500 is not documented \(the spec lists 201, 400, 404\); .*internal_error/,
      ),
      expect.stringMatching(
        /^deleteSession: status 500 is not documented \(the spec lists 204, 404\); .*internal_error/,
      ),
    ]);
  });

  it("names cancel's {status, sessionId}: 200 for a deleted id, undeclared fields, the SDK's tolerance", () => {
    const step = stepOf(report, "cancel processing in the session");
    const notes = report.notes.filter((n) => n.step === step).map((n) => [n.kind, n.text]);
    expect(notes).toEqual([
      [
        "sdk tolerance",
        expect.stringMatching(/"status":"cancelled","sessionId":"[^"]+"}; the SDK returns .*"cancelled":true}$/),
      ],
      ["undeclared fields", expect.stringContaining("data has fields the spec does not declare: status, sessionId")],
    ]);
    const deleted = report.problems.find((p) => p.text.startsWith("cancelSessionProcessing"));
    expect(deleted).toMatchObject({ step: stepOf(report, "cancel processing in the deleted session") });
    expect(deleted?.text).toMatch(/^cancelSessionProcessing: expected 404, got 200; .*"status":"cancelled"/);
  });

  it("notes that the SDK turns the server's data: null into []", () => {
    expect(report.notes).toContainEqual({
      step: 1,
      kind: "sdk tolerance",
      text: "listSessions: the server sent data null; the SDK returns []",
    });
  });

  it("the server only ever received requests the spec allows", () => {
    const bodies = server.requests.filter((r) => r.body !== "").map((r) => Object.keys(JSON.parse(r.body)));
    for (const keys of bodies)
      expect(["title", "workingDirectory", "messageIndex"]).toEqual(expect.arrayContaining(keys));
    expect(server.requests.map((r) => r.method)).not.toContain("PUT");
  });

  it("the printed report shows each problem and a failing summary", () => {
    const text = formatReport(report);
    for (const p of report.problems) expect(text).toContain(`PROBLEM ${p.kind}: ${p.text}`);
    expect(text).toMatch(
      /^FAIL: 5 problems in 13 requests \(1 response violation, 2 unexpected statuses, 2 undocumented statuses; 5 notes\)\.$/m,
    );
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
    expect(formatReport(report)).toMatch(/^OK: 12 requests, no problem \(0 notes\)\.$/m);
  });

  it("called every operation, each answered with the status the spec gives it", () => {
    expect(report.steps.map((s) => [s.operation, s.upstream?.status])).toEqual([
      ["list", 200],
      ["create", 201],
      ["get", 200],
      ["list", 200],
      ["fork", 201],
      ["cancelProcessing", 200],
      ["delete", 204],
      ["delete", 204],
      ["get", 404],
      ["fork", 404],
      ["cancelProcessing", 404],
      ["delete", 404],
    ]);
    for (const step of report.steps) expect(step.exchange?.violations).toEqual([]);
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
      expect(result.stdout).toContain("PROBLEM undocumented status: deleteSession: status 500 is not documented");
      expect(result.stdout).toMatch(/^FAIL: 5 problems in 13 requests/m);
    } finally {
      await server.close();
    }
  }, 90_000);

  it("reports a server that cannot be reached as no answer, for every step", async () => {
    const gone = await startMixServer("spec");
    await gone.close();
    const report = await checkConformance(gone.url);
    expect(report.ok).toBe(false);
    expect(report.steps.length).toBeGreaterThanOrEqual(12);
    expect(report.problems.filter((p) => p.kind === "no answer")).toHaveLength(report.steps.length);
    expect(report.problems[0]?.text).toMatch(/^listSessions: the server could not be reached: .*ECONNREFUSED/);
  }, 90_000);
});
