#!/usr/bin/env node
/**
 * Starts the gate: `node scripts/spec-gate/run.mjs diff|changelog|release [args]`, what the
 * `spec:*` npm scripts run. The gate is TypeScript. Rather than compile it file by file at each
 * start (tsx), it is bundled once with esbuild, with the libraries it uses, into one file under
 * node_modules/.cache/spec-gate/, named by a hash of the gate's sources and of
 * package-lock.json: an edited source or a new lockfile makes a new bundle at the next run.
 * The bundle is plain JavaScript that Node loads in one read.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const cacheDir = join(repo, "node_modules", ".cache", "spec-gate");

/** A short hash of every TypeScript file of the gate and of the lockfile. */
function sourcesHash() {
  const hash = createHash("sha256");
  const files = readdirSync(here, { recursive: true }).filter((name) => String(name).endsWith(".ts"));
  for (const name of files.map(String).sort()) hash.update(name).update(readFileSync(join(here, name)));
  hash.update(readFileSync(join(repo, "package-lock.json")));
  return hash.digest("hex").slice(0, 16);
}

/** Bundles cli.ts into `file`; written beside it first, then renamed, so a concurrent run never reads half a file. */
async function bundle(file) {
  const { build } = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) {
    if (old.endsWith(".mjs") && old !== basename(file)) rmSync(join(cacheDir, old), { force: true });
  }
  const scratch = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(here, "cli.ts")],
    outfile: scratch,
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    // Some bundled libraries are CommonJS and call require() for Node's own modules.
    banner: {
      js: "import{createRequire as __gateRequire}from'node:module';const require=__gateRequire(import.meta.url);",
    },
  });
  renameSync(scratch, file);
}

async function loadGate() {
  const file = join(cacheDir, `gate-${sourcesHash()}.mjs`);
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    await bundle(file);
    return import(pathToFileURL(file).href);
  }
}

const { main } = await loadGate();
process.exitCode = await main(process.argv.slice(2), repo);
