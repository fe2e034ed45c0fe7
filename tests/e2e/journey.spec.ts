import type { Page } from "@playwright/test";
import { expect, newUser, onboard, onboardByHand, signUp, test } from "./fixtures";

async function logContact(page: Page, who: "I did" | "Riley did") {
  await page.goto("/contacts/new");
  await page.getByText("Just now").click();
  await page.getByRole("radio", { name: "Text" }).check({ force: true });
  await page.getByRole("radio", { name: who, exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
}

test("a whole first day: onboarding, step 1, two contacts and a journal entry show on the dashboard", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Day");
  await signUp(page, user);
  await onboardByHand(page, { exName: "Riley", pronouns: "he/him" });

  await page.goto("/plan/1");
  for (const task of await page.getByRole("listitem").filter({ hasText: "Needed" }).all()) {
    await task.getByRole("checkbox").check();
  }
  await expect(page.getByText("All the needed tasks are done.")).toBeVisible();
  await page.getByLabel("Your answer").fill("Sending it was easier than I feared.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("You finished this step.")).toBeVisible();

  await logContact(page, "I did");
  await logContact(page, "Riley did");
  await expect(page.getByText("Riley reached out")).toBeVisible();
  await expect(page.getByText("You reached out")).toBeVisible();

  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByLabel("What's on your mind?").fill("A good day. He wrote back within the hour.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByText("A good day. He wrote back within the hour.")).toBeVisible();

  await page.goto("/home");
  await expect(page.getByText("Step 2 of 7 · 1 done")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Steps done" })).toHaveAttribute(
    "aria-valuenow",
    "1",
  );
  await expect(page.getByText("1 day in a row")).toBeVisible();
  await expect(
    page.getByText(/In the last 14 days, Riley started 1 of your 2 contacts: half/),
  ).toBeVisible();
  await expect(page.getByText("Active on 1 of the last").first()).toBeVisible();
});

test("moving on ends the plan kindly and a new one can begin", async ({ page }) => {
  await signUp(page, newUser("End"));
  await onboard(page);
  await page.goto("/plan/outcome");
  await page.getByText("Moving on", { exact: false }).first().click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.getByRole("link", { name: "Start a new journey" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
});
