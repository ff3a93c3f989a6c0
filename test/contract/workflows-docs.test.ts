/**
 * The shell blocks of spec/README.md's "Checking a server against the spec", run as written
 * against the stateful mock started as a real process on a free port: the conformance check
 * (Redocly Respect and the SDK check), Respect alone, the portal's Postman collection through
 * newman, and a new workflow added as the section says. Only the mock's URL in the blocks is
 * changed, to this mock's.
 */
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCodeSamples } from "../../scripts/lib/code-samples.ts";
import { postmanCollection } from "../../scripts/lib/postman.ts";
import { freePort } from "../../scripts/lib/prism.ts";
import { arazzoPath, loadSpec } from "../../scripts/lib/spec.ts";
import { startMixServer } from "../helpers/mix-servers.ts";
import { type MockProcess, mockScript, spawnMock } from "../helpers/mock-process.ts";
import { sectionBlocks } from "../helpers/readme-blocks.ts";
import { runGroup } from "../helpers/run.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const blocks = sectionBlocks(join(root, "spec/README.md"), "## Checking a server against the spec");
const shell = blocks.filter((b) => b.lang === "sh").map((b) => b.text);
const [conformanceBlock, respectBlock, newmanBlock, addBlock] = shell;
const workflowBlock = blocks.find((b) => b.lang === "yaml")?.text ?? "";
const documentedURL = "http://127.0.0.1:4010";
const env = { ...process.env, SCARF_ANALYTICS: "false", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" };

let mock: MockProcess;
let url: string;

/** Runs a block of the README with bash, in `cwd`, against this test's mock. */
async function runBlock(block: string | undefined, cwd = root): Promise<string> {
  expect(block).toContain(documentedURL);
  const { stdout, stderr } = await runGroup("bash", ["-e", "-c", (block ?? "").replaceAll(documentedURL, url)], {
    cwd,
    env,
    timeoutMs: 80_000,
  });
  return `${stdout}${stderr}`;
}

/** newman's summary row, for example `assertions │ 60 │ 0`: executed and failed. */
function newmanRow(output: string, row: string): [number, number] {
  const match = new RegExp(`${row}\\s*│\\s*(\\d+)\\s*│\\s*(\\d+)`).exec(output);
  return [Number(match?.[1] ?? Number.NaN), Number(match?.[2] ?? Number.NaN)];
}

beforeAll(async () => {
  mock = spawnMock("node", mockScript([]), { port: await freePort() });
  url = (await mock.ready()).url;
}, 90_000);
afterAll(() => mock?.kill());

describe("spec/README.md's workflows, run as written against the stateful mock", () => {
  it("has the blocks this test runs: four to run, one workflow to add", () => {
    expect(shell).toHaveLength(4);
    expect(workflowBlock).toMatch(/^ {2}- workflowId: fork-with-title\n/);
  });

  it("npm run conformance passes: Respect runs every workflow green, the SDK check notes nothing", async () => {
    const output = await runBlock(conformanceBlock);
    expect(output).toContain("Workflows: 6 passed, 6 total");
    expect(output).toMatch(/^OK: 21 requests, no problem \(0 notes\)\.$/m);
  }, 90_000);

  it("Respect alone runs every workflow green", async () => {
    const output = await runBlock(respectBlock);
    expect(output).toMatch(/Steps: 21 passed, 21 total\s+Checks: (\d+) passed, \1 total/);
  }, 90_000);

  it("newman runs the portal's collection green: every request, every test", async () => {
    const output = await runBlock(newmanBlock);
    expect(newmanRow(output, "requests")).toEqual([21, 0]);
    const [assertions, failed] = newmanRow(output, "assertions");
    expect(failed).toBe(0);
    // Each request tests at least its status and its shape.
    expect(assertions).toBeGreaterThanOrEqual(2 * 21);
  }, 90_000);

  it("a workflow added as the section says lints clean and runs green", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mix-arazzo-add-"));
    try {
      // A copy of the repository's parts the two commands use, with the workflow added.
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
      cpSync(join(root, "scripts"), join(dir, "scripts"), { recursive: true });
      for (const file of ["package.json", "redocly.yaml"]) copyFileSync(join(root, file), join(dir, file));
      mkdirSync(join(dir, "spec"));
      copyFileSync(join(root, "spec/openapi.yaml"), join(dir, "spec/openapi.yaml"));
      const arazzo = readFileSync(arazzoPath, "utf8").replace(/^components:$/m, `${workflowBlock}components:`);
      writeFileSync(join(dir, "spec/sessions.arazzo.yaml"), arazzo);
      const output = await runBlock(addBlock, dir);
      expect(output).toContain("Woohoo! Your API descriptions are valid.");
      expect(output).toContain("Running workflow sessions.arazzo.yaml / fork-with-title");
      expect(output).toContain('✓ success criteria check - $response.body#/data/title == "Second attempt"');
      expect(output).toMatch(/Workflows: 1 passed, 1 total\s+Steps: 4 passed, 4 total/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("the Postman collection's tests", () => {
  it("fail where a server behaves like the real Mix server", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mix-postman-"));
    const server = await startMixServer("real");
    try {
      const file = join(dir, "collection.json");
      writeFileSync(file, JSON.stringify(await postmanCollection(addCodeSamples(loadSpec()))));
      const report = join(dir, "newman.json");
      const args = ["run", file, "--env-var", `baseUrl=${server.url}`, "--reporters", "json"];
      const newman = join(root, "node_modules/newman/bin/newman.js");
      await expect(
        runGroup(process.execPath, [newman, ...args, "--reporter-json-export", report], { env }),
      ).rejects.toThrow(/exited with 1/);
      const { run } = JSON.parse(readFileSync(report, "utf8")) as {
        run: { failures: { source: { name: string }; error: { test: string } }[] };
      };
      const failed = run.failures.map((f) => `${f.source.name} | ${f.error.test}`);
      expect(failed).toEqual(
        expect.arrayContaining([
          "List the sessions. | the body has the spec's shape for a 200",
          "Create a session with a working directory and no title. | status is 201",
          "Fork a session that does not exist: 404. | status is 404",
          "Cancel processing in a session that does not exist: 404. | status is 404",
          "Delete a session that does not exist: 404. | status is 404",
        ]),
      );
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
