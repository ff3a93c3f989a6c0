import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/prism.ts";
import { spawnMock } from "../helpers/mock-process.ts";
import { run } from "../helpers/run.ts";

/**
 * The frontend recipes of docs/frontend.md, run as a user runs them: test/examples/frontend is
 * copied out of this repository, installs the packed tarball and its own dependencies from npm,
 * and runs its type check, its Vitest component tests, its Playwright tests against `npx
 * mix-mock` and a Vite dev server, its service worker and its Storybook, in Debian's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium).
 */
const source = fileURLToPath(new URL("./frontend/", import.meta.url));
const tarball = inject("tarball");
let work: string;
let app: string;
const env = () => ({
  CI: "1",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  SCARF_ANALYTICS: "false",
  STORYBOOK_DISABLE_TELEMETRY: "1",
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mix-examples-"));
  app = join(work, "frontend");
  cpSync(source, app, { recursive: true, filter: (path) => !path.includes("node_modules") });
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app });
  // As the docs say: MSW's worker script goes into the static folder.
  await run("npx", ["msw", "init", "public", "--save"], { cwd: app });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("the frontend example, installed from the packed tarball", () => {
  it("type-checks: every block the docs show compiles against the installed package", {
    timeout: 120_000,
  }, async () => {
    await expect(run("npx", ["tsc", "-p", "."], { cwd: app })).resolves.toBe("");
  });

  it("passes its Vitest component tests with mix-sdk/mock, the injected error included", {
    timeout: 120_000,
  }, async () => {
    const output = await run("npx", ["vitest", "run"], { cwd: app, env: env() });
    expect(output).toMatch(/Tests\s+3 passed/);
  });

  it("passes its Playwright tests against npx mix-mock, reusing the mock already running", {
    timeout: 180_000,
  }, async () => {
    const mock = spawnMock("npx", ["mix-mock"], { cwd: app, port: await freePort() });
    try {
      const { ports } = await mock.ready();
      const ports2 = { MIX_MOCK_PORT: String(ports[0]), APP_PORT: String(await freePort()) };
      const output = await run("npx", ["playwright", "test", "--reporter=line"], {
        cwd: app,
        env: { ...env(), ...ports2 },
      });
      expect(output).toMatch(/3 passed/);
      // The tests reset the mock this process started, before each of them.
      expect(mock.output().match(/^POST \/__mock\/reset 200 /gm)).toHaveLength(3);
    } finally {
      mock.kill();
    }
  });

  it("passes its Playwright tests of the service worker and of the stories, built", { timeout: 240_000 }, async () => {
    await run("npm", ["run", "build-storybook", "--", "--quiet"], { cwd: app, env: env() });
    const ports = { APP_PORT: String(await freePort()), STORYBOOK_PORT: String(await freePort()) };
    const output = await run("npx", ["playwright", "test", "-c", "playwright.mocked.config.ts", "--reporter=line"], {
      cwd: app,
      env: { ...env(), ...ports },
    });
    expect(output).toMatch(/2 passed/);
  });
});
