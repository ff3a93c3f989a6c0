import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, loopbackOnlyPage } from "../helpers/chromium.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { successData } from "../helpers/spec-examples.ts";

type Step = { step: string; ok: boolean; value?: unknown; status?: number; message?: string };
declare function startMock(): Promise<boolean>;
declare function runFlow(serverURL: string): Promise<Step[]>;
declare function storedTitles(): string[];

let browser: Browser;
let page: Page;
let blocked: string[];
let site: TestServer;
const workerScript = readFileSync(createRequire(import.meta.url).resolve("msw/mockServiceWorker.js"), "utf8");

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("mock-page.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  const files: Record<string, [string, string]> = {
    "/": [
      "text/html",
      `<!doctype html><meta charset="utf-8"><title>mock</title><script type="module" src="/page.js"></script>`,
    ],
    "/page.js": ["text/javascript", bundle.outputFiles[0]?.text ?? ""],
    "/mockServiceWorker.js": ["text/javascript", workerScript],
  };
  site = await startServer((req, res) => {
    const file = files[req.url];
    res.writeHead(file ? 200 : 404, { "content-type": file?.[0] ?? "text/plain" });
    res.end(file?.[1] ?? "not here");
  });
  browser = await launchChromium();
  ({ page, blocked } = await loopbackOnlyPage(browser));
  await page.goto(site.url);
  await page.waitForFunction(() => "runFlow" in globalThis);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("mix-sdk/mock in headless Chromium, through MSW's real service worker", () => {
  it("registers mockServiceWorker.js, which then controls the page", async () => {
    await expect(page.evaluate(() => startMock())).resolves.toBe(true);
    expect(site.requests.map((r) => r.url)).toContain("/mockServiceWorker.js");
  });

  it("answers the SDK's whole flow from its store; nothing reaches the network", async () => {
    await expect(page.evaluate(() => startMock())).resolves.toBe(true);
    // Nothing listens on port 9: every answer comes from the service worker.
    const steps = await page.evaluate((url) => runFlow(url), "http://127.0.0.1:9");
    expect(steps.map((s) => [s.step, s.ok])).toEqual([
      ["create", true],
      ["list", true],
      ["get", true],
      ["fork", true],
      ["cancelProcessing", true],
      ["delete", true],
      ["get deleted", false],
    ]);
    const created = steps[0]?.value as { id: string; title: string };
    expect(created.title).toBe("From the service worker");
    expect(((steps[1]?.value ?? []) as { id: string }[]).map((s) => s.id)).toEqual([
      created.id,
      ...(successData("listSessions") as { id: string }[]).map((s) => s.id),
    ]);
    expect(steps[2]?.value).toEqual(created);
    expect(steps[3]?.value).toMatchObject({ title: "Fork", userMessageCount: 0 });
    expect(steps[6]).toMatchObject({ status: 404, message: `Session with ID '${created.id}' not found` });
    await expect(page.evaluate(() => storedTitles())).resolves.toEqual([
      "Fork",
      "Write release notes",
      "Refactor the billing module",
    ]);
    expect(site.requests.filter((r) => r.url.startsWith("/api/"))).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
