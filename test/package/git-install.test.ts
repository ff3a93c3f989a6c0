/**
 * The README's second way to install: a git dependency, which npm builds on install. The
 * README's own command runs in a fresh project, its `<repository URL>` replaced by this
 * clone (`git+file://`) and its ref by the commit checked out: what is tested is what is
 * committed, as with any git dependency. npm installs the repository's devDependencies into its
 * own clone to run the build, from its cache where `npm ci` filled it. An uncommitted change is
 * not in what it installs: commit before running it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, shellCommands } from "../helpers/doc-blocks.ts";
import { run, runGroup } from "../helpers/run.ts";

const documented = shellCommands().filter((c) => c.command.startsWith('npm install "git+'));
let project = "";

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "mix-git-install-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
}, 60_000);

describe("npm install from git, as the README says", () => {
  it("is documented once, with the repository's URL and a ref to fill in", () => {
    expect(documented.map((c) => c.command)).toEqual(['npm install "git+<repository URL>#main"']);
  });

  it("builds the package on install: the client, its types and mix-mock work", { timeout: 300_000 }, async () => {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const spec = `git+file://${root.replace(/\/$/, "")}#${commit}`;
    const npmEnv = { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" };
    // In a process group of its own, killed whole (npm, git, the build) if it outlasts the test.
    await runGroup("npm", ["install", spec], { cwd: project, env: { ...process.env, ...npmEnv }, timeoutMs: 280_000 });

    const installed = join(project, "node_modules/mix-sdk");
    for (const file of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/mix-mock.js", "spec/openapi.yaml"])
      expect(existsSync(join(installed, file)), file).toBe(true);
    expect(existsSync(join(installed, "node_modules")), "no devDependency left in the package").toBe(false);
    const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
    expect(manifest.dependencies["mix-sdk"]).toContain(commit);

    const imported = await run(
      "node",
      ["--input-type=module", "-e", 'import("mix-sdk").then((m) => console.log(typeof m.Mix))'],
      {
        cwd: project,
      },
    );
    expect(imported.trim()).toBe("function");
    expect(await run("npx", ["mix-mock", "--help"], { cwd: project })).toMatch(/^Usage: npx mix-mock/m);
  });
});
