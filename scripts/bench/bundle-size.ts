import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { browserModules, browserModulesPlugin } from "../lib/browser-modules.ts";
import type { ViteChunk } from "./vite-build.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const viteBuildScript = fileURLToPath(new URL("vite-build.ts", import.meta.url));

/**
 * The most the SDK may add to the entry chunk of a Vite app that lists the sessions, gzip -9,
 * per Vite. Vite 7 minifies with esbuild, which leaves the same code about 140 B larger than
 * Vite 8's minifier does; CONTRIBUTING.md's Performance section says where the bytes go.
 */
export const viteEntryBudget: Readonly<Record<VitePackage, number>> = { vite: 4_500, vite7: 4_650 };

/**
 * The most mix-sdk/query may add to that entry chunk beyond the main entry's cost, gzip -9, with
 * all six option factories in use (473 B with Vite 8 and 477 B with Vite 7 from src/ today).
 */
export const viteQueryBudget = 600;

/**
 * The installed Vite an app is built with: `vite` is Vite 8 (Rolldown), the one users get
 * today; `vite7` is Vite 7.3.8 (Rollup), installed as an npm alias.
 */
export type VitePackage = "vite" | "vite7";

/** Each Vite the tests build with, as [name for a test title, package]. */
export const vitePackages: readonly (readonly [string, VitePackage])[] = [
  ["Vite 8", "vite"],
  ["Vite 7 (Rollup)", "vite7"],
];

/** Gzip -9 bytes: what an app loads to start (`entry`), and what it loads on demand (`lazy`). */
export type BundleSize = { entry: number; lazy: number };

/** A Vite build's size, with the modules of the start-up chunks and of the lazy ones. */
export type ViteSize = BundleSize & { entryModules: string[]; lazyModules: string[] };

/**
 * Where an app gets the SDK: src/ (the default), the built dist/ of this repository, or the
 * installed package of a project folder.
 */
export type SdkSource = { from: "src" } | { from: "dist" } | { from: "package"; project: string };

/**
 * The folder an app is built in (where its imports resolve), the aliases it needs and, built
 * from src/, the modules swapped in as in the package's `browser` export (dist/ has them).
 */
function placeOf(source: SdkSource): { dir: string; alias: Record<string, string>; swaps: Record<string, string> } {
  if (source.from === "package") return { dir: source.project, alias: {}, swaps: {} };
  const entries =
    source.from === "dist"
      ? { "mix-sdk": "dist/index.browser.js", "mix-sdk/raw": "dist/raw.js", "mix-sdk/query": "dist/query.js" }
      : { "mix-sdk": "src/index.ts", "mix-sdk/raw": "src/raw/index.ts", "mix-sdk/query": "src/query/index.ts" };
  const alias = Object.fromEntries(Object.entries(entries).map(([specifier, file]) => [specifier, join(root, file)]));
  if (source.from === "dist") return { dir: root, alias, swaps: {} };
  const swaps = Object.entries(browserModules).map(([specifier, file]) => [specifier, join(root, file)]);
  return { dir: root, alias, swaps: Object.fromEntries(swaps) };
}

/**
 * The apps measured, as a frontend developer writes them: each loads a client and lists the
 * sessions. "fetch by hand" is the baseline that the SDK's cost is measured against.
 */
export const apps: Record<string, string> = {
  "fetch by hand": `fetch("http://127.0.0.1:4010/api/sessions")
  .then((response) => response.json())
  .then((body) => console.log(body.data));
`,
  "openapi-fetch alone": `import createClient from "openapi-fetch";
createClient({ baseUrl: "http://127.0.0.1:4010" })
  .GET("/api/sessions")
  .then(({ data }) => console.log(data));
`,
  "mix-sdk": `import { Mix } from "mix-sdk";
const mix = new Mix({ serverURL: "http://127.0.0.1:4010" });
mix.sessions.list().then((sessions) => console.log(sessions));
`,
  "mix-sdk with mix-sdk/raw": `import { Mix } from "mix-sdk";
import { createRawClient } from "mix-sdk/raw";
const raw = createRawClient(new Mix({ serverURL: "http://127.0.0.1:4010" }));
raw.GET("/api/sessions").then(({ data }) => console.log(data));
`,
  // Every option of the six, as an app gets them: sessionQueries builds them all. No @tanstack/query-core
  // here: the entry needs none of it at run time, and an app's TanStack Query is the app's own cost.
  "mix-sdk with mix-sdk/query": `import { Mix } from "mix-sdk";
import { sessionQueries } from "mix-sdk/query";
const q = sessionQueries(new Mix({ serverURL: "http://127.0.0.1:4010" }));
q.list().queryFn({ signal: new AbortController().signal }).then((sessions) => console.log(sessions, q.create()));
`,
};

const indexHtml = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>app</title></head>
  <body><div id="app"></div><script type="module" src="/main.js"></script></body>
</html>
`;

let appsMade = 0;

/** Writes an app (index.html and main.js) into a new folder of `dir`, where its imports resolve. */
function writeApp(dir: string, main: string): string {
  const app = join(dir, `.size-app-${process.pid}-${appsMade++}`);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "index.html"), indexHtml);
  writeFileSync(join(app, "main.js"), main);
  return app;
}

/** The chunks loaded at start: the entry and, transitively, what it imports statically. */
function startupChunks(chunks: ViteChunk[]): Set<ViteChunk> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<ViteChunk>();
  const visit = (chunk: ViteChunk | undefined) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return loaded;
}

/**
 * Runs `vite build` with Vite's defaults on an app, in a child process as a user runs it, and
 * gives its chunks; with `outDir`, the build is written there too. The SDK comes from src/
 * (aliased as "mix-sdk"), dist/ or the installed package of `source.project`.
 */
export async function viteBuild(
  main: string,
  source: SdkSource = { from: "src" },
  outDir?: string,
  vite: VitePackage = "vite",
) {
  const { dir, alias, swaps } = placeOf(source);
  const app = writeApp(dir, main);
  const aliases = Object.entries({ ...alias, ...swaps }).map(([specifier, path]) => `${specifier}=${path}`);
  const out = outDir ? [`--out=${outDir}`] : [];
  const { NODE_ENV: _, ...env } = process.env;
  try {
    const args = ["--import", "tsx", viteBuildScript, `--vite=${vite}`, ...out, app, ...aliases];
    const { stdout } = await run(process.execPath, args, {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as ViteChunk[];
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

/** Builds already measured in this process: the same app, SDK and Vite give the same chunks. */
const measured = new Map<string, Promise<ViteChunk[]>>();

/**
 * Builds an app with `vite build` (see `viteBuild`) and measures its chunks. An app built
 * before in this process with the same SDK source and Vite is measured once.
 */
export async function viteSize(
  main: string,
  source: SdkSource = { from: "src" },
  vite: VitePackage = "vite",
): Promise<ViteSize> {
  const key = JSON.stringify([main, source, vite]);
  const build = measured.get(key) ?? viteBuild(main, source, undefined, vite);
  measured.set(key, build);
  build.catch(() => measured.delete(key));
  const chunks = await build;
  const startup = startupChunks(chunks);
  const lazy = chunks.filter((chunk) => !startup.has(chunk));
  const sum = (list: Iterable<ViteChunk>) => [...list].reduce((total, chunk) => total + chunk.gzipBytes, 0);
  return {
    entry: sum(startup),
    lazy: sum(lazy),
    entryModules: [...startup].flatMap((chunk) => chunk.moduleIds),
    lazyModules: lazy.flatMap((chunk) => chunk.moduleIds),
  };
}

/**
 * What the SDK adds to a Vite app: its entry chunk with mix-sdk (or, given `app`, another of
 * `apps`) minus the one calling fetch by hand (or, given `baseline`, another of `apps`: "mix-sdk"
 * for what a subpath entry adds beyond the main entry).
 */
export async function viteSdkCost(
  source: SdkSource = { from: "src" },
  vite: VitePackage = "vite",
  app = "mix-sdk",
  baseline = "fetch by hand",
) {
  const [withSdk, without] = await Promise.all([
    viteSize(apps[app] ?? "", source, vite),
    viteSize(apps[baseline] ?? "", source, vite),
  ]);
  return { entry: withSdk.entry - without.entry, lazy: withSdk.lazy, withSdk, without };
}

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
 * The same measure with esbuild (ESM for the browser, minified, code splitting on), for
 * comparison with the figures of bundlers other than Vite.
 */
export async function esbuildSize(main: string, source: SdkSource = { from: "src" }): Promise<BundleSize> {
  const { dir, alias, swaps } = placeOf(source);
  const app = writeApp(dir, main);
  const outdir = join(app, "out");
  try {
    const { metafile = { inputs: {}, outputs: {} } } = await build({
      entryPoints: [join(app, "main.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      minify: true,
      splitting: true,
      outdir,
      metafile: true,
      absWorkingDir: dir,
      alias,
      plugins: Object.keys(swaps).length ? [browserModulesPlugin(root)] : [],
      logLevel: "silent",
    });
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint);
    const loaded = startupFiles(outputs, entry ?? "");
    const size = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    const sum = (files: string[]) => files.reduce((total, file) => total + size(file), 0);
    const all = Object.keys(outputs).filter((file) => file.endsWith(".js"));
    return { entry: sum([...loaded]), lazy: sum(all.filter((file) => !loaded.has(file))) };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

/**
 * The modules of an app that do not belong there: anything but the app itself, Vite's helpers,
 * the main entry's code (src/ outside its entries' folders, the generated table, or
 * dist/index.js and its browser build), with `raw` the raw client's entry and openapi-fetch,
 * and with `query` the files of mix-sdk/query (never @tanstack/query-core, which it imports
 * for types only). So `mix-sdk/mock`, msw or any other dependency shows up here.
 */
export function strayModules(modules: string[], raw = false, query = false): string[] {
  const here = root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const allowed = [
    /^\0vite\//,
    /\/\.size-app-[^/]+\/(index\.html|main\.js)$/,
    new RegExp(`^${here}src/[^/]+\\.ts$`),
    new RegExp(`^${here}generated/operations\\.ts$`),
    new RegExp(`(^${here}|/node_modules/mix-sdk/)dist/index(\\.browser)?\\.js$`),
  ];
  const rawOnly = [
    new RegExp(`^${here}src/raw/index\\.ts$`),
    new RegExp(`(^${here}|/node_modules/mix-sdk/)dist/raw\\.js$`),
    /\/node_modules\/openapi-fetch\/dist\/index\.mjs$/,
  ];
  const queryOnly = [
    new RegExp(`^${here}src/query/[^/]+\\.ts$`),
    new RegExp(`(^${here}|/node_modules/mix-sdk/)dist/query\\.js$`),
  ];
  const patterns = [...allowed, ...(raw ? rawOnly : []), ...(query ? queryOnly : [])];
  return modules.filter((module) => !patterns.some((pattern) => pattern.test(module)));
}
