/**
 * The README's project, and the docs' commands that run in a user's project
 * (test/helpers/doc-commands.ts, "consumer"), run as a user runs them: test/examples/readme is
 * copied out of this repository and installs the packed tarball with the README's own command;
 * one tsc type-checks every TypeScript block of the README against it and emits them; `npx
 * mix-mock` serves the API; the quick start runs with `npx tsx` and the other blocks with
 * Node. Then each `npx mix-mock` command line of the docs starts (or, needing Prism, says so)
 * and each curl line gets its answer. Only ports and the tarball's path are changed.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root, shellCommands } from "../helpers/doc-blocks.ts";
import { rulesFor } from "../helpers/doc-commands.ts";
import { type MockProcess, spawnMock } from "../helpers/mock-process.ts";

const execFileAsync = promisify(execFile);
const documentedURL = "http://127.0.0.1:4010";
const consumer = [
  ...new Set(
    shellCommands()
      .filter((c) => rulesFor(c.command)[0]?.how === "consumer")
      .map((c) => c.command),
  ),
];
const command = (pattern: RegExp) => consumer.filter((line) => pattern.test(line));
let work = "";
let project = "";
let mock: MockProcess;
let url = "";

type Ran = { code: number; stdout: string; output: string };

/** Runs a command line with bash in the project; resolves with its exit code, its stdout, and all it printed. */
function bash(line: string, timeout = 60_000): Promise<Ran> {
  const env = { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1" };
  return execFileAsync("bash", ["-c", line], { cwd: project, env, timeout }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, output: `${stdout}${stderr}` }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof e.code === "number" ? e.code : -1,
      stdout: e.stdout ?? "",
      output: `${e.stdout ?? ""}${e.stderr ?? ""}`,
    }),
  );
}

/** Points a file of the project at this test's mock: the one change made to a block. */
function againstMock(file: string): void {
  const text = readFileSync(join(project, file), "utf8");
  expect(text, file).toContain(documentedURL);
  writeFileSync(join(project, file), text.replaceAll(documentedURL, url));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mix-readme-"));
  project = join(work, "readme");
  cpSync(join(root, "test/examples/readme"), project, { recursive: true });
  const tarball = inject("tarball");
  const [install] = command(/^npm install /);
  expect(install?.endsWith(`/${basename(tarball)}`), `${install} names ${basename(tarball)}`).toBe(true);
  const installed = await bash((install ?? "").replace(/\S+\.tgz$/, tarball), 120_000);
  expect(installed.code, installed.output).toBe(0);
  // The README's `npx tsx`: this repository's pinned tsx, where npx finds it, instead of a download.
  mkdirSync(join(project, "node_modules/.bin"), { recursive: true });
  symlinkSync(join(root, "node_modules/tsx"), join(project, "node_modules/tsx"));
  symlinkSync("../tsx/dist/cli.mjs", join(project, "node_modules/.bin/tsx"));
  mock = spawnMock("npx", ["mix-mock"], { cwd: project });
  url = (await mock.ready()).url;
}, 180_000);

afterAll(() => {
  mock?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What each block of the README prints against the mock, reset to its seed first. */
const printed: Record<string, RegExp> = {
  "quick-start": /^[0-9a-f-]{36} \d{4}-\d\d-\d\dT\S+$/,
  operations: /^2 Write release notes Second attempt true$/,
  errors: /^not_found Session with ID '0b7e3a52-5d1c-4f0e-9a6b-2c8d4e6f8a10' not found$/,
  retries: /^Write release notes$/,
  abort: /^aborted: the user left the page$/,
  logging: /^\[mix\] GET http:\/\/127\.0\.0\.1:\d+\/api\/sessions -> 200 \(\d+ ms\)$/,
  raw: /^404 not_found$/,
};

describe("the README's blocks, installed from the packed tarball", () => {
  it("type-check as one project, every block of the README a file of it", async () => {
    const files = readdirSync(project).filter((name) => name.endsWith(".ts"));
    expect(files.map((name) => name.replace(/\.ts$/, "")).sort()).toEqual(Object.keys(printed).sort());
    const tsc = await bash(`${join(root, "node_modules/.bin/tsc")} -p .`, 120_000);
    expect(tsc.code, tsc.output).toBe(0);
  });

  it("the quick start runs as the README says, with npx tsx, against npx mix-mock", async () => {
    const [run] = command(/^npx tsx /);
    againstMock("quick-start.ts");
    await fetch(`${url}/__mock/reset`, { method: "POST" }).then((r) => r.arrayBuffer());
    const { code, stdout, output } = await bash(run ?? "");
    expect(code, output).toBe(0);
    expect(stdout.trim(), output).toMatch(printed["quick-start"] ?? /$^/);
  });

  it.each(Object.keys(printed).filter((name) => name !== "quick-start"))(
    "%s runs and prints what it says",
    async (name) => {
      againstMock(`out/${name}.js`);
      await fetch(`${url}/__mock/reset`, { method: "POST" }).then((r) => r.arrayBuffer());
      const { code, stdout, output } = await bash(`node out/${name}.js`);
      expect(code, output).toBe(0);
      expect(stdout.trim(), output).toMatch(printed[name] ?? /$^/);
    },
  );
});

// Concurrent: each starts a process of its own, or waits on the mock.
describe.concurrent("the docs' commands that run in a user's project", () => {
  it.each(command(/^npx mix-mock/))("%s starts, or says what it needs", async (line) => {
    const args = line
      .replace(/^npx /, "")
      .replace(/ --port \d+/, "")
      .split(" ");
    const started = spawnMock("npx", args, { cwd: project });
    try {
      if (!/--(stateless|dynamic)\b/.test(line)) {
        expect((await started.ready()).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        return;
      }
      // Prism alone: this project installed mix-sdk only, as `npm install <tarball>` does.
      const code = await new Promise((resolve) => started.child.once("exit", resolve));
      expect(code).toBe(2);
      expect(started.output()).toContain("npm install --save-dev @stoplight/prism-cli@5");
    } finally {
      started.kill();
    }
  });

  it.each(command(/^curl /))("%s gets the API's envelope of the status it asks for", async (line) => {
    const asked = Number(/code=(\d+)/.exec(line)?.[1]);
    const { code, stdout, output } = await bash(line.replace(documentedURL, url));
    expect(code, output).toBe(0);
    expect(JSON.parse(stdout).error, stdout).toMatchObject({ code: asked, type: expect.any(String) });
  });
});
