import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { installExample } from "../helpers/example-project.ts";
import { run } from "../helpers/run.ts";

/**
 * The TanStack Query recipe of docs/frontend.md, run as a user runs it: test/examples/
 * tanstack-query installs the packed tarball and its own dependencies from npm, type-checks,
 * and runs its React Testing Library tests against mix-sdk/mock.
 */
let work = "";
let project = "";

beforeAll(async () => {
  ({ work, project } = await installExample("tanstack-query", inject("tarball")));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the TanStack Query example, installed from the packed tarball", () => {
  it("type-checks: every block the docs show compiles against the installed package", async () => {
    await expect(run("npx", ["tsc", "-p", "."], { cwd: project })).resolves.toBe("");
  });

  it("passes its tests: list, create, delete and a 404 against mix-sdk/mock, and the keys", async () => {
    const output = await run("npx", ["vitest", "run"], { cwd: project, env: { CI: "1", NO_COLOR: "1" } });
    expect(output).toMatch(/Tests\s+5 passed \(5\)/);
  });
});
