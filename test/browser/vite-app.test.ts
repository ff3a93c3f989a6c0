import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type VitePackage, viteBuild, vitePackages } from "../../scripts/bench/bundle-size.ts";
import { launchChromium, loopbackOnlyPage } from "../helpers/chromium.ts";
import { sendJson, startServer } from "../helpers/http-server.ts";
import { sampleSession } from "../helpers/spec-examples.ts";

/** A page as a frontend developer writes it: it lists the sessions, and reads one through `mix-sdk/raw`. */
const main = `import { Mix } from "mix-sdk";
import { createRawClient } from "mix-sdk/raw";
const mix = new Mix({ serverURL: new URLSearchParams(location.search).get("api"), retryConfig: { strategy: "none" } });
const raw = createRawClient(mix);
window.app = {
  list: () => mix.sessions.list(),
  rawGet: (id) =>
    raw.GET("/api/sessions/{id}", { params: { path: { id } } }).then(({ data, response }) => ({ status: response.status, data })),
};
`;

declare global {
  interface Window {
    app: { list(): Promise<unknown>; rawGet(id: string): Promise<{ status: number; data: unknown }> };
  }
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Builds the page with one Vite into a temporary folder and serves it, with an API beside it. */
async function servedApp(vite: VitePackage) {
  const out = mkdtempSync(join(tmpdir(), `mix-${vite}-app-`));
  const chunks = await viteBuild(main, { from: "src" }, out, vite);
  const site = await startServer((req, res) => {
    const path = normalize(req.url.split("?")[0] === "/" ? "/index.html" : (req.url.split("?")[0] ?? ""));
    const type = path.endsWith(".js") ? "text/javascript" : "text/html";
    try {
      res.writeHead(200, { "content-type": type }).end(readFileSync(join(out, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  const api = await startServer((req, res) => {
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    const one = req.url === `/api/sessions/${sampleSession.id}`;
    sendJson(res, 200, { data: one ? sampleSession : [sampleSession] }, cors);
  }).catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  const close = async () => {
    await Promise.all([site.close(), api.close()]);
    rmSync(out, { recursive: true, force: true });
  };
  return { chunks, site, api, close };
}

describe.each(vitePackages)("an app built with vite build (%s, Vite's defaults) in headless Chromium", (_, vite) => {
  let app: Awaited<ReturnType<typeof servedApp>>;
  let page: Page;
  let blocked: string[];

  beforeAll(async () => {
    app = await servedApp(vite);
    ({ page, blocked } = await loopbackOnlyPage(browser));
    await page.goto(`${app.site.url}/?api=${encodeURIComponent(app.api.url)}`);
    await page.waitForFunction(() => "app" in globalThis);
  }, 90_000);

  afterAll(async () => {
    await page?.close();
    await app?.close();
  });

  it("lists the sessions and reads one through mix-sdk/raw, all from one chunk", async () => {
    const { chunks, api } = app;
    expect(chunks.map((chunk) => chunk.isEntry)).toEqual([true]);
    await expect(page.evaluate(() => window.app.list())).resolves.toEqual([sampleSession]);
    await expect(page.evaluate((id) => window.app.rawGet(id), sampleSession.id)).resolves.toEqual({
      status: 200,
      data: { data: sampleSession },
    });
    expect(api.requests.filter((r) => r.method === "GET").map((r) => r.url)).toEqual([
      "/api/sessions",
      `/api/sessions/${sampleSession.id}`,
    ]);
    expect(blocked).toEqual([]);
  });
});
