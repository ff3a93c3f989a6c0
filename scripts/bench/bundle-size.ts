import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Gzip (level 9) sizes in bytes of an app's bundle: its entry chunk and every chunk together. */
export type BundleSize = { entry: number; total: number };

/** Small apps that load a client and make one call, as a browser app would. */
export const apps: Record<string, string> = {
  "raw fetch + res.json()": `fetch("http://127.0.0.1:4010/api/sessions/1").then((r) => r.json()).then(console.log);`,
  "openapi-fetch alone": `import createClient from "openapi-fetch";
createClient({ baseUrl: "http://127.0.0.1:4010" }).GET("/api/sessions/{id}", { params: { path: { id: "1" } } }).then(console.log);`,
  "mix-sdk": `import { Mix } from "./src/index.ts";
new Mix({ serverURL: "http://127.0.0.1:4010" }).sessions.get({ id: "1" }).then(console.log);`,
};

/**
 * Bundles an app with esbuild for the browser (ESM, minified, code splitting on, as Vite,
 * Rollup and webpack do by default) and measures it. Code the app only loads on demand
 * (`import()`) lands in other chunks: `entry` is what the app downloads to start.
 */
export async function bundleSize(source: string): Promise<BundleSize> {
  const outdir = mkdtempSync(join(tmpdir(), "mix-size-"));
  // esbuild splits code only for real entry files, so the app is written next to src/.
  const app = join(root, `.size-app-${process.pid}.ts`);
  writeFileSync(app, source);
  try {
    const result = await build({
      entryPoints: [app],
      bundle: true,
      format: "esm",
      platform: "browser",
      minify: true,
      splitting: true,
      outdir,
      write: true,
      metafile: true,
      absWorkingDir: root,
      logLevel: "silent",
    });
    let entry = 0;
    let total = 0;
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const size = gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
      total += size;
      // Chunks loaded by import() count as entry points too; only the app's own is the entry.
      if (output.entryPoint && join(root, output.entryPoint) === app) entry += size;
    }
    return { entry, total };
  } finally {
    rmSync(app, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}
