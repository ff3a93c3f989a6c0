import { defineConfig } from "@playwright/test";

const appPort = Number(process.env.APP_PORT ?? 5174);
const storybookPort = Number(process.env.STORYBOOK_PORT ?? 6006);
const chromium = { launchOptions: { executablePath: process.env.CHROMIUM_PATH } };

// The API mocked in the page itself: the app with MSW's service worker (VITE_MIX_MOCK=msw), and
// the stories, built first (npm run build-storybook) and served as static files.
export default defineConfig({
  testDir: "e2e",
  projects: [
    { name: "worker", testMatch: "worker.spec.ts", use: { ...chromium, baseURL: `http://127.0.0.1:${appPort}` } },
    {
      name: "stories",
      testMatch: "stories.spec.ts",
      use: { ...chromium, baseURL: `http://127.0.0.1:${storybookPort}` },
    },
  ],
  webServer: [
    {
      command: `npx vite --host 127.0.0.1 --port ${appPort} --strictPort`,
      url: `http://127.0.0.1:${appPort}`,
      env: { VITE_MIX_MOCK: "msw" },
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `npx vite preview --outDir storybook-static --host 127.0.0.1 --port ${storybookPort} --strictPort`,
      url: `http://127.0.0.1:${storybookPort}/iframe.html`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
