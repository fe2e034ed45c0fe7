import { expect, newUser, onboard, signUp, test } from "./fixtures";

test("onboarding works with the keyboard alone", async ({ page }) => {
  await signUp(page, newUser("Key"));
  await page.goto("/onboarding");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeFocused();

  // Readiness: each question is a radio group; Tab reaches it, Space picks "Yes".
  const questions = await page.getByRole("group").count();
  for (let i = 0; i < questions; i++) {
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
  }
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "See my result" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/ready/i);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Safety: the arrow key moves from "Yes" to "No" inside each group.
  const safety = await page.getByRole("group").count();
  for (let i = 0; i < safety; i++) {
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
  }
  for (const group of await page.getByRole("group").all()) {
    await expect(group.getByRole("radio", { name: "No" })).toBeChecked();
  }
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");

  // Situation.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where things stand");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("When did you break up?")).toBeFocused();
  await page.keyboard.type("09102026");
  await expect(page.getByLabel("When did you break up?")).toHaveValue("2026-09-10");
  // Chromium's date field has a tab stop per part (and its picker): Tab until past it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    if (
      await page
        .getByRole("radio", { name: /Not at all/ })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press("Space"); // "Not at all"
  await page.keyboard.press("Tab");
  await page.keyboard.type("Jordan");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // "she/her"
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Start my plan" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByText("Remind her of the good times")).toBeVisible();
});

test("a safety concern leads to help, and going on stays the person's choice", async ({ page }) => {
  await signUp(page, newUser("Safe"));
  await page.goto("/onboarding");
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("Yes", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  const groups = await page.getByRole("group").all();
  for (const [i, group] of groups.entries()) {
    await group.getByText(i === 0 ? "Yes" : "No", { exact: true }).click();
  }
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your safety comes first");
  await expect(page.getByText("call your local emergency number")).toBeVisible();
  await expect(page.getByText("1-800-799-7233")).toBeVisible();
  // Continuing is not the obvious button: it takes a deliberate second tap.
  await expect(page.getByRole("button", { name: "I understand, continue" })).toHaveCount(0);

  await page.getByRole("link", { name: "Moving on, gently" }).click();
  await expect(page).toHaveURL(/\/moving-on$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moving on, gently");

  await page.goBack();
  await page.goto("/onboarding");
  // Nothing reached the server; the place is kept on this device, so they come back to it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your safety comes first");
  await expect(page.getByText("We kept your answers so far on this device.")).toBeVisible();
  await page.getByRole("button", { name: "Discard it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you ready?");
});

test("finishing step 1's tasks and a reflection opens step 2", async ({ page }) => {
  await signUp(page, newUser("Step"));
  await onboard(page, { exName: "Riley", pronouns: "he/him" });
  await page.getByRole("link", { name: /Reconnect/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reconnect");
  await expect(page.getByText("3 needed tasks left.")).toBeVisible();

  const needed = page.getByRole("listitem").filter({ hasText: "Needed" });
  for (const task of await needed.all()) {
    await task.getByRole("checkbox").check();
  }
  await expect(page.getByText("All the needed tasks are done.")).toBeVisible();

  await page.getByLabel("Your answer").fill("I was nervous, then relieved when Riley wrote back.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("You finished this step.")).toBeVisible();

  await page.getByRole("link", { name: "Plan", exact: true }).click();
  await expect(page.getByText("1 of 7 steps done.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Talk about what happened/ })).toBeVisible();
});
