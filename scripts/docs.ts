/**
 * `npm run docs`: the portal bundle for API teams, in dist/portal/:
 *   index.html      the Redocly reference page, scripts inlined so it works with no network
 *   openapi.yaml    the spec bundled into one file (lint-clean)
 *   openapi.json    the same, as JSON
 */
import { mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runRedocly } from "./lib/redocly.ts";
import { lintSpec } from "./lint-spec.ts";

const portal = fileURLToPath(new URL("../dist/portal/", import.meta.url));

function redocly(args: string[]): void {
  const { status, output } = runRedocly(args);
  if (status !== 0) throw new Error(`redocly ${args[0]} failed:\n${output}`);
}

/** Writes the portal bundle and returns the paths it wrote. */
export function buildPortal(): string[] {
  mkdirSync(portal, { recursive: true });
  const files = ["openapi.yaml", "openapi.json", "index.html"].map((name) => `${portal}${name}`);
  const [yaml, json, html] = files as [string, string, string];
  redocly(["bundle", "spec/openapi.yaml", "-o", yaml]);
  redocly(["bundle", "spec/openapi.yaml", "-o", json, "--ext", "json"]);
  const lint = lintSpec(yaml);
  if (!lint.ok) throw new Error(`the bundled spec is not lint-clean:\n${lint.output}`);
  redocly(["build-docs", yaml, "--inlineBundle", "-o", html, "--title", "Mix REST API reference"]);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of buildPortal()) console.log(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
}
