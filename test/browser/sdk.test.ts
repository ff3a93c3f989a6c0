import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserModulesPlugin } from "../../scripts/lib/browser-modules.ts";
import { type Prism, startPrism } from "../../scripts/lib/prism.ts";
import { launchChromium, loopbackOnlyPage } from "../helpers/chromium.ts";
import { startServer, type TestServer } from "../helpers/http-server.ts";
import { startMixServer } from "../helpers/mix-servers.ts";
import { successData } from "../helpers/spec-examples.ts";

type Step = { step: string; ok: boolean; value?: unknown; error?: { name: string; status?: number; message: string } };
declare function runAll(serverURL: string): Promise<Step[]>;
declare function getWithHeaders(serverURL: string, id: string, headers: Record<string, string>): Promise<Step>;

let browser: Browser;
let page: Page;
let blocked: string[];
let site: TestServer;
let prism: Prism;
let mixServer: TestServer;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("page.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    // The modules the package's `browser` export swaps in, as browsers get it.
    plugins: [browserModulesPlugin(fileURLToPath(new URL("../../", import.meta.url)))],
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  const html = `<!doctype html><meta charset="utf-8"><title>mix-sdk</title><script type="module" src="/page.js"></script>`;
  site = await startServer((req, res) => {
    const js = req.url === "/page.js";
    res.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
    res.end(js ? script : html);
  });
  [prism, mixServer, browser] = await Promise.all([startPrism(), startMixServer("real"), launchChromium()]);
  ({ page, blocked } = await loopbackOnlyPage(browser));
  await page.goto(site.url);
  await page.waitForFunction(() => "runAll" in globalThis);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([prism?.stop(), mixServer?.close(), site?.close()]);
});

describe("the SDK in headless Chromium", () => {
  it("runs all six operations against the Prism mock", async () => {
    const steps = await page.evaluate((url) => runAll(url), prism.url);
    expect(steps.map((s) => [s.step, s.ok, s.error?.message])).toEqual(
      ["create", "get", "list", "fork", "cancelProcessing", "delete"].map((name) => [name, true, undefined]),
    );
    expect(steps[1]?.value).toEqual(successData("getSession"));
    expect(steps[2]?.value).toEqual(successData("listSessions"));
    expect(steps[4]?.value).toEqual({ cancelled: true });
    expect(blocked).toEqual([]);
  });

  it("gets a documented error from the mock as RESTResponseError", async () => {
    const step = await page.evaluate((url) => getWithHeaders(url, "x", { Prefer: "code=404" }), prism.url);
    expect(step.error).toEqual({
      name: "RESTResponseError",
      status: 404,
      message: expect.stringContaining("not found"),
    });
  });

  it("runs all six operations against a server that behaves like the real one, CORS rules included", async () => {
    const steps = await page.evaluate((url) => runAll(url), mixServer.url);
    expect(steps.map((s) => [s.step, s.ok])).toEqual(
      ["create", "get", "list", "fork", "cancelProcessing", "delete"].map((name) => [name, true]),
    );
    const created = steps[0]?.value as { id: string; title: string };
    expect(created.title).toBe("From the browser");
    expect(steps[1]?.value).toEqual(created);
    // The real server answers cancel with {status: "cancelled"}: the SDK reports cancelled: true.
    expect(steps[4]?.value).toMatchObject({ cancelled: true, status: "cancelled" });
    // POSTs with a JSON body were preflighted; the SDK sent no header the server does not allow.
    expect(mixServer.requests.filter((r) => r.method === "OPTIONS").length).toBeGreaterThan(0);
    expect(mixServer.requests.filter((r) => r.method !== "OPTIONS")).toHaveLength(6);
  });

  it("is stopped by the browser when a caller adds a header the server does not allow", async () => {
    const before = mixServer.requests.length;
    const allowed = await page.evaluate(
      (url) => getWithHeaders(url, "nope", { Authorization: "Bearer t" }),
      mixServer.url,
    );
    const refused = await page.evaluate((url) => getWithHeaders(url, "nope", { "X-Trace": "1" }), mixServer.url);
    expect(allowed.error).toMatchObject({ name: "RESTResponseError", status: 404 });
    expect(refused.error).toMatchObject({
      name: "ConnectionError",
      message: expect.stringContaining("Failed to fetch"),
    });
    // The refused get never reached the server: only its preflight did.
    const seen = mixServer.requests.slice(before).map((r) => r.method);
    expect(seen).toEqual(["OPTIONS", "GET", "OPTIONS"]);
  });
});
