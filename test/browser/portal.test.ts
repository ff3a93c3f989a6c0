import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPortal } from "../../scripts/docs.ts";
import { listOperations, loadSpec } from "../../scripts/lib/spec.ts";
import { launchChromium, loopbackOnlyPage } from "../helpers/chromium.ts";

let browser: Browser;
let files: string[];

beforeAll(async () => {
  files = buildPortal();
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

describe("the docs portal bundle", () => {
  it("writes the page and the bundled spec as YAML and JSON", () => {
    expect(files.map((f) => f.split("/").pop())).toEqual(["openapi.yaml", "openapi.json", "index.html"]);
    for (const file of files) expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it("renders all six operations in Chromium with no network", async () => {
    const { page, blocked } = await loopbackOnlyPage(browser);
    const html = files[2] ?? "";
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => document.body.textContent?.includes("Cancel agent processing"), null, {
      timeout: 60_000,
    });
    // Summaries are in the sidebar and the operation pages; "GET /api/sessions" rows are visible.
    const allText = await page.evaluate(() => document.body.textContent ?? "");
    const visible = await page.evaluate(() => document.body.innerText);
    const operations = listOperations(loadSpec());
    expect(operations).toHaveLength(6);
    for (const { operation, method, path } of operations) {
      expect(allText.includes(String(operation.summary)), String(operation.summary)).toBe(true);
      expect(new RegExp(`${method}\\s*${path.replace(/[{}]/g, "\\$&")}`).test(visible), `${method} ${path}`).toBe(true);
    }
    // Redocly documents the sidebar logo as the one thing it still loads from its CDN.
    expect(blocked.filter((url) => !url.startsWith("https://cdn.redoc.ly/redoc/logo"))).toEqual([]);
  });
});
