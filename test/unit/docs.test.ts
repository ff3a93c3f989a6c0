/**
 * The docs agree with the repository: each TypeScript block is the file of test/examples it
 * shows, each shell command is claimed by a rule that says how it is tested, each link and
 * anchor between the docs resolves, and the README's defaults are src/defaults.ts's.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { defaults } from "../../src/defaults.ts";
import * as sdk from "../../src/index.ts";
import vitestConfig from "../../vitest.config.ts";
import {
  anchors,
  documents,
  fencedBlocks,
  prose,
  readDoc,
  relativeLinks,
  root,
  shellCommands,
  slug,
} from "../helpers/doc-blocks.ts";
import { rulesFor } from "../helpers/doc-commands.ts";

const blocks = documents.flatMap((doc) => fencedBlocks(doc));
const commands = shellCommands();
const scripts = JSON.parse(readFileSync(`${root}package.json`, "utf8")).scripts as Record<string, string>;

describe("the docs' TypeScript blocks", () => {
  const code = blocks.filter((block) => block.lang === "ts" || block.lang === "tsx");

  it("are each a file of test/examples, shown exactly as it is", () => {
    expect(code.length).toBeGreaterThanOrEqual(20);
    for (const block of code) {
      const where = `${block.doc}:${block.line}`;
      expect(block.file, `${where} has no <!-- file: --> marker`).toBeDefined();
      expect(block.text, where).toBe(readFileSync(`${root}test/examples/${block.file}`, "utf8"));
    }
  });

  it("show every file of the README's project, so none goes unshown or untested", () => {
    const shown = code.filter((block) => block.doc === "README.md").map((block) => block.file);
    const files = readdirSync(`${root}test/examples/readme`).filter((name) => name.endsWith(".ts"));
    expect(shown.filter((file) => file?.startsWith("readme/")).sort()).toEqual(files.map((f) => `readme/${f}`).sort());
  });
});

describe("the docs' shell commands", () => {
  it("are found, in every document that has them", () => {
    expect(commands.length).toBeGreaterThanOrEqual(50);
    for (const doc of ["README.md", "docs/frontend.md", "spec/README.md", "CONTRIBUTING.md"])
      expect(commands.some((c) => c.doc === doc)).toBe(true);
  });

  it("are each claimed by exactly one rule of test/helpers/doc-commands.ts, which says how it is tested", () => {
    for (const { doc, line, command } of commands)
      expect(rulesFor(command), `${doc}:${line} ${command}`).toHaveLength(1);
  });

  it("run elsewhere where their rule says so: each named file holds what runs them", () => {
    for (const { command } of commands)
      for (const rule of rulesFor(command))
        if (rule.how === "by")
          for (const [file, needle] of rule.by) expect(readFileSync(`${root}${file}`, "utf8"), file).toContain(needle);
  });

  it("install only packages the tested projects install, in versions the docs' ranges allow", () => {
    for (const { command } of commands)
      for (const rule of rulesFor(command)) {
        if (rule.how !== "packages") continue;
        const manifest = rule.project === "." ? "package.json" : `test/examples/${rule.project}/package.json`;
        const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(`${root}${manifest}`, "utf8"));
        const tested: Record<string, string> = { ...dependencies, ...devDependencies };
        for (const spec of command.replace(/^npm install (--save-dev )?/, "").split(" ")) {
          const [, name = "", major] = /^(@?[^@]+)(?:@(\d+))?$/.exec(spec) ?? [];
          expect(tested[name], `${command}: ${name} in ${manifest}`).toBeDefined();
          if (major) expect(tested[name], `${command}: ${name}`).toMatch(new RegExp(`^${major}\\.`));
        }
      }
  });

  it("name test projects and files that exist", () => {
    const projects = vitestConfig.test?.projects?.map((p) => (p as { test: { name: string } }).test.name) ?? [];
    for (const { command } of commands.filter((c) => rulesFor(c.command)[0]?.how === "suite")) {
      const project = /--project (\w+)/.exec(command)?.[1];
      if (project) expect(projects, command).toContain(project);
      const file = /(test\/\S+\.test\.ts)/.exec(command)?.[1];
      if (file) expect(existsSync(`${root}${file}`), command).toBe(true);
    }
  });

  it("and every `npm run <script>` the docs name, in a block or in the text, is a script of package.json", () => {
    const named = documents.flatMap((doc) =>
      [...readDoc(doc).matchAll(/npm run (\w[\w-]*(?::\w[\w-]*)?)/g)].map((m) => m[1] ?? ""),
    );
    expect(named.length).toBeGreaterThan(40);
    for (const name of new Set(named)) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
  });
});

describe("links between the docs", () => {
  it("make GitHub's anchors: code marks and punctuation dropped, a repeated heading numbered", () => {
    expect(slug("Rehearse the real server: `--quirks`")).toBe("rehearse-the-real-server---quirks");
    expect(slug("The raw client: `mix-sdk/raw`")).toBe("the-raw-client-mix-sdkraw");
    expect(slug("The docs' tests")).toBe("the-docs-tests");
    expect(anchors("# A\n## Install\n```\n# not a heading\n```\n### Install\n")).toEqual(["a", "install", "install-1"]);
  });

  it("each lead to a file of the repository and, with an #anchor, to a heading it has", () => {
    let checked = 0;
    for (const doc of documents) {
      for (const { target, line } of relativeLinks(readDoc(doc))) {
        const [path = "", anchor] = target.split("#");
        const file = path === "" ? doc : normalize(join(dirname(doc), path));
        const where = `${doc}:${line} -> ${target}`;
        expect(existsSync(`${root}${file}`), where).toBe(true);
        if (anchor !== undefined) {
          expect(statSync(`${root}${file}`).isFile() && file.endsWith(".md"), where).toBe(true);
          expect(anchors(readDoc(file)), where).toContain(anchor);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it("put a contents list at the top of each guide, every entry a heading of the guide", () => {
    for (const doc of ["README.md", "docs/frontend.md", "spec/README.md", "CONTRIBUTING.md"]) {
      const text = readDoc(doc);
      const contents = text.slice(
        text.indexOf("## Contents\n"),
        text.indexOf("\n## ", text.indexOf("## Contents\n") + 1),
      );
      const entries = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      const headings = anchors(text).filter((a) => a !== "contents");
      expect(entries.length, doc).toBeGreaterThan(5);
      for (const entry of entries) expect(headings, `${doc}: #${entry}`).toContain(entry);
      // Every section of the guide is in the list.
      const sections = [...prose(text).matchAll(/^## (.+)$/gm)]
        .map((m) => slug(m[1] ?? ""))
        .filter((a) => a !== "contents");
      for (const section of sections) expect(entries, `${doc}: ## ${section}`).toContain(section);
    }
  });
});

describe("the README", () => {
  const readme = readDoc("README.md");

  it("stays under 450 lines, with no issue number and no history of the work", () => {
    expect(readme.split("\n").length).toBeLessThan(450);
    expect(readme).not.toMatch(/\bissue \d+|#\d+\b/i);
  });

  it("quotes every default of the client once, as src/defaults.ts has it", () => {
    const table = readme.slice(readme.indexOf("| option | default | meaning |"));
    const rows = table.split("\n\n")[0]?.split("\n").slice(2) ?? [];
    const quoted = new Map(
      rows.map((row) => {
        const [, option = "", cell = ""] = row.split("|").map((c) => c.trim());
        return [option.replace(/`/g, "").replace(/^retryConfig\.(backoff\.)?/, "retry."), cell] as const;
      }),
    );
    const expected: Record<string, unknown> = { serverURL: defaults.serverURL, timeoutMs: defaults.timeoutMs };
    for (const [name, value] of Object.entries(defaults.retry)) expected[`retry.${name}`] = value;
    for (const [name, value] of Object.entries(expected)) {
      const cell = quoted.get(name);
      expect(cell, `a row for ${name}`).toBeDefined();
      const code = [...(cell ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "").at(-1) ?? "";
      expect(JSON.parse(code.replace(/(\d)_(\d)/g, "$1$2")), name).toEqual(value);
    }
    expect(rows.length).toBe(Object.keys(expected).length + 4); // and retryConfig, fetch, headers, debugLogger
  });

  it("agrees with the @default of each option's doc comment in src/options.ts", () => {
    // The client's options, and the retry policy's fields (RequestOptions' refer to the client's).
    const source = readFileSync(`${root}src/options.ts`, "utf8");
    const options =
      source.slice(0, source.indexOf("export type RequestOptions")) +
      source.slice(source.indexOf("export type MixOptions"));
    const documented = (field: string) =>
      new RegExp(`@default ([^\\n]*?)(?: \\(the spec's\\))?(?: \\*/)?\\n(?:[^\\n]*\\*/\\n)?\\s*${field}\\?:`).exec(
        options,
      )?.[1];
    expect(documented("timeoutMs")).toBe(String(defaults.timeoutMs));
    expect(documented("serverURL")).toContain(defaults.serverURL);
    for (const [name, value] of Object.entries(defaults.retry))
      expect(JSON.parse(documented(name) ?? "null"), name).toEqual(value);
  });

  it("draws the error classes as src/index.ts exports them, each under its parent", () => {
    const tree = fencedBlocks("README.md").find((b) => b.text.startsWith("MixError "))?.text ?? "";
    const classes = sdk as unknown as Record<string, { prototype: object } | undefined>;
    const drawn: [name: string, parent: string][] = [];
    let top = "";
    for (const line of tree.split("\n")) {
      const [, branch, name = ""] = /^( [|'])?-? ?([A-Z]\w+Error)\b/.exec(line) ?? [];
      if (!name) continue;
      if (!branch) top = name;
      drawn.push([name, branch ? top : "Error"]);
    }
    expect(drawn.map(([name]) => name).sort()).toEqual(
      Object.keys(sdk)
        .filter((key) => key.endsWith("Error"))
        .sort(),
    );
    for (const [name, parent] of drawn) {
      const parentPrototype = parent === "Error" ? Error.prototype : classes[parent]?.prototype;
      expect(Object.getPrototypeOf(classes[name]?.prototype), `${name} extends ${parent}`).toBe(parentPrototype);
    }
  });

  it("lists the runtimes test/runtimes/package.json pins", () => {
    const pinned = JSON.parse(readFileSync(`${root}test/runtimes/package.json`, "utf8")).dependencies;
    const version = (name: string) => /(\d+\.\d+\.\d+)$/.exec(pinned[name])?.[1] ?? `no ${name}`;
    const row = (name: string) => new RegExp(`^\\| ${name} \\| ([^|]+) \\|`, "m").exec(readme)?.[1] ?? "";
    expect(row("Node\\.js")).toMatch(new RegExp(`^20\\.\\d+\\.\\d+, ${version("node22")}, ${version("node24")}$`));
    expect(row("Bun")).toBe(version("bun"));
    expect(row("Deno")).toContain(version("deno"));
  });
});
