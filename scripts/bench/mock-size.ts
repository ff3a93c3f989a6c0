/**
 * The size of `mix-sdk/mock` as an app bundles it (esbuild, browser, ESM, minified, gzip
 * level 9), with msw left out (the app has it anyway), and which of the SDK's source files an
 * app that imports only `Mix` bundles. `tsx scripts/bench/mock-size.ts` prints both.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** An app that starts MSW's browser worker with the mock's handlers. */
export const mockApp = `import { setupWorker } from "msw/browser";
import { createMixMock } from "./src/mock/index.ts";
setupWorker(...createMixMock().handlers).start();`;

/** An app that imports only the client. */
export const clientApp = `import { Mix } from "./src/index.ts";
new Mix().sessions.get({ id: "1" }).then(console.log);`;

/** Gzip size in bytes of the app's bundle without msw, and the project files it includes. */
export async function appBundle(source: string): Promise<{ gzip: number; files: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
    metafile: true,
    external: ["msw", "msw/*", "openapi-fetch"],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const files = Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules"));
  return { gzip: gzipSync(code, { level: 9 }).length, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mock = await appBundle(mockApp);
  const client = await appBundle(clientApp);
  console.log(`mix-sdk/mock, msw excluded: ${mock.gzip} B gzip (${mock.files.length} files)`);
  console.log(`an app importing only Mix: ${client.files.filter((f) => f.includes("mock")).length} mock files`);
}
