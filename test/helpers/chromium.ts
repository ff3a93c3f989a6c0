import { type Browser, chromium, type Page } from "playwright-core";

/** Flags known to work for headless Debian Chromium on this machine kind, as root. */
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Everything but loopback goes to a proxy that is not there, so nothing leaves the machine.
  // (Request interception would do it too, but Chromium then skips CORS preflights.)
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=127.0.0.1",
];

/** Launches Debian's Chromium (no browser download), unable to reach anything but loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: flags });
}

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
