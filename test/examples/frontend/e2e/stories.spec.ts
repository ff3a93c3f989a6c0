import { expect, test } from "@playwright/test";

const story = (id: string) => `/iframe.html?id=sessions--${id}&viewMode=story`;

test("each story gets its own mock: the seed, an empty store, an outage", async ({ page }) => {
  await page.goto(story("seeded"));
  await expect(page.getByRole("listitem")).toHaveText(["Write release notes", "Refactor the billing module"]);
  await page.getByLabel("Title").fill("Only in this story");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("listitem").first()).toHaveText("Only in this story");

  await page.goto(story("empty"));
  await expect(page.getByText("Loading...")).toHaveCount(0);
  await expect(page.getByRole("listitem")).toHaveCount(0);

  await page.goto(story("outage"));
  await expect(page.getByRole("alert")).toHaveText("The API failed (503)");
});
