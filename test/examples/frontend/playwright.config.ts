import { defineConfig } from "@playwright/test";

const mockPort = Number(process.env.MIX_MOCK_PORT ?? 4010);
const appPort = Number(process.env.APP_PORT ?? 5173);

export default defineConfig({
  testDir: "e2e",
  testMatch: "sessions.spec.ts",
  // One mock, one store: tests that ran in parallel would see each other's sessions.
  workers: 1,
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    // Your own Chromium (CHROMIUM_PATH), or else the one `npx playwright install chromium` fetched.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH },
  },
  webServer: [
    {
      command: `npx mix-mock --port ${mockPort}`,
      url: `http://127.0.0.1:${mockPort}/__mock/sessions`,
      // A mock already running (npx mix-mock in another terminal) is used as it is.
      reuseExistingServer: true,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${appPort} --strictPort`,
      url: `http://127.0.0.1:${appPort}`,
      env: { VITE_MIX_SERVER_URL: `http://127.0.0.1:${mockPort}` },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
