import { type Browser, chromium } from "playwright-core";

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

/**
 * Launches Debian's Chromium (no browser download; `CHROMIUM_PATH` overrides /usr/bin/chromium),
 * unable to reach anything but loopback.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: flags });
}
