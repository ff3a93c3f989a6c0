import { expect, test } from "@playwright/test";

test("the page's own mock answers: the seed, then a created session, gone again after a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("listitem")).toHaveText(["Write release notes", "Refactor the billing module"]);
  await page.getByLabel("Title").fill("In the worker");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("listitem").first()).toHaveText("In the worker");
  // The store lives in the page: a reload starts from the seed.
  await page.reload();
  await expect(page.getByRole("listitem")).toHaveCount(2);
});
