/**
 * The modules that builds for browsers take in place of what src/ imports: the package's
 * `browser` export (dist/index.browser.js, by scripts/build.ts) and the size measure's app
 * built from src/ (scripts/bench/bundle-size.ts). Keys are import specifiers as written in
 * src/, values are paths from the repository's root.
 */
import type { Plugin } from "esbuild";

/** Specifier in src/ -> the file browser builds load instead. */
export const browserModules: Readonly<Record<string, string>> = { "./runtime.js": "src/runtime-browser.ts" };

/** An esbuild plugin resolving `browserModules` (relative to `root`) in src/ for a browser build. */
export function browserModulesPlugin(root: string): Plugin {
  const specifiers = Object.keys(browserModules).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return {
    name: "browser-modules",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${specifiers.join("|")})$`) }, (args) => ({
        path: `${root}${browserModules[args.path]}`,
      }));
    },
  };
}
