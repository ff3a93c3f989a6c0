import { defineConfig } from "vitest/config";
import { faultsProject, queryProject, unitProject } from "./vitest.config.ts";

/**
 * The tests `npm run mutate` runs against each mutant of src/: the unit and faults projects,
 * which exercise src/ directly, unit first (Stryker stops at the first failing test, and unit
 * tests are the quick ones), the tests of mix-sdk/mock's MSW handlers, in this process
 * (src/mock/), and mix-sdk/query's tests in jsdom (src/query/). Left out:
 * - tests of the spec tooling (drift check, spec lint, the breaking-change gate, the portal's code
 *   samples, the Postman collection, the Arazzo workflows) and of the docs' blocks: they never load
 *   src/ (and Stryker's sandbox marks every .ts file `// @ts-nocheck`, which the docs test would see);
 * - the bundle-size budgets (the SDK's and the mock's): they would measure Stryker's instrumented
 *   src/ and fail the dry run;
 * - the seeded chaos test: randomized, 10 s or more a run, and its oracle reads timing. A mutant
 *   only chaos would kill is a missing example test, and belongs in one.
 * - the tests of `mix-mock` the server (test/mock/ but the MSW ones): the processes they start
 *   (Prism above all) take seconds each, and what they check of src/mock/ the unit and MSW
 *   tests check too.
 * Contract, browser and package tests repeat what unit and faults check, through slower machinery.
 */
// Stryker runs the tests in worker threads, where a test cannot change the time zone (the
// asctime Retry-After test tries several): a zone other than UTC, set here before the workers
// start, lets a date read as local time instead of GMT show.
process.env.TZ = "America/New_York";

export default defineConfig({
  test: {
    projects: [
      {
        resolve: unitProject.resolve,
        test: {
          ...unitProject.test,
          exclude: [
            "test/unit/bundle-size.test.ts",
            "test/unit/code-samples.test.ts",
            "test/unit/docs.test.ts",
            "test/unit/docs-commands.test.ts",
            "test/unit/frontend-docs.test.ts",
            "test/unit/query-docs.test.ts",
            "test/unit/generated.test.ts",
            "test/unit/mock-bundle.test.ts",
            "test/unit/postman.test.ts",
            "test/unit/arazzo.test.ts",
            "test/unit/spec-diff*.test.ts",
          ],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: faultsProject.resolve,
        test: {
          ...faultsProject.test,
          exclude: ["test/faults/chaos.test.ts"],
          // Stryker runs tests in worker threads, which refuse --expose-gc as an execArgv; the flag
          // goes to its test runner process instead (testRunnerNodeArgs), and workers inherit it.
          execArgv: [],
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "mock-msw",
          include: ["test/mock/msw-node.test.ts", "test/mock/msw-sturdy.test.ts"],
          sequence: { groupOrder: 2 },
        },
      },
      {
        resolve: queryProject.resolve,
        test: { ...queryProject.test, sequence: { groupOrder: 3 } },
      },
    ],
  },
});
