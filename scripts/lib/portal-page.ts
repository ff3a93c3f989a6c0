/**
 * Finding things on the portal page (Redocly's build-docs output) in a browser: its operations
 * and their request-sample panels. The portal test and spec/README.md's screenshot share these, so
 * both read the page the same way.
 */
import type { Locator, Page } from "playwright-core";

/** An operation as the page lists it. */
export type PortalOperation = { tag: string; summary: string; method: string; path: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Waits until the page has rendered its sidebar (up to 60 s: the page inlines 2.5 MB of script). */
export async function waitForPortal(page: Page, lastSummary: string): Promise<void> {
  await page.waitForFunction((text) => document.body.textContent?.includes(text), lastSummary, { timeout: 60_000 });
}

/**
 * Opens an operation as a reader would, from its tag's group in the sidebar, and returns the
 * panel beside it that holds its request samples (the one headed by its method and path).
 */
export async function openOperation(page: Page, op: PortalOperation): Promise<Locator> {
  const sidebar = page.locator('[data-component-name="Menu/Menu"]');
  const link = sidebar.getByRole("link", { name: new RegExp(`^${escapeRegExp(op.summary)}`) });
  // A tag's group opens on a click and closes on the next one.
  if (!(await link.isVisible())) await sidebar.getByRole("link", { name: op.tag, exact: true }).click();
  await link.click();
  const heading = new RegExp(`^${op.method}\\s*${escapeRegExp(op.path)}$`, "i");
  const panel = page
    .locator('[data-component-name="Panel/Panel"]')
    .filter({ has: page.getByRole("button", { name: heading }) });
  await panel.waitFor({ state: "visible" });
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

/** The button that opens a panel's language menu: the header's second dropdown (the first picks the server). */
function languageButton(panel: Locator): Locator {
  return panel.locator('[data-component-name="Panel/PanelHeader"] [data-testid="dropdown"]').nth(1).locator("button");
}

/** Opens a panel's language menu, which the page draws outside the panel, and returns it. */
async function openLanguageMenu(panel: Locator): Promise<Locator> {
  await languageButton(panel).click();
  const menu = panel.page().getByRole("menu").filter({ visible: true });
  await menu.waitFor();
  return menu;
}

/** The languages a panel's menu offers, in order. */
export async function sampleLanguages(panel: Locator): Promise<string[]> {
  const menu = await openLanguageMenu(panel);
  const labels = (await menu.getByRole("menuitem").allTextContents()).map((text) => text.trim());
  // The menu ignores Escape; its button toggles it.
  await languageButton(panel).click();
  await menu.waitFor({ state: "hidden" });
  return labels;
}

/** Picks a language from a panel's menu, as a reader would, and returns the code it then shows. */
export async function showSample(panel: Locator, label: string): Promise<string> {
  const menu = await openLanguageMenu(panel);
  await menu.getByRole("menuitem", { name: label, exact: true }).click();
  await languageButton(panel)
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
    .waitFor();
  return (await panel.locator('pre[data-testid="source-code"]').textContent()) ?? "";
}
