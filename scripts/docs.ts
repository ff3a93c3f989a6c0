/**
 * `npm run docs`: the portal bundle for API teams, in dist/portal/:
 *   index.html                      the Redocly reference page, scripts inlined so it works with no network
 *   openapi.yaml                    the spec bundled into one file (lint-clean), with `x-codeSamples`
 *   openapi.json                    the same, as JSON
 *   mix-api.postman_collection.json the Arazzo workflows as a Postman v2.1 collection, each request
 *                                   tested, server as {{baseUrl}}
 *   sessions.arazzo.yaml            the workflows (Arazzo 1.0.1), beside the openapi.yaml they name
 *
 * `npm run docs -- --screenshot` also renders the page in headless Chromium and saves one
 * operation with its samples as spec/portal-screenshot.png (spec/README.md shows it).
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { addCodeSamples } from "./lib/code-samples.ts";
import { postmanCollection } from "./lib/postman.ts";
import { runRedocly } from "./lib/redocly.ts";
import { scriptFlags } from "./lib/script-flags.ts";
import { arazzoPath, loadSpec } from "./lib/spec.ts";
import { lintSpec } from "./lint-spec.ts";

/** The folder the portal is written to. */
export const portalDir = fileURLToPath(new URL("../dist/portal/", import.meta.url));

/** The portal's files, in the order they are written. */
export const portalFiles = [
  "openapi.yaml",
  "openapi.json",
  "index.html",
  "mix-api.postman_collection.json",
  "sessions.arazzo.yaml",
] as const;

const docsConfig = fileURLToPath(new URL("./lib/redocly-docs.yaml", import.meta.url));

function redocly(args: string[]): void {
  const { status, output } = runRedocly(args);
  if (status !== 0) throw new Error(`redocly ${args[0]} failed:\n${output}`);
}

/** Writes the portal's files into `dir`, in the order of `portalFiles`. */
async function writePortal(dir: string): Promise<void> {
  const [yaml, json, html, postman, arazzo] = portalFiles.map((name) => join(dir, name)) as [
    string,
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
  // Its source description is `./openapi.yaml`: the bundle beside it.
  copyFileSync(arazzoPath, arazzo);
  const lint = lintSpec([yaml, arazzo]);
  if (!lint.ok) throw new Error(`the bundled spec and workflows are not lint-clean:\n${lint.output}`);
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
}

/**
 * Writes the portal bundle and returns the paths it wrote. The files are made in a folder of
 * their own and then renamed into place, so a reader never sees a half-written file, even
 * while another build (a test's, a second `npm run docs`) writes the same files.
 */
export async function buildPortal(): Promise<string[]> {
  mkdirSync(portalDir, { recursive: true });
  const work = mkdtempSync(join(portalDir, "..", ".portal-"));
  try {
    await writePortal(work);
    return portalFiles.map((name) => {
      renameSync(join(work, name), join(portalDir, name));
      return join(portalDir, name);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const usage = `
Usage: npm run docs [-- --screenshot]

Writes the portal to dist/portal/: index.html, openapi.yaml, openapi.json,
mix-api.postman_collection.json and sessions.arazzo.yaml.

  --screenshot   also render the page in headless Chromium (CHROMIUM_PATH, default
                 /usr/bin/chromium) and save spec/portal-screenshot.png`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = scriptFlags({ screenshot: { type: "boolean", default: false } }, usage);
  const files = await buildPortal();
  for (const file of files) console.log(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
  if (flags.screenshot) {
    const { screenshotPortal } = await import("./lib/portal-screenshot.ts");
    console.log(`wrote ${await screenshotPortal(files[2] ?? "")}`);
  }
}
