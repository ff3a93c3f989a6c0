import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { browserModulesPlugin } from "../../scripts/lib/browser-modules.ts";
import * as nodeBuild from "../../src/index.ts";
import * as nodeRuntime from "../../src/runtime.ts";
import * as browserRuntime from "../../src/runtime-browser.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;
let browserBuild: typeof nodeBuild;

beforeAll(async () => {
  // The client as the package's `browser` export builds it, loaded here to compare with src/.
  dir = mkdtempSync(join(tmpdir(), "mix-browser-build-"));
  const { outputFiles = [] } = await build({
    entryPoints: [join(root, "src/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    external: ["openapi-fetch"],
    plugins: [browserModulesPlugin(root)],
    write: false,
  });
  const file = join(dir, "index.browser.mjs");
  writeFileSync(file, outputFiles[0]?.text ?? "");
  browserBuild = await import(pathToFileURL(file).href);
}, 30_000);

afterAll(() => {
  vi.unstubAllEnvs();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fetch whose every call fails as Node reports a refused connection; counts its calls. */
function refusingFetch() {
  const calls: string[] = [];
  const fetch = async (request: Request) => {
    calls.push(request.url);
    throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
  };
  return { calls, fetch };
}

describe("the browser build, which the package exports as `browser`,", () => {
  it("does not retry create after an error it cannot tell from a dropped connection, as src/ does", async () => {
    const retryConfig = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1 } } as const;
    const counts: number[] = [];
    for (const sdk of [nodeBuild, browserBuild]) {
      const { calls, fetch } = refusingFetch();
      const mix = new sdk.Mix({ serverURL: "http://127.0.0.1:9", fetch, retryConfig });
      await expect(mix.sessions.create({ title: "t" })).rejects.toBeInstanceOf(sdk.ConnectionError);
      counts.push(calls.length);
    }
    // Node: refused means unseen, so create is retried (3 retries); the browser build sends once.
    expect(counts).toEqual([4, 1]);
  });

  it("takes no failure for a refused connection and has no environment, where src/runtime.ts does", () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
    });
    expect([nodeRuntime.isRefused(refused), browserRuntime.isRefused(refused)]).toEqual([true, false]);
    expect(nodeRuntime.env).toBe(process.env);
    expect(browserRuntime.env).toBeUndefined();
  });

  it("reads no MIX_SERVER_URL or MIX_DEBUG, which browsers do not have", async () => {
    vi.stubEnv("MIX_SERVER_URL", "http://127.0.0.1:1");
    vi.stubEnv("MIX_DEBUG", "1");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const urls: string[] = [];
    for (const sdk of [nodeBuild, browserBuild]) {
      const fetch = async (request: Request) => {
        urls.push(request.url);
        return Response.json({ data: [] });
      };
      await new sdk.Mix({ fetch }).sessions.list();
    }
    expect(urls).toEqual(["http://127.0.0.1:1/api/sessions", "http://localhost:8088/api/sessions"]);
    expect(debug).toHaveBeenCalledTimes(1);
    debug.mockRestore();
  });
});
