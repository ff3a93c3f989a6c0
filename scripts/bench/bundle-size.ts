import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Gzip (level 9) sizes in bytes: what an app loads to start, and every chunk together. */
export type BundleSize = { entry: number; total: number };

/** Small apps that load a client and make one call, as a browser app would. */
export const apps: Record<string, string> = {
  "raw fetch + res.json()": `fetch("http://127.0.0.1:4010/api/sessions/1").then((r) => r.json()).then(console.log);`,
  "openapi-fetch alone": `import createClient from "openapi-fetch";
createClient({ baseUrl: "http://127.0.0.1:4010" }).GET("/api/sessions/{id}", { params: { path: { id: "1" } } }).then(console.log);`,
  "mix-sdk": `import { Mix } from "./src/index.ts";
new Mix({ serverURL: "http://127.0.0.1:4010" }).sessions.get({ id: "1" }).then(console.log);`,
};

/** The output files loaded at start: the entry and, transitively, what it imports statically. */
function startupFiles(outputs: Metafile["outputs"], entry: string): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const { path, kind } of outputs[file]?.imports ?? [])
      if (kind === "import-statement" && path in outputs) visit(path);
  };
  visit(entry);
  return files;
}

/**
 * Bundles an app with esbuild for the browser (ESM, minified, code splitting on, as Vite,
 * Rollup and webpack do by default) and measures it. Code loaded on demand (`import()`) lands
 * in other chunks: `entry` is what the app downloads to start, `total` is everything.
 */
export async function bundleSize(source: string, dir = root): Promise<BundleSize> {
  const outdir = mkdtempSync(join(tmpdir(), "mix-size-"));
  // esbuild splits code only for real entry files, so the app is written where it resolves imports.
  const app = join(dir, `.size-app-${process.pid}.ts`);
  writeFileSync(app, source);
  try {
    const { metafile } = await build({
      entryPoints: [app],
      bundle: true,
      format: "esm",
      platform: "browser",
      minify: true,
      splitting: true,
      outdir,
      metafile: true,
      absWorkingDir: dir,
      logLevel: "silent",
    });
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find(
      (file) => outputs[file]?.entryPoint && join(dir, outputs[file].entryPoint) === app,
    );
    const loaded = startupFiles(outputs, entry ?? "");
    const size = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + size(file), 0);
    return { entry: sum(loaded), total: sum(Object.keys(outputs)) };
  } finally {
    rmSync(app, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}
