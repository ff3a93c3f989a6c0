/**
 * `npm run conformance -- <server-url>`: checks a running server against spec/openapi.yaml.
 *
 * The SDK calls all six operations (create, get, list, fork, cancel, delete, then calls on the
 * deleted id) through `prism proxy --errors`, which validates every request and response
 * against the spec. Between Prism and the server sits a small recording tap, so the report
 * can show what the server itself sent even when Prism replaced its answer with an error.
 * Nothing is contacted unless a URL is given. Exit code: 0 conforms, 1 problems, 2 usage.
 */
import { fileURLToPath } from "node:url";
import {
  excerpt,
  type Note,
  notesOf,
  type Problem,
  problemsOf,
  type SpecFacts,
  specFacts,
} from "./lib/conformance-report.ts";
import { type Outcome, runSteps, type StepRecord } from "./lib/conformance-steps.ts";
import { startPrism } from "./lib/prism.ts";
import { loadSpec, specPath } from "./lib/spec.ts";
import { startTap } from "./lib/tap.ts";

/** The result of a conformance check. */
export type Report = {
  serverURL: string;
  steps: StepRecord[];
  /** Each way the server violates the spec; any problem fails the check. */
  problems: Problem[];
  /** Allowed by the spec but worth knowing: the SDK's tolerance at work, undeclared fields. */
  notes: Note[];
  ok: boolean;
};

/** Options for `checkConformance`. */
export type ConformanceOptions = {
  /** The spec to check against (default spec/openapi.yaml). */
  spec?: string;
  /** Receives each line Prism prints. */
  onPrismLine?: (line: string) => void;
};

/** Refuses anything but an absolute http(s) URL. */
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
  return url.href;
}

/**
 * Checks the server at `serverURL` against the spec: starts a tap and Prism proxy on 127.0.0.1,
 * drives the SDK through them, and stops both before it returns.
 */
export async function checkConformance(serverURL: string, options: ConformanceOptions = {}): Promise<Report> {
  const url = checkedServerURL(serverURL);
  const facts: SpecFacts = specFacts(loadSpec(options.spec ?? specPath));
  const tap = await startTap(url);
  try {
    const prism = await startPrism({
      mode: "proxy",
      upstream: tap.url,
      spec: options.spec,
      onLine: options.onPrismLine,
    });
    try {
      const steps = await runSteps(prism.url, tap);
      const problems = steps.flatMap((step, i) => problemsOf(step, i + 1, facts));
      const notes = steps.flatMap((step, i) => notesOf(step, i + 1, facts));
      return { serverURL, steps, problems, notes, ok: problems.length === 0 };
    } finally {
      await prism.stop();
    }
  } finally {
    await tap.close();
  }
}

function shownOutcome(outcome: Outcome): string {
  if (!outcome.ok)
    return `threw ${outcome.name}${outcome.status ? ` (${outcome.status})` : ""}: ${excerpt(outcome.message, 120)}`;
  return outcome.value === undefined ? "returned nothing" : `returned ${excerpt(JSON.stringify(outcome.value), 120)}`;
}

function stepLines(step: StepRecord, index: number, report: Report): string[] {
  const { exchange, upstream } = step;
  const request = exchange ? `${exchange.method} ${new URL(exchange.url).pathname}` : "(nothing sent)";
  const server = upstream ? (upstream.status ?? "no answer") : "not forwarded";
  const prism = exchange && exchange.status !== upstream?.status ? `, Prism ${exchange.status}` : "";
  const lines = [`${index}. ${step.title}`, `   ${request} -> server ${server}${prism} (expected ${step.expected})`];
  for (const p of report.problems.filter((p) => p.step === index)) lines.push(`   PROBLEM ${p.kind}: ${p.text}`);
  for (const n of report.notes.filter((n) => n.step === index)) lines.push(`   note (${n.kind}): ${n.text}`);
  lines.push(`   SDK through Prism: ${shownOutcome(step.viaPrism)}`);
  return lines;
}

/** The report as readable text: one block per request, then a summary line. */
export function formatReport(report: Report): string {
  const lines = [
    `Conformance of ${report.serverURL} with spec/openapi.yaml`,
    "(the SDK -> prism proxy --errors -> a recording tap -> the server)",
    "",
  ];
  for (const [i, step] of report.steps.entries()) lines.push(...stepLines(step, i + 1, report), "");
  const counts = new Map<string, number>();
  for (const p of report.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const plural = (kind: string, n: number) => (n === 1 ? kind : kind.replace(/status$/, "statuse").concat("s"));
  const kinds = [...counts].map(([kind, n]) => `${n} ${plural(kind, n)}`).join(", ");
  const notes = `${report.notes.length} note${report.notes.length === 1 ? "" : "s"}`;
  lines.push(
    report.ok
      ? `OK: ${report.steps.length} requests, no problem (${notes}).`
      : `FAIL: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} in ${report.steps.length} requests (${kinds}; ${notes}).`,
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
