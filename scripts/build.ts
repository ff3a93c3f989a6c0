/**
 * `npm run build` (also run by `npm pack`): bundles each entry into one file per module
 * system, with its dependencies left as imports: src/index.ts (the client) into dist/index.js
 * (ESM) and dist/index.cjs, src/mock/index.ts (`mix-sdk/mock`, MSW handlers) into dist/mock.js
 * and dist/mock.cjs; and the types of each into one .d.ts and an identical .d.cts. What
 * `mix.raw` loads on first use (src/raw-client.ts, which imports openapi-fetch) stays a file of
 * its own in ESM, dist/raw-client.js, so that an app's bundler splits it off too; in CommonJS
 * it is inlined, and openapi-fetch is still required only on first use. Browsers get
 * dist/index.browser.js (the `browser` export): the same ESM build with the modules of
 * scripts/lib/browser-modules.ts swapped in, which leave out what only servers have. The bin,
 * `mix-mock`, is scripts/mock.ts bundled for Node into dist/mix-mock.js.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateDtsBundle } from "dts-bundle-generator";
import { type BuildOptions, build } from "esbuild";
import { browserModulesPlugin } from "./lib/browser-modules.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The package's entry points: source, output name, and the packages left as imports. */
const entries = [
  { source: "src/index.ts", name: "index", external: ["openapi-fetch"] },
  { source: "src/mock/index.ts", name: "mock", external: ["msw"] },
];

/**
 * The ESM build of the client for browsers, dist/index.browser.js. Its lazy chunk is the same
 * file as the main ESM build's (src/raw-client.ts imports nothing of the SDK's code), which
 * this checks before writing.
 */
async function buildBrowserEntry(common: BuildOptions): Promise<void> {
  const { outputFiles = [] } = await build({
    ...common,
    format: "esm",
    splitting: true,
    outdir: "dist",
    entryNames: "index.browser",
    chunkNames: "[name]",
    plugins: [browserModulesPlugin(root)],
    write: false,
  });
  for (const file of outputFiles) {
    if (file.path.endsWith("index.browser.js")) writeFileSync(file.path, file.contents);
    else if (readFileSync(file.path, "utf8") !== file.text)
      throw new Error(`${file.path} differs in the browser build`);
  }
}

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
    if (entry.name === "index") await buildBrowserEntry(common);
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

/**
 * `mix-mock`, the package's bin: scripts/mock.ts and everything it imports, for Node, in one
 * ESM file, dist/mix-mock.js. It finds Prism (an optional peer) and spec/openapi.yaml at run time.
 */
export async function buildBin(): Promise<void> {
  await build({
    entryPoints: ["scripts/mock.ts"],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile: "dist/mix-mock.js",
    logLevel: "warning",
  });
}

/** Builds everything dist/ ships. */
export async function buildPackage(): Promise<void> {
  await buildJavaScript();
  buildTypes();
  await buildBin();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
