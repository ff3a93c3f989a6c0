import { defineConfig } from "vitest/config";
import { faultsProject, unitProject } from "./vitest.config.ts";

/**
 * The tests `npm run mutate` runs against each mutant of src/: the unit and faults projects,
 * which exercise src/ directly. Left out: tests of the spec tooling (drift check, spec lint, the
 * breaking-change gate), which never load src/, and the bundle-size budget, which would measure
 * Stryker's instrumented src/ and fail the dry run. Contract, browser and package tests repeat
 * what unit and faults check, through slower machinery.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...unitProject.test,
          exclude: ["test/unit/bundle-size.test.ts", "test/unit/generated.test.ts", "test/unit/spec-diff.test.ts"],
        },
      },
      // Stryker runs tests in worker threads, which refuse --expose-gc as an execArgv; the flag
      // goes to its test runner process instead (testRunnerNodeArgs), and workers inherit it.
      { test: { ...faultsProject.test, execArgv: [] } },
    ],
  },
});
