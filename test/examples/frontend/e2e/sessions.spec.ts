import { expect, test } from "@playwright/test";

const mockURL = `http://127.0.0.1:${process.env.MIX_MOCK_PORT ?? 4010}`;

// Each test starts from the seed, whatever the one before created or deleted.
test.beforeEach(async ({ request }) => {
  await request.post(`${mockURL}/__mock/reset`);
});

test("lists the seeded sessions", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("listitem")).toHaveText(["Write release notes", "Refactor the billing module"]);
});

test("creates a session and lists it first", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Title").fill("From Playwright");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("listitem").first()).toHaveText("From Playwright");
});

test("starts from the seed again: the session the last test created is gone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("listitem")).toHaveCount(2);
});
