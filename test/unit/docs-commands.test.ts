/**
 * The docs' shell commands that run in this checkout (test/helpers/doc-commands.ts): the
 * breaking-change gate's, as written; and those that run for minutes or write into the
 * repository (mutate, soak, bench, timing:slack, the portal's screenshot), with `--help`
 * added, which reads the flags the docs give before it prints the usage.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { fencedBlocks, root, shellCommands } from "../helpers/doc-blocks.ts";
import { rulesFor, withHelp } from "../helpers/doc-commands.ts";

const execFileAsync = promisify(execFile);
const bin = `${root}node_modules/.bin`;
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SCARF_ANALYTICS: "false", REDOCLY_TELEMETRY: "off" };
const scripts = JSON.parse(readFileSync(`${root}package.json`, "utf8")).scripts as Record<string, string>;
type Outcome = { code: number; output: string };

/**
 * `npm run <name> [-- args]` as npm runs it (package.json's command, node_modules/.bin on the
 * PATH; no script here has a pre- or post-script), without npm's own half second per run.
 */
function withoutNpm(line: string): string {
  const [, name = "", args = ""] = /^npm run ([\w:-]+)(?: -- (.*))?$/.exec(line) ?? [];
  if (!name) return line;
  expect(scripts, line).toHaveProperty([name]);
  return `${scripts[name]} ${args}`.trim();
}

/** Runs a command line with bash in the repository's root; resolves whatever its exit code. */
function bash(line: string): Promise<Outcome> {
  const command = withoutNpm(line);
  return execFileAsync("bash", ["-c", command], { cwd: root, env, maxBuffer: 16 << 20, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof e.code === "number" ? e.code : -1,
      output: `${e.stdout ?? ""}${e.stderr ?? ""}`,
    }),
  );
}

/** Runs each line, three at a time (the machine has two cores and other projects run beside). */
async function runAll(lines: string[]): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const queue = [...lines];
  const worker = async () => {
    for (let line = queue.shift(); line !== undefined; line = queue.shift()) outcomes.set(line, await bash(line));
  };
  await Promise.all([worker(), worker(), worker()]);
  return outcomes;
}

const commands = (how: string) => [
  ...new Set(
    shellCommands()
      .filter((c) => rulesFor(c.command)[0]?.how === how)
      .map((c) => c.command),
  ),
];
const gate = commands("run");
const helped = commands("help");

/**
 * One run per script for the "help" commands: the flags of every line that runs it, after one
 * another, then --help (a flag given twice is read twice, the last value kept), so the script's
 * own parser checks each line's flags without a process per line.
 */
const byScript = new Map<string, string[]>();
for (const line of helped) {
  const [script = line, args] = line.split(" -- ");
  byScript.set(script, [...(byScript.get(script) ?? []), ...(args ? [args] : [])]);
}
const helpRuns = [...byScript].map(([script, args]) =>
  withHelp(args.length ? `${script} -- ${args.join(" ")}` : script),
);
let outcomes: Map<string, Outcome>;

beforeAll(async () => {
  outcomes = await runAll([...gate, ...helpRuns]);
}, 150_000);

describe("the gate's commands of spec/README.md, run as written in this checkout", () => {
  it("are the guide's eight (the ninth, without arguments, is CI's own step)", () => {
    expect(gate).toHaveLength(8);
  });

  it("each compare and report: exit 0 or 1 with a verdict, never 2 (could not compare)", () => {
    for (const line of gate) {
      const { code, output } = outcomes.get(line) ?? { code: -1, output: "" };
      expect([0, 1], `${line}\n${output}`).toContain(code);
      expect(output, line).toMatch(
        line.includes("spec:changelog")
          ? /^## \d+\.\d+\.\d+/m
          : /^(OK|FAIL): |: identical\.$|spec:diff: (OK|FAIL)\b|"status"/m,
      );
    }
  });

  it("print, for the fixture pair, what the guide shows after it, line for line", () => {
    const blocks = fencedBlocks("spec/README.md");
    const index = blocks.findIndex((b) => b.lang === "sh" && b.text.includes("replace-operation.yaml"));
    const command = blocks[index]?.text.trim() ?? "";
    const shown = blocks[index + 1];
    expect(shown?.lang).toBe("text");
    expect(outcomes.get(command)?.code).toBe(1);
    expect(outcomes.get(command)?.output).toContain(shown?.text);
  });
});

describe("the commands the docs describe but the tests do not run (the suite, mutate, soak, bench)", () => {
  it("are the ones expected", () => {
    expect(helped.length).toBeGreaterThanOrEqual(10);
    for (const script of ["soak", "mutate", "bench", "bench:stubbed", "bench:instructions", "timing:slack"])
      expect(helped.some((line) => line.startsWith(`npm run ${script}`))).toBe(true);
  });

  it.each(helpRuns)("%s: the script takes the flags of its lines and prints its usage", (run) => {
    const { code, output } = outcomes.get(run) ?? { code: -1, output: "" };
    expect(code, output).toBe(0);
    expect(output).toMatch(/^Usage: /m);
  });
});
