/**
 * `npm run build` (also run by `npm pack`): bundles src/ into dist/index.js (ESM) and
 * dist/index.cjs (CommonJS), with openapi-fetch left as an import, and its types into
 * dist/index.d.ts and an identical dist/index.d.cts. What `mix.raw` loads on first use
 * (src/raw-client.ts, which imports openapi-fetch) stays a file of its own in ESM,
 * dist/raw-client.js, so that an app's bundler splits it off too; in CommonJS it is inlined,
 * and openapi-fetch is still required only on first use.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateDtsBundle } from "dts-bundle-generator";
import { type BuildOptions, build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** Builds the package's JavaScript into dist/. */
export async function buildJavaScript(): Promise<void> {
  const common: BuildOptions = {
    entryPoints: ["src/index.ts"],
    absWorkingDir: root,
    bundle: true,
    platform: "neutral",
    target: "es2022",
    external: ["openapi-fetch"],
    logLevel: "warning",
  };
  await build({ ...common, format: "esm", splitting: true, outdir: "dist", chunkNames: "[name]" });
  await build({ ...common, format: "cjs", outfile: "dist/index.cjs" });
}

/** Bundles the public types into one self-contained declaration file per module system. */
export function buildTypes(): void {
  const [types] = generateDtsBundle(
    [{ filePath: "src/index.ts", libraries: { importedLibraries: ["openapi-fetch"] }, output: { noBanner: true } }],
    { preferredConfigPath: fileURLToPath(new URL("../tsconfig.build.json", import.meta.url)) },
  );
  mkdirSync(dist(""), { recursive: true });
  writeFileSync(dist("index.d.ts"), types ?? "");
  // The same declarations, read as CommonJS types by `require` users.
  copyFileSync(dist("index.d.ts"), dist("index.d.cts"));
}

/** Builds everything dist/ ships. */
export async function buildPackage(): Promise<void> {
  await buildJavaScript();
  buildTypes();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
