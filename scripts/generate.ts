/**
 * Writes generated/ from spec/openapi.yaml: `schema.d.ts` (openapi-typescript) and
 * `operations.ts` (the runtime table and method types) and `examples.ts` (the spec's example
 * sessions, the mock's default seed). `--check` writes nothing and exits 1
 * when a generated file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import { openEnumType } from "./lib/open-enums.ts";
import { specFacts } from "./lib/operations-table.ts";
import { renderExamples } from "./lib/render-examples.ts";
import { banner, renderOperations } from "./lib/render-operations.ts";
import { loadSpec, specPath } from "./lib/spec.ts";

const root = new URL("../", import.meta.url);

/** Renders every generated file, keyed by its path relative to the repository root. */
export async function renderGenerated(): Promise<Record<string, string>> {
  const redocly = await loadConfig({ configPath: fileURLToPath(new URL("redocly.yaml", root)) });
  const ast = await openapiTS(new URL("spec/openapi.yaml", root), {
    redocly,
    silent: true,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    rootTypesKeepCasing: true,
    transform: (schema) => openEnumType(schema as Parameters<typeof openEnumType>[0]),
  });
  return {
    "generated/schema.d.ts": `${banner}\n${astToString(ast)}`,
    "generated/operations.ts": renderOperations(specFacts(loadSpec(specPath))),
    "generated/examples.ts": renderExamples(loadSpec(specPath)),
  };
}

/** Names the generated files whose contents differ from what the spec produces now. */
export async function staleFiles(): Promise<string[]> {
  const files = await renderGenerated();
  return Object.entries(files)
    .filter(([path, text]) => {
      try {
        return readFileSync(new URL(path, root), "utf8") !== text;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

async function main(): Promise<void> {
  if (process.argv.includes("--check")) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`Stale generated files: ${stale.join(", ")}. Run \`npm run generate\` and commit.`);
      process.exit(1);
    }
    console.log("generated/ matches spec/openapi.yaml");
    return;
  }
  for (const [path, text] of Object.entries(await renderGenerated())) {
    writeFileSync(new URL(path, root), text);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
