/**
 * Runs `vite build` with Vite's defaults on one app folder (an index.html and what it loads)
 * and prints its chunks as JSON: name, whether it is the entry, its static imports, its
 * modules and its gzip -9 size. Run in a child process by bundle-size.ts, with NODE_ENV unset
 * as a user's `vite build` has it: under a test runner it would read "test", and Vite then
 * builds differently.
 *
 *   node --import tsx scripts/bench/vite-build.ts <app folder> [<specifier>=<path> ...]
 *
 * Each `specifier=path` is a `resolve.alias`, the only thing set beyond Vite's defaults (used
 * to build against src/ instead of an installed package).
 */
import { gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";

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

const [root, ...aliases] = process.argv.slice(2);
if (!root) throw new Error("usage: vite-build.ts <app folder> [<specifier>=<path> ...]");
const alias = Object.fromEntries(aliases.map((pair) => pair.split("=", 2) as [string, string]));
const result = await build({
  root,
  configFile: false,
  logLevel: "silent",
  resolve: { alias },
  build: { write: false },
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
