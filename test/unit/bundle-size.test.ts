import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  apps,
  esbuildSize,
  lazyRoute,
  strayModules,
  viteEntryBudget,
  viteEntryBudgetWithLazyRoute,
  vitePackages,
  viteSdkCost,
} from "../../scripts/bench/bundle-size.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

// Size is deterministic, so it is asserted here; time is not, so it only appears in `npm run bench`.
describe("what mix-sdk adds to a Vite app that lists the sessions", () => {
  it.each(vitePackages)(
    "adds at most the budget to the entry chunk with %s, and loads openapi-fetch only for mix.raw",
    async (_, vite) => {
      const cost = await viteSdkCost({ from: "src" }, "", vite);
      expect(cost.entry).toBeGreaterThan(1000);
      expect(cost.entry).toBeLessThanOrEqual(viteEntryBudget);
      const lazy = cost.withSdk.lazyModules;
      expect(lazy.some((module) => module.includes("/node_modules/openapi-fetch/"))).toBe(true);
      expect(lazy.some((module) => module.endsWith("/src/raw-client.ts"))).toBe(true);
      expect(cost.withSdk.entryModules.filter((module) => /openapi-fetch|raw-client/.test(module))).toEqual([]);
      expect(strayModules({ entry: cost.withSdk.entryModules, lazy })).toEqual([]);
    },
    60_000,
  );

  it("adds at most its own budget to an app that already loads a page lazily, and so has Vite's preload helper", async () => {
    const cost = await viteSdkCost({ from: "src" }, lazyRoute);
    expect(cost.without.lazyModules.some((module) => module.endsWith("/route.js"))).toBe(true);
    expect(cost.without.entryModules).toContain("\0vite/preload-helper.js");
    expect(cost.entry).toBeGreaterThan(1000);
    expect(cost.entry).toBeLessThanOrEqual(viteEntryBudgetWithLazyRoute);
    expect(strayModules({ entry: cost.withSdk.entryModules, lazy: cost.withSdk.lazyModules })).toEqual([]);
  }, 60_000);

  it("keeps the app's entry within 5,000 B gzip when esbuild bundles it, openapi-fetch in a lazy chunk", async () => {
    const size = await esbuildSize(apps["mix-sdk"] ?? "");
    expect(size.entry).toBeGreaterThan(1000);
    expect(size.entry).toBeLessThanOrEqual(5000);
    expect(size.lazy).toBeGreaterThan(2000);
  }, 30_000);

  it("would name mix-sdk/mock, msw or any other dependency that got into such an app", () => {
    const entry = [`${root}src/client.ts`, `${root}src/mock/handlers.ts`, "\0vite/preload-helper.js"];
    const lazy = [
      `${root}src/raw-client.ts`,
      `${root}node_modules/openapi-fetch/dist/index.mjs`,
      `${root}node_modules/msw/lib/core/index.mjs`,
      `${root}node_modules/graphql/index.mjs`,
    ];
    expect(strayModules({ entry, lazy })).toEqual([
      `${root}src/mock/handlers.ts`,
      `${root}node_modules/msw/lib/core/index.mjs`,
      `${root}node_modules/graphql/index.mjs`,
    ]);
    // What mix.raw loads belongs to lazy chunks only.
    expect(strayModules({ entry: [`${root}node_modules/openapi-fetch/dist/index.mjs`], lazy: [] })).toHaveLength(1);
  });
});
