/**
 * How each shell command of the docs is tested. Every command of every unmarked `sh` block
 * (test/helpers/doc-blocks.ts, shellCommands) must be claimed by exactly one rule here, so a
 * command added to the docs without a test fails test/unit/docs.test.ts.
 */

/** A rule: the commands it claims, and how they are tested. */
export type CommandRule = { pattern: RegExp } & (
  | {
      /** Run in this checkout by test/unit/docs-commands.test.ts, as written. */
      how: "run";
    }
  | {
      /**
       * The test suite itself, mutation testing, the soak, the benchmarks, and what writes into
       * the repository: test/unit/docs-commands.test.ts runs the command with `--help` added, so
       * the script must exist and take the flags the docs give.
       */
      how: "help";
    }
  | {
      /** Run in a fresh consumer project by test/examples/readme.test.ts (only a port or a path changed). */
      how: "consumer";
    }
  | {
      /** Run by other tests or by CI: each [file, needle] is a file of the repository that holds the needle. */
      how: "by";
      by: [file: string, needle: string][];
    }
  | {
      /** An `npm install`: each package it names is one the example project `project` installs, in a version the range allows. */
      how: "packages";
      project: string;
    }
  | {
      /** The test suite, or part of it: the vitest projects and files it names must exist. */
      how: "suite";
    }
);

/** The test that runs the shell blocks of spec/README.md's conformance section as written, against the mock. */
const workflowsDocs: [string, string] = [
  "test/contract/workflows-docs.test.ts",
  'sectionBlocks(join(root, "spec/README.md"), "## Checking a server against the spec")',
];

export const commandRules: CommandRule[] = [
  // README.md: install and quick start.
  // CI's first step is npm ci in a clean clone; the package tests' setup packs it.
  {
    pattern: /^npm ci && npm pack$/,
    how: "by",
    by: [
      [".ci/run", "npm ci --no-audit --no-fund"],
      ["test/helpers/packed-package.ts", '["pack", "--pack-destination"'],
    ],
  },
  { pattern: /^npm install \.\.\/mix-sdk\/mix-sdk-[\d.]+\.tgz$/, how: "consumer" },
  { pattern: /^npx tsx quick-start\.ts$/, how: "consumer" },
  {
    pattern: /^npm install "git\+<repository URL>#main"$/,
    how: "by",
    by: [["test/package/git-install.test.ts", "startsWith('npm install \"git+')"]],
  },
  // docs/frontend.md: the mock, and what each recipe installs.
  { pattern: /^npx mix-mock( .*)?$/, how: "consumer" },
  { pattern: /^curl -H "Prefer: [^"]+" http:\/\/127\.0\.0\.1:4010\/\S+$/, how: "consumer" },
  { pattern: /^npm install --save-dev (msw@2|@stoplight\/prism-cli@5)$/, how: "packages", project: "." },
  { pattern: /^npm install @tanstack\/react-query$/, how: "packages", project: "tanstack-query" },
  {
    pattern: /^npm install --save-dev (msw@2 vitest|@playwright\/test|storybook)\b/,
    how: "packages",
    project: "frontend",
  },
  { pattern: /^npx vite$/, how: "by", by: [["test/examples/frontend/playwright.config.ts", "command: `npx vite"]] },
  {
    pattern: /^npx msw init public --save$/,
    how: "by",
    by: [["test/examples/frontend.test.ts", '["msw", "init", "public", "--save"]']],
  },
  // spec/README.md: the portal, the gate, conformance.
  {
    pattern: /^npm run docs$/,
    how: "by",
    by: [workflowsDocs],
  },
  { pattern: /^npm run docs -- --screenshot$/, how: "help" },
  { pattern: /^npm run spec:diff$/, how: "by", by: [[".ci/run", "\nnpm run spec:diff\n"]] },
  { pattern: /^npm run spec:(diff -- |changelog)/, how: "run" },
  {
    pattern: /^(npm run conformance -- |npx redocly respect |npx newman run |npm run lint:spec$)/,
    how: "by",
    by: [workflowsDocs],
  },
  // CONTRIBUTING.md: the suite, and the tools that run for minutes.
  { pattern: /^npm ci && npm test$/, how: "suite" },
  { pattern: /^(CHAOS_SEED=\d+ )?npx vitest run (--project \w+|test\/\S+\.test\.ts)$/, how: "suite" },
  { pattern: /^npm run (soak|timing:slack|mutate|bench(:\w+)?)( -- .*)?$/, how: "help" },
  // The script `npm run bench:stubbed` runs, whose --help the rule above checks.
  {
    pattern: /^node --cpu-prof --import tsx scripts\/bench\/stubbed\.ts$/,
    how: "by",
    by: [["package.json", '"bench:stubbed": "tsx scripts/bench/stubbed.ts"']],
  },
];

/** The rules that claim `command`: exactly one, for a command the tests cover. */
export const rulesFor = (command: string) => commandRules.filter((rule) => rule.pattern.test(command));

/** The command line that checks a "help" command: `--help` after its own flags (after `--` for `npm run`). */
export function withHelp(command: string): string {
  if (!command.startsWith("npm run ") || command.includes(" -- ")) return `${command} --help`;
  return `${command} -- --help`;
}
