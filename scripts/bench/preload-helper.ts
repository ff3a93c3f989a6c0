/**
 * What Vite does with a package's lazy `import()`, spelling by spelling: whether it adds its
 * preload helper to the app's entry chunk, whether the imported module still gets a chunk of
 * its own (else the built app cannot load it), and what the helper weighs (gzip -9). The
 * evidence behind the README's "Why Vite's preload helper stays".
 *
 *   npx tsx scripts/bench/preload-helper.ts [<folder holding a vite package>]
 *
 * Default: Vite 8, `node_modules/vite`. `node_modules/vite7` is the pinned Vite 7 (Rollup); for
 * another version, install it elsewhere (`npm i vite@6 --prefix /tmp/vite6`) and pass that
 * folder's `node_modules/vite`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { gzipSync } from "node:zlib";

type Chunk = { type: "chunk"; isEntry: boolean; code: string } | { type: "asset" };
type ViteBuild = (config: object) => Promise<{ output: Chunk[] } | { output: Chunk[] }[]>;

/** The lazy load as a package may write it: the module `lib.js` of a package `lib`. */
const spellings: Record<string, string> = {
  'import("./lazy.js")': 'export const load = () => import("./lazy.js");',
  'import(("./lazy.js"))': 'export const load = () => import(("./lazy.js"));',
  'import(/* @vite-ignore */ "./lazy.js")': 'export const load = () => import(/* @vite-ignore */ "./lazy.js");',
  "import(`./lazy.js`)": "export const load = () => import(`./lazy.js`);",
  'import("./la" + "zy.js")': 'export const load = () => import("./la" + "zy.js");',
  'import((0, "./lazy.js"))': 'export const load = () => import((0, "./lazy.js"));',
  "a `const __vitePreload` of its own": [
    "const __vitePreload = (load) => load();",
    'export const load = () => import("./lazy.js");',
  ].join("\n"),
};

const marker = "LAZY_MODULE_MARKER";
const viteDir = resolve(process.argv[2] ?? "node_modules/vite");
const { build } = (await import(pathToFileURL(join(viteDir, "dist/node/index.js")).href)) as { build: ViteBuild };
const work = mkdtempSync(join(tmpdir(), "preload-helper-"));

/** Builds an app whose main.js calls the package's `load()`, and gives its chunks. */
async function buildWith(libCode: string, n: number) {
  const root = join(work, `app-${n}`);
  const lib = join(root, "node_modules/lib");
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(root, "index.html"), '<script type="module" src="/main.js"></script>\n');
  writeFileSync(join(root, "main.js"), 'import { load } from "lib";\nload().then((m) => console.log(m.value));\n');
  writeFileSync(join(lib, "package.json"), JSON.stringify({ name: "lib", type: "module", exports: "./lib.js" }));
  writeFileSync(join(lib, "lib.js"), `${libCode}\n`);
  writeFileSync(join(lib, "lazy.js"), `export const value = "${marker}";\n`);
  const result = await build({ root, configFile: false, logLevel: "silent", build: { write: false } });
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((output) => output.output)
    .filter((item): item is Extract<Chunk, { type: "chunk" }> => item.type === "chunk");
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error("the build has no entry chunk");
  return { entry, lazy: chunks.find((chunk) => !chunk.isEntry && chunk.code.includes(marker)) };
}

/** The line of a build error that says what is wrong, without colours. */
function firstReason(error: unknown): string {
  const lines = stripVTControlCharacters(String((error as Error).message)).split("\n");
  const reason = lines.find((line) => /identifier|declared|error:/i.test(line) && !line.startsWith("Build failed"));
  return (reason ?? lines[0] ?? "").trim();
}

const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
const rows: string[][] = [];
const entryBytes: Record<string, number> = {};
try {
  for (const [n, [name, libCode]] of Object.entries(spellings).entries()) {
    try {
      const { entry, lazy } = await buildWith(libCode, n);
      entryBytes[name] = gzip(entry.code);
      const helper = entry.code.includes("vite:preloadError");
      rows.push([name, helper ? "yes" : "no", lazy ? "yes" : "no: the app cannot load it", `${entryBytes[name]} B`]);
    } catch (error) {
      rows.push([name, "-", `build fails: ${firstReason(error)}`, "-"]);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const { version } = (await import(pathToFileURL(join(viteDir, "package.json")).href, { with: { type: "json" } }))
  .default as { version: string };
console.log(`Vite ${version}: a package's lazy import() as the app's entry chunk gets it\n`);
console.log("| spelling | preload helper in the entry | module in a chunk of its own | entry, gzip -9 |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
const withHelper = rows.find((row) => row[1] === "yes")?.[0];
const without = rows.find((row) => row[1] === "no" && row[2] === "yes")?.[0];
if (withHelper && without) {
  const cost = (entryBytes[withHelper] ?? 0) - (entryBytes[without] ?? 0);
  console.log(`\nThe helper adds ${cost} B (${withHelper} against ${without}).`);
}
