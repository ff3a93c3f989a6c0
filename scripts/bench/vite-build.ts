/**
 * Runs `vite build` with Vite's defaults on one app folder (an index.html and what it loads)
 * and prints its chunks as JSON: name, whether it is the entry, its static imports, its
 * modules and its gzip -9 size. Run in a child process by bundle-size.ts, with NODE_ENV unset
 * as a user's `vite build` has it: under a test runner it would read "test", and Vite then
 * builds differently.
 *
 *   node --import tsx scripts/bench/vite-build.ts [--vite=<package>] [--out=<folder>] <app folder> [<specifier>=<path> ...]
 *
 * Each `specifier=path` is a `resolve.alias` for exactly that specifier (so "mix-sdk" leaves
 * "mix-sdk/raw" alone), the only thing set beyond Vite's defaults (used to build against src/
 * or dist/ instead of an installed package). With `--out`, the build is also
 * written to that folder, to be served and run. `--vite` names the installed Vite to build
 * with: `vite` (the default, Vite 8, Rolldown) or `vite7` (Vite 7, Rollup).
 */
import { gzipSync } from "node:zlib";
import type { Rolldown, build as viteBuild } from "vite";

/** One output chunk of the build, as the size measure needs it. */
export type ViteChunk = {
  fileName: string;
  isEntry: boolean;
  /** Chunks this one imports statically: loaded with it, before the app runs. */
  imports: string[];
  /** Absolute paths of the modules bundled into it (Vite's virtual helpers start with "\0"). */
  moduleIds: string[];
  gzipBytes: number;
};

const args = process.argv.slice(2);
const option = (name: string) => (args[0]?.startsWith(`--${name}=`) ? args.shift()?.slice(name.length + 3) : undefined);
const vite = option("vite") ?? "vite";
const outDir = option("out");
const { build } = (await import(vite)) as { build: typeof viteBuild };
const [root, ...aliases] = args;
if (!root)
  throw new Error("usage: vite-build.ts [--vite=<package>] [--out=<folder>] <app folder> [<specifier>=<path> ...]");
const alias = aliases.map((pair) => {
  const [specifier = "", replacement = ""] = pair.split("=", 2);
  return { find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`), replacement };
});
const result = await build({
  root,
  configFile: false,
  logLevel: "silent",
  resolve: { alias },
  build: outDir ? { outDir, emptyOutDir: true } : { write: false },
});
const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
const chunks: ViteChunk[] = outputs
  .flatMap((output) => output.output)
  .filter((item): item is Rolldown.OutputChunk => item.type === "chunk")
  .map((chunk) => ({
    fileName: chunk.fileName,
    isEntry: chunk.isEntry,
    imports: chunk.imports,
    moduleIds: chunk.moduleIds,
    gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
  }));
process.stdout.write(JSON.stringify(chunks));
