import { readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPortal, portalFiles } from "../../scripts/docs.ts";
import { loadArazzo } from "../../scripts/lib/arazzo.ts";
import { type CodeSample, renderCodeSamples, sampleLabels } from "../../scripts/lib/code-samples.ts";
import { openOperation, sampleLanguages, showSample, waitForPortal } from "../../scripts/lib/portal-page.ts";
import { postmanCollection } from "../../scripts/lib/postman.ts";
import { arazzoPath, listOperations, loadSpec, type Node } from "../../scripts/lib/spec.ts";
import { launchChromium, loopbackOnlyPage } from "../helpers/chromium.ts";

let browser: Browser;
let files: string[];
const spec = loadSpec();
const operations = listOperations(spec);
const lastSummary = String(operations.at(-1)?.operation.summary);

beforeAll(async () => {
  files = await buildPortal();
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the portal page with every request to anything but loopback refused and listed. */
async function openPortal(): Promise<{ page: Page; blocked: string[] }> {
  const { page, blocked } = await loopbackOnlyPage(browser);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(pathToFileURL(files[2] ?? "").href);
  await waitForPortal(page, lastSummary);
  return { page, blocked };
}

/** Redocly documents the sidebar logo as the one thing it still loads from its CDN. */
const unexpected = (blocked: string[]) => blocked.filter((url) => !url.startsWith("https://cdn.redoc.ly/redoc/logo"));

describe("the docs portal bundle", () => {
  it("writes the page, the bundled spec as YAML and JSON, the Postman collection and the Arazzo workflows", () => {
    expect(files.map((f) => f.split("/").pop())).toEqual([...portalFiles]);
    for (const file of files) expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it("publishes spec/sessions.arazzo.yaml as it is, beside the openapi.yaml it names", () => {
    expect(readFileSync(files[4] ?? "", "utf8")).toBe(readFileSync(arazzoPath, "utf8"));
    expect(loadArazzo(files[4]).workflows.length).toBeGreaterThan(0);
    expect(readFileSync(files[4] ?? "", "utf8")).toContain("url: ./openapi.yaml");
  });

  it("carries in both bundles exactly the code samples that npm test runs, on every operation", () => {
    const expected = renderCodeSamples(spec);
    for (const bundle of [loadSpec(files[0]), loadSpec(files[1])]) {
      const found = Object.fromEntries(
        listOperations(bundle).map(({ operation }) => [operation.operationId, operation["x-codeSamples"]]),
      );
      expect(found).toEqual(expected);
    }
  });

  it("writes the Postman collection that the converter makes from the bundle", async () => {
    const written = JSON.parse(readFileSync(files[3] ?? "", "utf8")) as Node;
    expect(written).toEqual(await postmanCollection(loadSpec(files[1])));
  });

  it("renders all six operations in Chromium with no network", async () => {
    const { page, blocked } = await openPortal();
    // Summaries are in the sidebar and the operation pages; "GET /api/sessions" rows are visible.
    // The page draws its operations after its sidebar, later still on a busy machine: wait for the
    // rows (the assertions below then say which one is missing, if any never came).
    const rows = operations.map(({ method, path }) => `${method}\\s*${path.replace(/[{}]/g, "\\$&")}`);
    await page
      .waitForFunction((patterns) => patterns.every((p) => new RegExp(p).test(document.body.innerText)), rows, {
        timeout: 60_000,
      })
      .catch(() => undefined);
    const allText = await page.evaluate(() => document.body.textContent ?? "");
    const visible = await page.evaluate(() => document.body.innerText);
    expect(operations).toHaveLength(6);
    operations.forEach(({ operation, method, path }, i) => {
      expect(allText.includes(String(operation.summary)), String(operation.summary)).toBe(true);
      expect(new RegExp(rows[i] ?? "").test(visible), `${method} ${path}`).toBe(true);
    });
    expect(unexpected(blocked)).toEqual([]);
  });

  it("shows a TypeScript and a curl sample beside every operation, each with its own code", async () => {
    const { page, blocked } = await openPortal();
    const samples = renderCodeSamples(spec);
    for (const { operation, method, path } of operations) {
      const tag = String((operation.tags as string[] | undefined)?.[0]);
      const panel = await openOperation(page, { tag, summary: String(operation.summary), method, path });
      const languages = await sampleLanguages(panel);
      expect(languages.slice(0, 2), String(operation.operationId)).toEqual([...sampleLabels]);
      for (const { label, source } of samples[String(operation.operationId)] as CodeSample[]) {
        expect(await showSample(panel, label), `${operation.operationId} ${label}`).toBe(source);
      }
    }
    expect(unexpected(blocked)).toEqual([]);
  });
});
