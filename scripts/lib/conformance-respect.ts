/**
 * Runs `redocly respect` on the Arazzo workflows against a server and reads back what it did:
 * every step with its request, the server's answer and Respect's checks (the JSON log that
 * `--json-output` writes).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { arazzoPath } from "./spec.ts";

const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const root = fileURLToPath(new URL("../../", import.meta.url));

/** One of Respect's checks on a step: success criteria, status code, content type, schema, network. */
export type RespectCheck = { name: string; passed: boolean; severity: string; condition?: string; message: string };

/** One step as Respect ran it. `status` and `body` are the server's answer, when there was one. */
export type RespectStep = {
  workflowId: string;
  stepId: string;
  method: string;
  url: string;
  requestBody?: unknown;
  status?: number;
  body?: unknown;
  checks: RespectCheck[];
};

/** A run of Respect: its exit code, its own printed report, and the steps it ran, in order. */
export type RespectRun = { exitCode: number; output: string; steps: RespectStep[] };

type LoggedStep = {
  type: "step" | "workflow";
  stepId?: string;
  workflowId: string;
  request?: { method: string; url: string; body?: unknown };
  response?: { statusCode?: number; body?: unknown };
  checks?: RespectCheck[];
  executedSteps?: LoggedStep[];
};

/** The log nests the steps a `goto` ran as a workflow of their own; this flattens them in run order. */
function flatten(steps: LoggedStep[]): RespectStep[] {
  return steps.flatMap((step): RespectStep[] => {
    if (step.type === "workflow") return flatten(step.executedSteps ?? []);
    const status = step.response?.statusCode;
    return [
      {
        workflowId: step.workflowId,
        stepId: step.stepId ?? "",
        method: (step.request?.method ?? "").toUpperCase(),
        url: step.request?.url ?? "",
        requestBody: step.request?.body,
        // Respect logs status 0 when no answer came.
        ...(status ? { status, body: step.response?.body } : {}),
        checks: step.checks ?? [],
      },
    ];
  });
}

function readLog(path: string): RespectStep[] {
  const log = JSON.parse(readFileSync(path, "utf8")) as {
    files: Record<string, { executedWorkflows: LoggedStep[] }>;
  };
  return Object.values(log.files).flatMap((file) => flatten(file.executedWorkflows));
}

function run(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyBin, ...args], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}

/**
 * Runs every workflow of `arazzo` (default spec/sessions.arazzo.yaml) against `serverURL` with
 * `redocly respect`, from the repository root, and returns what it printed and logged.
 */
export async function runRespect(serverURL: string, arazzo: string = arazzoPath): Promise<RespectRun> {
  const dir = mkdtempSync(join(tmpdir(), "mix-respect-"));
  try {
    const log = join(dir, "respect.json");
    const args = ["respect", relative(root, arazzo), "--server", `mix=${serverURL}`, "--json-output", log];
    const { exitCode, stdout, stderr } = await run(args);
    let steps: RespectStep[];
    try {
      steps = readLog(log);
    } catch {
      throw new Error(`redocly respect wrote no log (exit code ${exitCode}):\n${stdout}${stderr}`);
    }
    return { exitCode, output: stdout, steps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
