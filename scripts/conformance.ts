/**
 * `npm run conformance -- <server-url>`: checks a running server against spec/openapi.yaml.
 *
 * Redocly Respect runs the workflows of spec/sessions.arazzo.yaml against the server: each
 * step's success criteria, and every answer's status, content type and body against the spec.
 * Then the SDK check replays each successful answer through the SDK (scripts/lib/conformance-
 * sdk.ts says why Respect cannot). Nothing is contacted unless a URL is given.
 * Exit code: 0 conforms, 1 problems, 2 usage or a check that could not run.
 */
import { fileURLToPath } from "node:url";
import { loadArazzo } from "./lib/arazzo.ts";
import { type RespectCheck, type RespectStep, runRespect } from "./lib/conformance-respect.ts";
import { excerpt, type Note, sdkNotes } from "./lib/conformance-sdk.ts";

/** A step that failed Respect's checks: the server does not do what the workflows and the spec say. */
export type Problem = {
  workflowId: string;
  stepId: string;
  /** For example `POST /api/sessions/{id}/fork`, with the id the step used. */
  request: string;
  /** What the server answered, cut to one line. */
  answer: string;
  /** Each failed check: its name, and the criterion or Respect's first line on it. */
  failed: { check: string; detail: string }[];
};

/** The result of a conformance check. */
export type Report = {
  serverURL: string;
  /** Respect's own report, as it printed it. */
  respectOutput: string;
  /** Every step Respect ran, in order, with the server's answer and the checks. */
  steps: RespectStep[];
  /** Each failed check; any problem fails the check. */
  problems: Problem[];
  /** What the SDK makes of the server's successful answers, where it differs from `data`. */
  notes: Note[];
  ok: boolean;
};

/** Refuses anything but an absolute http(s) URL; returns it without a trailing slash. */
export function checkedServerURL(value: string | undefined): string {
  let url: URL;
  try {
    url = new URL(value ?? "");
  } catch {
    throw new Error(
      `conformance: give the server's URL, for example http://127.0.0.1:8088 (got ${JSON.stringify(value ?? "")})`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`conformance: ${value} is not an http(s) URL`);
  return url.href.replace(/\/+$/, "");
}

function answerOf(step: RespectStep): string {
  if (step.status === undefined) return "no answer";
  // Respect leaves the body out of its log when resolving the step's outputs failed.
  return step.body === undefined ? `${step.status}` : `${step.status} ${excerpt(step.body)}`;
}

function detailOf(check: RespectCheck): string {
  if (check.condition) return check.condition;
  const first = check.message.split("\n").find((line) => line.trim() !== "");
  if (first) return excerpt(first.trim(), 200);
  return check.name === "status code check" ? "not a status the spec documents for this operation" : "";
}

function problemOf(step: RespectStep): Problem[] {
  const failed = step.checks.filter((check) => !check.passed && check.severity === "error");
  if (failed.length === 0) return [];
  const { workflowId, stepId, method, url } = step;
  const request = `${method} ${url ? new URL(url).pathname : "(not sent)"}`;
  return [
    {
      workflowId,
      stepId,
      request,
      answer: answerOf(step),
      failed: failed.map((c) => ({ check: c.name, detail: detailOf(c) })),
    },
  ];
}

/** Checks the server at `serverURL`: runs Respect on the workflows, then the SDK check. */
export async function checkConformance(serverURL: string): Promise<Report> {
  const url = checkedServerURL(serverURL);
  const respect = await runRespect(url);
  const problems = respect.steps.flatMap(problemOf);
  const notes = await sdkNotes(loadArazzo(), respect.steps);
  // Respect's exit code also counts what its log may not show, such as a workflow it could not start.
  const ok = respect.exitCode === 0 && problems.length === 0;
  return { serverURL: url, respectOutput: respect.output, steps: respect.steps, problems, notes, ok };
}

function problemLines(p: Problem): string[] {
  const head = `  PROBLEM ${p.workflowId}/${p.stepId}: ${p.request} -> ${p.answer}`;
  return [head, ...p.failed.map((f) => `    failed ${f.check}${f.detail ? `: ${f.detail}` : ""}`)];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The report as text: Respect's own report, then each problem and note, then a summary line. */
export function formatReport(report: Report): string {
  const lines = [report.respectOutput.trimEnd(), "", `Conformance of ${report.serverURL} with spec/openapi.yaml`];
  for (const p of report.problems) lines.push(...problemLines(p));
  for (const n of report.notes) lines.push(`  note (${n.kind}) ${n.workflowId}/${n.stepId}: ${n.text}`);
  const requests = plural(report.steps.length, "request");
  const notes = plural(report.notes.length, "note");
  const checks = plural(
    report.problems.reduce((sum, p) => sum + p.failed.length, 0),
    "failed check",
  );
  lines.push(
    report.ok
      ? `OK: ${requests}, no problem (${notes}).`
      : `FAIL: ${plural(report.problems.length, "problem")} in ${requests}, ${checks} (${notes}).`,
  );
  return lines.join("\n");
}

const usage = "usage: npm run conformance -- <server-url>   (for example http://127.0.0.1:8088)";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length !== 1 || args[0] === "--help" || args[0] === "-h") {
    console.error(`${usage}\nNothing is contacted without a URL.`);
    process.exitCode = 2;
  } else {
    checkConformance(args[0] ?? "").then(
      (report) => {
        console.log(formatReport(report));
        process.exitCode = report.ok ? 0 : 1;
      },
      (error: Error) => {
        console.error(error.message);
        process.exitCode = 2;
      },
    );
  }
}
