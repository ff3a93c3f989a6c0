import type { Browser, Page } from "playwright-core";

export { launchChromium } from "../../scripts/lib/chromium.ts";

/** Opens a page and lists every request it makes to anything but loopback or local data (file:, data:, blob:). */
export async function loopbackOnlyPage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const local = ["file:", "data:", "blob:", "about:"].includes(url.protocol) || url.hostname === "127.0.0.1";
    if (!local) blocked.push(url.href);
  });
  return { page, blocked };
}
