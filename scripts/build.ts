/**
 * `npm run build` (npm runs it as `prepare`: after `npm ci`, in `npm pack`, and in a git
 * install): bundles each entry into one file per module system, with its dependencies left as
 * imports: src/index.ts (the client) into dist/index.js (ESM) and dist/index.cjs,
 * src/raw/index.ts (`mix-sdk/raw`, openapi-fetch's client over the client's transport) into
 * dist/raw.js and dist/raw.cjs, src/mock/index.ts (`mix-sdk/mock`, MSW handlers) into
 * dist/mock.js and dist/mock.cjs, src/query/index.ts (`mix-sdk/query`, TanStack Query options)
 * into dist/query.js and dist/query.cjs; and the types of each into one .d.ts and an identical
 * .d.cts. Browsers get dist/index.browser.js (the `browser` export): the client's ESM build
 * with the modules of scripts/lib/browser-modules.ts swapped in, which leave out what only
 * servers have. The bin, `mix-mock`, is scripts/mock.ts bundled for Node into dist/mix-mock.js.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDtsBundle } from "dts-bundle-generator";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { browserModulesPlugin } from "./lib/browser-modules.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The package's entry points: source, output name, and the packages left as imports. */
const entries = [
  { source: "src/index.ts", name: "index", external: [] },
  // The raw client imports the client's error classes by the package's name, so an app holds one copy.
  { source: "src/raw/index.ts", name: "raw", external: ["openapi-fetch", "mix-sdk"] },
  { source: "src/mock/index.ts", name: "mock", external: ["msw"] },
  // Query options over the client: its error classes come from the main entry too; query-core is the user's.
  { source: "src/query/index.ts", name: "query", external: ["@tanstack/query-core", "mix-sdk"] },
];

/**
 * What the raw and query entries may bundle: their own code and (raw) the key it finds a
 * client's internals under and the spec's table. Anything else of src/ would be a second copy
 * of the client's code, and of its classes, which `instanceof` tells apart.
 */
const ownInputs: Record<string, RegExp> = {
  raw: /^(src\/raw\/|src\/internals\.ts$|generated\/)/,
  query: /^src\/query\//,
};

function checkOwnInputs(name: string, metafile: Metafile | undefined): void {
  const own = ownInputs[name];
  const stray = Object.keys(metafile?.inputs ?? {}).filter((input) => own && !own.test(input));
  if (stray.length) throw new Error(`dist/${name}.js must not bundle ${stray.join(", ")}: reach it through the client`);
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
    const esm = await build({ ...common, format: "esm", outfile: `dist/${entry.name}.js`, metafile: true });
    checkOwnInputs(entry.name, esm.metafile);
    await build({ ...common, format: "cjs", outfile: `dist/${entry.name}.cjs` });
    if (entry.name === "index") {
      const plugins = [browserModulesPlugin(root)];
      // Constants folded (no environment in a browser), so an app's bundler drops what depends on them.
      await build({ ...common, format: "esm", outfile: "dist/index.browser.js", plugins, minifySyntax: true });
    }
  }
}

/**
 * Where the types of the entries that import the client by the package's name find it: a
 * stand-in for the installed package, so their declarations import `mix-sdk` instead of
 * carrying a copy of the client's (dts-bundle-generator inlines whatever is not under a
 * node_modules folder).
 */
const standIn = fileURLToPath(new URL("../node_modules/.cache/mix-sdk-types/", import.meta.url));

function writeStandIn(): string {
  mkdirSync(join(standIn, "node_modules/mix-sdk/dist"), { recursive: true });
  copyFileSync(dist("index.d.ts"), join(standIn, "node_modules/mix-sdk/dist/index.d.ts"));
  const config = join(standIn, "tsconfig.json");
  const extendsPath = fileURLToPath(new URL("../tsconfig.build.json", import.meta.url));
  const paths = { "mix-sdk": [join(standIn, "node_modules/mix-sdk/dist/index.d.ts")] };
  writeFileSync(config, JSON.stringify({ extends: extendsPath, compilerOptions: { paths } }));
  return config;
}

/** One declaration file per entry, the same for ESM (.d.ts) and CommonJS (.d.cts) users. */
function writeTypes(selected: typeof entries, configPath: string): void {
  const types = generateDtsBundle(
    selected.map((entry) => ({
      filePath: entry.source,
      libraries: { importedLibraries: entry.external },
      // The query entry exports what its index names: not the client's types it refers to.
      output: { noBanner: true, exportReferencedTypes: entry.name !== "query" },
    })),
    { preferredConfigPath: configPath },
  );
  selected.forEach((entry, i) => {
    writeFileSync(dist(`${entry.name}.d.ts`), types[i] ?? "");
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

/** Bundles the public types: first the entries that stand alone, then those that import the client. */
export function buildTypes(): void {
  mkdirSync(dist(""), { recursive: true });
  const importsClient = (entry: (typeof entries)[number]) => entry.external.includes("mix-sdk");
  writeTypes(
    entries.filter((entry) => !importsClient(entry)),
    fileURLToPath(new URL("../tsconfig.build.json", import.meta.url)),
  );
  writeTypes(entries.filter(importsClient), writeStandIn());
}

/** Builds everything dist/ ships. */
export async function buildPackage(): Promise<void> {
  await buildJavaScript();
  buildTypes();
  await buildBin();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
