import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newUser, onboard, showScheme, signUp, test } from "./fixtures";

/** The list item of one of the step's tasks, by its label. */
const taskItem = (page: Page, label: string) =>
  page.getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });

async function logContact(page: Page, who: "I did" | "Riley did", step?: string) {
  await page.getByText("Just now").click();
  await page.getByRole("radio", { name: "Text" }).check({ force: true });
  await page.getByRole("radio", { name: who, exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  if (step) await page.getByLabel("Part of a step? (optional)").selectOption(step);
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
}

test("saving a draft and logging a contact you started tick step 1's tasks, and Home moves on", async ({
  page,
}) => {
  await signUp(page, newUser("Noticed"));
  await onboard(page, { exName: "Riley", pronouns: "he/him" });

  await page.goto("/drafts/new?step=1");
  await page.getByLabel("Your message").fill("Hey Riley, I saw a dog in a raincoat today.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);

  await page.goto("/contacts/new");
  await logContact(page, "I did", "1");

  await page.goto("/plan/1");
  for (const label of [
    "Choose your opener",
    "Write your hello as a draft",
    "Send it, and log the contact",
  ]) {
    await expect(taskItem(page, label).getByRole("checkbox"), label).toBeChecked();
  }
  await expect(
    taskItem(page, "Write your hello as a draft").getByText("You saved a draft for this step."),
  ).toBeVisible();
  await expect(page.getByText("All the needed tasks are done.")).toBeVisible();

  await page.goto("/home");
  await expect(page.getByRole("link", { name: "Write your hello as a draft" })).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: "Write a short reflection", exact: true }),
  ).toBeVisible();
});

test("a task's own link opens its form for the step, and an unclear match is offered, not ticked", async ({
  page,
}) => {
  await signUp(page, newUser("Offered"));
  await onboard(page, { exName: "Riley", pronouns: "he/him" });

  await page.goto("/plan/1");
  const send = taskItem(page, "Send it, and log the contact");
  await send.getByRole("link", { name: "Log a contact", exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\/new\?step=1$/);
  await expect(page.getByLabel("Part of a step? (optional)")).toHaveValue("1");
  await logContact(page, "Riley did");

  await page.goto("/plan/1");
  await expect(send.getByRole("checkbox")).not.toBeChecked();
  await expect(
    send.getByText("You logged a contact Riley started.", { exact: false }),
  ).toBeVisible();
  // The tick shows at once; reloading once its save is answered shows it kept.
  const saved = page.waitForResponse((r) => r.url().includes("steps.setTask") && r.ok());
  await send.getByRole("checkbox").check();
  await expect(page.getByText("2 needed tasks left.")).toBeVisible();
  await saved;
  await page.reload();
  await expect(send.getByRole("checkbox")).toBeChecked();
});

test("a step page is short sections with the next action at the top, light and dark", async ({
  page,
}) => {
  await signUp(page, newUser("Sections"));
  await onboard(page, { exName: "Alex", pronouns: "he/him" });
  await page.goto("/plan/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reconnect");

  const next = page.getByRole("region", { name: "Next for you" });
  await expect(next.getByText("Choose your opener")).toBeVisible();
  await expect(next).toBeInViewport();

  // The guidance waits behind its summary, and opens with a tap.
  const guidance = page.getByText("Keep the first message small.", { exact: false });
  await expect(guidance).toBeHidden();
  await page.getByText("About this step", { exact: true }).click();
  await expect(guidance).toBeVisible();
  await page.getByText("About this step", { exact: true }).click();

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  test.info().annotations.push({ type: "step 1 height at phone size", description: `${height}px` });
  console.log(`step 1 is ${height}px tall at phone size`);

  for (const scheme of ["light", "dark"] as const) {
    await showScheme(page, scheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help}`),
      `axe on step 1, ${scheme}`,
    ).toEqual([]);
    // Screenshots for the README only when asked (SCREENSHOTS=1), so a run leaves the tree alone.
    if (process.env.SCREENSHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `docs/screenshots/step${scheme === "dark" ? "-dark" : ""}.png`,
      });
    }
  }
  // Folded, the page is about two and a half phone screens; unfolded it was 2,700 px.
  expect(height).toBeLessThan(2300);
});
