import { expect, newUser, onboard, signUp, test } from "./fixtures";

test("the who-reaches-out score shows until the person hides it in Settings", async ({ page }) => {
  await signUp(page, newUser("Score"));
  await onboard(page, { exName: "Riley", pronouns: "he/him" });

  await page.goto("/home");
  const score = page.getByRole("region", { name: "Who reaches out" });
  await expect(score).toBeVisible();

  await page.goto("/settings");
  const hide = page.getByRole("checkbox", { name: "Hide who reaches out" });
  await expect(hide).not.toBeChecked();
  await hide.check();
  await expect(hide).toBeChecked();
  await expect(hide).toBeEnabled();

  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(score).toHaveCount(0);

  await page.goto("/settings");
  await expect(hide).toBeChecked();
  await hide.uncheck();
  await expect(hide).toBeEnabled();
  await page.goto("/home");
  await expect(score).toBeVisible();
});
