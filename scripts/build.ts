/**
 * `npm run build` (also run by `npm pack`): bundles each entry into one file per module
 * system, with its dependencies left as imports: src/index.ts (the client) into dist/index.js
 * (ESM) and dist/index.cjs, src/mock/index.ts (`mix-sdk/mock`, MSW handlers) into dist/mock.js
 * and dist/mock.cjs; and the types of each into one .d.ts and an identical .d.cts. What
 * `mix.raw` loads on first use (src/raw-client.ts, which imports openapi-fetch) stays a file of
 * its own in ESM, dist/raw-client.js, so that an app's bundler splits it off too; in CommonJS
 * it is inlined, and openapi-fetch is still required only on first use.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateDtsBundle } from "dts-bundle-generator";
import { type BuildOptions, build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The package's entry points: source, output name, and the packages left as imports. */
const entries = [
  { source: "src/index.ts", name: "index", external: ["openapi-fetch"] },
  { source: "src/mock/index.ts", name: "mock", external: ["msw"] },
];

/** Builds the package's JavaScript into dist/. */
export async function buildJavaScript(): Promise<void> {
  for (const entry of entries) {
    const common: BuildOptions = {
      entryPoints: [entry.source],
      absWorkingDir: root,
      bundle: true,
      platform: "neutral",
      target: "es2022",
      external: entry.external,
      logLevel: "warning",
    };
    await build({
      ...common,
      format: "esm",
      splitting: true,
      outdir: "dist",
      entryNames: entry.name,
      chunkNames: "[name]",
    });
    await build({ ...common, format: "cjs", outfile: `dist/${entry.name}.cjs` });
  }
}

/** Bundles the public types into one self-contained declaration file per entry and module system. */
export function buildTypes(): void {
  const types = generateDtsBundle(
    entries.map((entry) => ({
      filePath: entry.source,
      libraries: { importedLibraries: entry.external },
      output: { noBanner: true },
    })),
    { preferredConfigPath: fileURLToPath(new URL("../tsconfig.build.json", import.meta.url)) },
  );
  mkdirSync(dist(""), { recursive: true });
  entries.forEach((entry, i) => {
    writeFileSync(dist(`${entry.name}.d.ts`), types[i] ?? "");
    // The same declarations, read as CommonJS types by `require` users.
    copyFileSync(dist(`${entry.name}.d.ts`), dist(`${entry.name}.d.cts`));
  });
}

/** Builds everything dist/ ships. */
export async function buildPackage(): Promise<void> {
  await buildJavaScript();
  buildTypes();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
