/**
 * `npm run build`: bundles src/ into dist/index.js (ESM) and dist/index.cjs (CommonJS), one
 * file each, with openapi-fetch left as an import.
 */
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Builds the package's JavaScript into dist/. */
export async function buildPackage(): Promise<void> {
  const common: BuildOptions = {
    entryPoints: ["src/index.ts"],
    absWorkingDir: root,
    bundle: true,
    platform: "neutral",
    target: "es2022",
    external: ["openapi-fetch"],
    logLevel: "warning",
  };
  await build({ ...common, format: "esm", outfile: "dist/index.js" });
  await build({ ...common, format: "cjs", outfile: "dist/index.cjs" });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
