import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/** mix-sdk/raw imports the main entry by name, as it does once installed: here that is src/. */
const resolve = {
  alias: [{ find: /^mix-sdk$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) }],
};

/** Injected fetch, pure policy and type tests. */
export const unitProject = {
  resolve,
  test: {
    name: "unit",
    include: ["test/unit/**/*.test.ts", "test/types/**/*.test.ts"],
  },
} satisfies TestProjectInlineConfiguration;

/** Real misbehaving node:http servers on loopback. */
export const faultsProject = {
  resolve,
  test: {
    name: "faults",
    include: ["test/faults/**/*.test.ts"],
    // Timeout tests force garbage collection: undici drops a Request's signal after a GC.
    execArgv: ["--expose-gc"],
  },
} satisfies TestProjectInlineConfiguration;

/** mix-sdk/query with TanStack Query's React and Vue adapters, in a DOM, against mix-sdk/mock's MSW handlers. */
export const queryProject = {
  resolve,
  test: {
    name: "query",
    include: ["test/query/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    // One jsdom for the project's files, not one each: half the project's time. Each file starts
    // and closes its own MSW server and renders into a document it cleans up.
    isolate: false,
  },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  test: {
    // Two files at a time whatever the core count (Vitest's default on 2 cores is one): most of
    // the slow files wait on processes they start (npm, Prism, Chromium, Playwright).
    maxWorkers: 2,
    projects: [
      unitProject,
      faultsProject,
      queryProject,
      {
        resolve,
        test: {
          name: "package",
          // And the example projects of the docs, which install the same tarball.
          include: ["test/package/**/*.test.ts", "test/examples/*.test.ts"],
          globalSetup: ["test/package/pack-setup.ts"],
          // Packs, installs and type-checks for real: slower than the other projects.
          testTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // Chromium renders a 2.5 MB page while the other projects share the two cores.
          testTimeout: 90_000,
        },
      },
      {
        resolve,
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          globalSetup: ["test/contract/prism-setup.ts"],
        },
      },
      {
        resolve,
        test: {
          // The contract suite again, against the stateful mock; and the mock's own tests.
          name: "mock",
          include: ["test/contract/operations.test.ts", "test/mock/**/*.test.ts"],
          globalSetup: ["test/contract/stateful-setup.ts"],
          // Starts mocks and processes of its own while the other projects share the two cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
