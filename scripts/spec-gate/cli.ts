/**
 * The gate's commands, as `npm run` starts them (through run.mjs, which passes the repository):
 *
 *   npm run spec:diff                     spec/openapi.yaml against the last released spec
 *                                         (spec/released/) and against the previous commit
 *   npm run spec:diff -- <base> [head]    against one base: a file, or a git ref whose
 *                                         spec/openapi.yaml is read (or `<ref>:<path>`)
 *   npm run spec:diff -- --format markdown|json ...   a pull request comment, or JSON
 *   npm run spec:changelog [-- <base> [head]]   a spec/CHANGELOG.md section drafted from the
 *                                         comparison with the last released spec (or <base>)
 *   npm run spec:release                  records spec/openapi.yaml as released (release.ts)
 *
 * Exit code of spec:diff: 0 no breaking change (or each one allowed by a new major version),
 * 1 a breaking change, 2 could not compare (a base that cannot be found, a shallow clone without
 * the previous commit, an unreadable spec, a wrong argument).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type GateRun, specAgainstRelease, specDiff, specFile, specGate } from "./compare.ts";
import { recordRelease } from "./release.ts";
import { changelogReport } from "./report/changelog.ts";
import { jsonReport } from "./report/json.ts";
import { markdownReport } from "./report/markdown.ts";
import { textReport } from "./report/text.ts";

const formats = { text: textReport, markdown: markdownReport, json: jsonReport };

/** How a command prints: one string, written with a final newline. */
export type Print = (text: string) => void;

const usage = `usage: spec:diff [--format text|markdown|json] [<base> [<head>]]
       spec:changelog [<base> [<head>]]
       spec:release`;

function gateRun(positionals: string[], repo: string): Promise<GateRun> {
  const [base, head = join(repo, specFile)] = positionals;
  return base === undefined ? specGate(head, repo) : specDiff(base, head, repo);
}

async function diffCommand(args: string[], repo: string, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string" } } });
  const format = values.format ?? "text";
  if (!(format in formats) || positionals.length > 2) throw new UsageError(`unknown format or extra argument`);
  const run = await gateRun(positionals, repo);
  print(formats[format as keyof typeof formats](run).join("\n"));
  return run.exitCode;
}

async function changelogCommand(args: string[], repo: string, print: Print): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 2) throw new UsageError("extra argument");
  const [base, head = join(repo, specFile)] = positionals;
  const run = base === undefined ? await specAgainstRelease(head, repo) : await specDiff(base, head, repo);
  const section = changelogReport(run);
  print(section.join("\n"));
  // A draft is printed whatever the verdict; only a comparison that could not be made fails.
  return run.exitCode === 2 ? 2 : 0;
}

class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Runs one command (`diff`, `changelog` or `release`) in `repo`; resolves with the exit code. */
export async function main(args: string[], repo: string, print: Print = console.log): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === "diff") return await diffCommand(rest, repo, print);
    if (command === "changelog") return await changelogCommand(rest, repo, print);
    if (command === "release" && rest.length === 0) {
      const { exitCode, lines } = await recordRelease(repo);
      print(lines.join("\n"));
      return exitCode;
    }
    throw new UsageError(`unknown command ${command ?? "(none)"}`);
  } catch (error) {
    const usageProblem = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(`spec:${command ?? "diff"}: ${(error as Error).message}${usageProblem ? `\n${usage}` : ""}`);
    return 2;
  }
}
