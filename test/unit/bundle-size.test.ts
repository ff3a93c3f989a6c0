import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  apps,
  esbuildSize,
  strayModules,
  viteEntryBudget,
  vitePackages,
  viteQueryBudget,
  viteSdkCost,
} from "../../scripts/bench/bundle-size.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

// Size is deterministic, so it is asserted here; time is not, so it only appears in `npm run bench`.
describe("what mix-sdk adds to a Vite app that lists the sessions", () => {
  it.each(vitePackages)(
    "adds at most the budget to the entry chunk with %s, and none of mix-sdk/raw or openapi-fetch",
    async (_, vite) => {
      const cost = await viteSdkCost({ from: "src" }, vite);
      expect(cost.entry).toBeGreaterThan(1000);
      expect(cost.entry).toBeLessThanOrEqual(viteEntryBudget[vite]);
      expect(cost.withSdk.lazyModules).toEqual([]);
      expect(strayModules(cost.withSdk.entryModules)).toEqual([]);
    },
    60_000,
  );

  it("carries mix-sdk/raw and openapi-fetch in an app that imports it, and nothing else besides", async () => {
    const cost = await viteSdkCost({ from: "src" }, "vite", "mix-sdk with mix-sdk/raw");
    const modules = cost.withSdk.entryModules;
    expect(
      modules.filter((module) => /\/src\/raw\/index\.ts$|\/node_modules\/openapi-fetch\//.test(module)),
    ).toHaveLength(2);
    expect(strayModules(modules, true)).toEqual([]);
  }, 60_000);

  it("adds at most its budget for mix-sdk/query beyond the main entry, and nothing of @tanstack/query-core", async () => {
    const cost = await viteSdkCost({ from: "src" }, "vite", "mix-sdk with mix-sdk/query", "mix-sdk");
    expect(cost.entry).toBeGreaterThan(200);
    expect(cost.entry).toBeLessThanOrEqual(viteQueryBudget);
    const modules = cost.withSdk.entryModules;
    expect(modules.filter((module) => module.includes("/src/query/")).length).toBeGreaterThan(3);
    expect(strayModules(modules, false, true)).toEqual([]);
  }, 60_000);

  it("keeps the app's entry within 5,000 B gzip when esbuild bundles it", async () => {
    const size = await esbuildSize(apps["mix-sdk"] ?? "");
    expect(size.entry).toBeGreaterThan(1000);
    expect(size.entry).toBeLessThanOrEqual(5000);
    expect(size.lazy).toBe(0);
  }, 30_000);

  it("would name mix-sdk/raw, mix-sdk/mock, mix-sdk/query, msw or any other dependency that got into such an app", () => {
    const modules = [
      `${root}src/client.ts`,
      `${root}src/raw/index.ts`,
      `${root}src/mock/handlers.ts`,
      `${root}node_modules/openapi-fetch/dist/index.mjs`,
      `${root}node_modules/msw/lib/core/index.mjs`,
      `${root}src/query/sessions.ts`,
      `${root}node_modules/@tanstack/query-core/build/modern/index.js`,
    ];
    expect(strayModules(modules)).toEqual(modules.slice(1));
    expect(strayModules(modules, true)).toEqual([modules[2], modules[4], modules[5], modules[6]]);
    expect(strayModules(modules, false, true)).toEqual([...modules.slice(1, 5), modules[6]]);
  });
});
