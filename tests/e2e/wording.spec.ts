import { expect, newUser, onboard, signUp, test } from "./fixtures";

// A browser that asks for American English, so its time fields show a 12-hour clock.
test.use({ locale: "en-US" });

/** The ex's name here: nothing else in Rekindle could print it. */
const NAME = "Tamsin";

test("retaking the readiness check speaks of the ex by the saved name and pronouns", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("Wren"));
  await onboard(page, { exName: NAME, pronouns: "she/her" });

  await page.goto("/plan/readiness");
  await expect(page.getByText(`${NAME} gets to choose too.`)).toBeVisible();
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("Yes", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page.getByText(`remember that ${NAME} has a choice in this too.`)).toBeVisible();

  // With discreet mode on, the same check speaks of her without the name.
  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");
  await page.goto("/plan/readiness");
  await expect(page.getByText("She gets to choose too.")).toBeVisible();
  expect(await page.content()).not.toContain(NAME);
});

test("the devices list says when each one signed in, in plain words", async ({ page }) => {
  await signUp(page, newUser("Ash"));
  await page.goto("/settings");
  // Not "Signed in Today, 5:31 AM": the moment reads as part of the sentence.
  await expect(page.getByText(/^Signed in today at \d{1,2}:\d{2}/)).toBeVisible();
});

test("the reminder's confirmation gives the time as the time field shows it", async ({ page }) => {
  await signUp(page, newUser("Bryn"));
  await page.goto("/settings/reminders");
  await page.getByLabel("Check-in time").fill("20:30");
  await page.getByRole("button", { name: "Save reminders" }).click();
  // The field reads "08:30 PM" in this language, so "20:30" would be a second way to say it.
  await expect(page.getByText(/^Saved\. We'll remind you at 8:30\sPM\.$/)).toBeVisible();
});
