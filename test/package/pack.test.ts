import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  strayModules,
  viteEntryBudget,
  vitePackages,
  viteQueryBudget,
  viteSdkCost,
} from "../../scripts/bench/bundle-size.ts";
import { sendJson, startServer, type TestServer } from "../helpers/http-server.ts";
import { installTarball } from "../helpers/packed-package.ts";
import { run } from "../helpers/run.ts";
import { sampleSession } from "../helpers/spec-examples.ts";
import {
  cjsConsumer,
  esmConsumer,
  mockCjsConsumer,
  mockEsmConsumer,
  queryCjsConsumer,
  queryEsmConsumer,
  tsconfig,
  typedConsumer,
} from "./consumer-files.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const tarball = inject("tarball");
let work: string;
let consumer: string;
let server: TestServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mix-consumer-"));
  consumer = join(work, "consumer");
  await installTarball(tarball, consumer);
  // Optional peer dependencies, installed as a user of mix-sdk/mock and mix-sdk/query would: msw
  // as the project pins it, @tanstack/query-core at the oldest version the package accepts.
  const { devDependencies, peerDependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const queryCore = `@tanstack/query-core@${/^>=(\S+)/.exec(peerDependencies["@tanstack/query-core"])?.[1]}`;
  const peers = [`msw@${devDependencies.msw}`, queryCore];
  await run("npm", ["install", ...peers, "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    cwd: consumer,
  });
  server = await startServer((req, res) =>
    req.url.endsWith("/missing")
      ? sendJson(res, 404, { error: { code: 404, message: "Session with ID 'missing' not found", type: "not_found" } })
      : sendJson(res, 200, { data: sampleSession }),
  );
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("passes publint with no suggestion", async () => {
    const output = await run(bin("publint"), ["run", tarball, "--strict"]);
    expect(output).toContain("All good!");
  });

  it("passes are-the-types-wrong for every module resolution", async () => {
    // openapi.yaml is an asset export, not code with types.
    const output = await run(bin("attw"), [tarball, "--exclude-entrypoints", "./openapi.yaml", "--format", "json"]);
    const report = JSON.parse(output.slice(output.indexOf("{")));
    expect(report.analysis.problems ?? []).toEqual([]);
  });

  it("ships dist, the spec and the changelogs, and nothing from src or test", async () => {
    const listing = await run("tar", ["-tzf", tarball]);
    const files = listing.trim().split("\n").sort();
    expect(files).toEqual(
      [
        "package/CHANGELOG.md",
        "package/LICENSE",
        "package/README.md",
        "package/dist/index.browser.js",
        "package/dist/index.cjs",
        "package/dist/index.d.cts",
        "package/dist/index.d.ts",
        "package/dist/index.js",
        "package/dist/mock.cjs",
        "package/dist/mock.d.cts",
        "package/dist/mock.d.ts",
        "package/dist/mix-mock.js",
        "package/dist/mock.js",
        "package/dist/query.cjs",
        "package/dist/query.d.cts",
        "package/dist/query.d.ts",
        "package/dist/query.js",
        "package/dist/raw.cjs",
        "package/dist/raw.d.cts",
        "package/dist/raw.d.ts",
        "package/dist/raw.js",
        "package/package.json",
        "package/spec/CHANGELOG.md",
        "package/spec/openapi.yaml",
      ].sort(),
    );
  });

  it.each([
    ["imported by name from ESM", "consumer.mjs", esmConsumer],
    ["required from CommonJS", "consumer.cjs", cjsConsumer],
  ])("works when %s, against a local server", async (_, file, source) => {
    writeFileSync(join(consumer, file), source);
    const output = await run(process.execPath, [file], { cwd: consumer, env: { SERVER_URL: server.url } });
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "")).toEqual({
      id: sampleSession.id,
      raw: sampleSession.id,
      restError: true,
    });
  });

  it.each([
    ["imported from ESM", "mock-consumer.mjs", mockEsmConsumer],
    ["required from CommonJS", "mock-consumer.cjs", mockCjsConsumer],
  ])("serves mix-sdk/mock's handlers to the SDK through MSW when %s", async (_, file, source) => {
    writeFileSync(join(consumer, file), source);
    const output = await run(process.execPath, [file], { cwd: consumer });
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "")).toEqual({ title: "packed", first: true, stored: 3 });
  });

  it.each([
    ["imported from ESM", "query-consumer.mjs", queryEsmConsumer],
    ["required from CommonJS", "query-consumer.cjs", queryCjsConsumer],
  ])("runs mix-sdk/query with the oldest @tanstack/query-core it accepts, when %s", async (_, file, source) => {
    writeFileSync(join(consumer, file), source);
    const output = await run(process.execPath, [file], { cwd: consumer, env: { SERVER_URL: server.url } });
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "")).toEqual({
      id: sampleSession.id,
      cached: true,
      restError: true,
    });
  });

  it.each(["nodenext", "bundler"] as const)("type-checks a consumer under moduleResolution %s", async (mode) => {
    const dir = join(consumer, `types-${mode}`);
    mkdirSync(dir);
    const files = mode === "nodenext" ? ["consumer.mts", "consumer.cts"] : ["consumer.ts"];
    for (const file of files) writeFileSync(join(dir, file), typedConsumer);
    writeFileSync(join(dir, "tsconfig.json"), tsconfig(mode, files));
    await expect(run(bin("tsc"), ["-p", dir])).resolves.toBe("");
  });

  it.each(vitePackages)(
    "adds at most the budget to a %s app's entry chunk, installed, with nothing but the main entry",
    async (_, vite) => {
      const cost = await viteSdkCost({ from: "package", project: consumer }, vite);
      expect(cost.entry).toBeGreaterThan(1000);
      expect(cost.entry).toBeLessThanOrEqual(viteEntryBudget[vite]);
      const { entryModules, lazyModules } = cost.withSdk;
      expect(lazyModules).toEqual([]);
      // Vite resolves the `browser` export: the build without what only servers read.
      expect(entryModules.filter((module) => module.includes("/node_modules/mix-sdk/"))).toEqual([
        expect.stringMatching(/\/node_modules\/mix-sdk\/dist\/index\.browser\.js$/),
      ]);
      expect(strayModules(entryModules)).toEqual([]);
    },
  );

  it("gives an app that imports mix-sdk/raw one copy of the client: the browser build the raw entry imports", async () => {
    const cost = await viteSdkCost({ from: "package", project: consumer }, "vite", "mix-sdk with mix-sdk/raw");
    const ours = cost.withSdk.entryModules.filter((module) => module.includes("/node_modules/mix-sdk/"));
    expect(ours.map((module) => module.replace(/^.*\/node_modules\/mix-sdk\//, "")).sort()).toEqual([
      "dist/index.browser.js",
      "dist/raw.js",
    ]);
    expect(strayModules(cost.withSdk.entryModules, true)).toEqual([]);
  });

  it("gives an app that imports mix-sdk/query one copy of the client, and nothing of @tanstack/query-core", async () => {
    const cost = await viteSdkCost(
      { from: "package", project: consumer },
      "vite",
      "mix-sdk with mix-sdk/query",
      "mix-sdk",
    );
    const ours = cost.withSdk.entryModules.filter((module) => module.includes("/node_modules/mix-sdk/"));
    expect(ours.map((module) => module.replace(/^.*\/node_modules\/mix-sdk\//, "")).sort()).toEqual([
      "dist/index.browser.js",
      "dist/query.js",
    ]);
    expect(cost.entry).toBeLessThanOrEqual(viteQueryBudget);
    expect(strayModules(cost.withSdk.entryModules, false, true)).toEqual([]);
  });

  it("still calls mix-sdk/raw when a bundler inlines the CommonJS build", async () => {
    writeFileSync(join(consumer, "bundled-entry.cjs"), cjsConsumer);
    const outfile = join(consumer, "bundled.cjs");
    await run(
      bin("esbuild"),
      ["bundled-entry.cjs", "--bundle", "--platform=node", "--format=cjs", `--outfile=${outfile}`],
      {
        cwd: consumer,
      },
    );
    const output = await run(process.execPath, [outfile], { cwd: consumer, env: { SERVER_URL: server.url } });
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "")).toMatchObject({ raw: sampleSession.id });
  });
});
