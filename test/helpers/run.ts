import { execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Runs a command and resolves with its output; rejects with the output when it fails. */
export async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 16 << 20,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

/** How a script ended: its exit code and what it printed. */
export type ScriptResult = { code: number; stdout: string; stderr: string };

/**
 * Runs one of the repository's scripts (`scripts/<name>`) with tsx, as `npm run` would, with
 * Prism's and Redocly's telemetry off. Resolves whatever the exit code, for tests of the code.
 */
export function runScript(name: string, ...args: string[]): Promise<ScriptResult> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const script = fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));
  return execFileAsync(process.execPath, [tsx, script, ...args], {
    env: { ...process.env, SCARF_ANALYTICS: "false", REDOCLY_TELEMETRY: "off" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: ScriptResult) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** What a command printed; on a rejection, the error carries the same fields. */
export type GroupOutput = { stdout: string; stderr: string };

/**
 * Runs a command in a process group of its own, so that what it starts (npm's shell, tsx,
 * Prism) can be stopped with it. Resolves with its output once it exits with 0. Rejects, with
 * the output on the error, when it exits otherwise or runs past `timeoutMs` (default 60 s; keep
 * it under the test's timeout); either way the whole group is SIGKILLed, so nothing it started
 * outlives it.
 */
export function runGroup(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<GroupOutput> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
  const output: GroupOutput = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => {
    output.stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output.stderr += chunk;
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group has no process left.
    }
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(Object.assign(new Error(`${command} ${message}`), output));
    const timer = setTimeout(() => {
      killGroup();
      fail(`timed out after ${timeoutMs} ms`);
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      killGroup();
      if (code === 0) resolve(output);
      else fail(`exited with ${code ?? signal}:\n${output.stdout}${output.stderr}`);
    });
  });
}
