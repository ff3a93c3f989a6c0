/**
 * `npm run docs`: the portal bundle for API teams, in dist/portal/:
 *   index.html                      the Redocly reference page, scripts inlined so it works with no network
 *   openapi.yaml                    the spec bundled into one file (lint-clean), with `x-codeSamples`
 *   openapi.json                    the same, as JSON
 *   mix-api.postman_collection.json the six requests as a Postman v2.1 collection, server as {{baseUrl}}
 *
 * `npm run docs -- --screenshot` also renders the page in headless Chromium and saves one
 * operation with its samples as spec/portal-screenshot.png (the README shows it).
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { addCodeSamples } from "./lib/code-samples.ts";
import { postmanCollection } from "./lib/postman.ts";
import { runRedocly } from "./lib/redocly.ts";
import { loadSpec } from "./lib/spec.ts";
import { lintSpec } from "./lint-spec.ts";

/** The folder the portal is written to. */
export const portalDir = fileURLToPath(new URL("../dist/portal/", import.meta.url));

/** The portal's files, in the order they are written. */
export const portalFiles = ["openapi.yaml", "openapi.json", "index.html", "mix-api.postman_collection.json"] as const;

const docsConfig = fileURLToPath(new URL("./lib/redocly-docs.yaml", import.meta.url));

function redocly(args: string[]): void {
  const { status, output } = runRedocly(args);
  if (status !== 0) throw new Error(`redocly ${args[0]} failed:\n${output}`);
}

/** Writes the portal bundle and returns the paths it wrote. */
export async function buildPortal(): Promise<string[]> {
  mkdirSync(portalDir, { recursive: true });
  const [yaml, json, html, postman] = portalFiles.map((name) => `${portalDir}${name}`) as [
    string,
    string,
    string,
    string,
  ];
  redocly(["bundle", "spec/openapi.yaml", "-o", yaml]);
  // The samples go into the bundle only: the hand-kept spec stays free of them.
  const bundle = addCodeSamples(loadSpec(yaml));
  writeFileSync(yaml, stringify(bundle, { lineWidth: 0 }));
  writeFileSync(json, `${JSON.stringify(bundle, null, 2)}\n`);
  const lint = lintSpec([yaml]);
  if (!lint.ok) throw new Error(`the bundled spec is not lint-clean:\n${lint.output}`);
  redocly([
    "build-docs",
    yaml,
    "--inlineBundle",
    "-o",
    html,
    "--title",
    "Mix REST API reference",
    "--config",
    docsConfig,
  ]);
  const collection = await postmanCollection(structuredClone(bundle));
  writeFileSync(postman, `${JSON.stringify(collection, null, 2)}\n`);
  return [yaml, json, html, postman];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await buildPortal();
  for (const file of files) console.log(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
  if (process.argv.includes("--screenshot")) {
    const { screenshotPortal } = await import("./lib/portal-screenshot.ts");
    console.log(`wrote ${await screenshotPortal(files[2] ?? "")}`);
  }
}
