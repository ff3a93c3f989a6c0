/**
 * spec/README.md's picture of the portal: one operation with its code samples, rendered by Debian's
 * headless Chromium from dist/portal/index.html and saved as spec/portal-screenshot.png.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.ts";
import { openOperation, waitForPortal } from "./portal-page.ts";
import { listOperations, loadSpec } from "./spec.ts";

/** Where the screenshot is saved, beside the spec it shows. */
export const screenshotPath = fileURLToPath(new URL("../../spec/portal-screenshot.png", import.meta.url));

/** fork shows the most at once: a path parameter, a body, two documented errors. */
const shownOperation = "forkSession";

/** Renders the portal page and saves one operation with its TypeScript sample; returns the PNG's path. */
export async function screenshotPortal(html: string, out = screenshotPath): Promise<string> {
  const operations = listOperations(loadSpec());
  const found = operations.find((op) => op.operation.operationId === shownOperation);
  if (!found) throw new Error(`the spec has no operation ${shownOperation}`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1760, height: 800 } });
    await page.goto(pathToFileURL(html).href);
    await waitForPortal(page, String(operations.at(-1)?.operation.summary));
    const tag = String((found.operation.tags as string[] | undefined)?.[0]);
    await openOperation(page, { ...found, tag, summary: String(found.operation.summary) });
    await page.screenshot({ path: out });
    return out;
  } finally {
    await browser.close();
  }
}
