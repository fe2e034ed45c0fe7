import { expect, newUser, onboard, signUp, test } from "./fixtures";

/** The ex's name in these tests: nothing else in Rekindle could print it. */
const NAME = "Marlowe";

/** Pages where, with discreet mode off, the name shows. */
const namedPages = ["/plan/1", "/contacts/new"];
/** Every page checked with discreet mode on. */
const pages = [
  "/home",
  "/plan",
  "/plan/1",
  "/plan/situation",
  "/plan/outcome",
  "/contacts",
  "/contacts/new",
  "/journal/new",
  "/drafts/new?step=1",
  "/buddies",
  "/settings",
];

test("discreet mode: a plain title and name, and the ex's name nowhere", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("Quiet"));
  await onboard(page, { exName: NAME, pronouns: "he/him" });

  for (const path of namedPages) {
    await page.goto(path);
    await expect(page.getByText(NAME).first()).toBeVisible();
  }
  await expect(page).toHaveTitle(/Rekindle/);

  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");
  await expect(page.getByRole("banner")).toContainText("Notes");
  await expect(page.getByLabel("Discreet mode")).toBeChecked();

  for (const path of pages) {
    await page.goto(path);
    await expect(page, path).toHaveTitle("Notes");
    const header = page.getByRole("banner");
    await expect(header, path).toContainText("Notes");
    await expect(header, path).not.toContainText("Rekindle");
    // The whole document, the data behind the page included, never holds the name.
    expect(await page.content(), path).not.toContain(NAME);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "Notes");
  }
  // The texts still speak of him.
  await page.goto("/plan/1");
  await expect(page.getByText(/\bhim\b/).first()).toBeVisible();

  // The situation form keeps the hidden name: saving it changes nothing about it.
  await page.goto("/plan/situation");
  await expect(page.getByLabel("Their first name (optional)")).toHaveCount(0);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Off again: the name is back, as it was saved.
  await page.goto("/settings");
  await page.getByLabel("Discreet mode").uncheck();
  await expect(page).toHaveTitle(/Rekindle/);
  await page.goto("/plan/1");
  await expect(page.getByText(NAME).first()).toBeVisible();
});

test("Escape twice swaps any signed-in page for a plain one that Back can't undo", async ({
  page,
  context,
}) => {
  await signUp(page, newUser("Hide"));
  await onboard(page, { exName: NAME });

  // One press, or two far apart, does nothing.
  await page.goto("/plan/1");
  await page.keyboard.press("Escape");
  await page.waitForTimeout(1_200);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/plan\/1$/);

  // A fresh tab holding only the plan: after hiding, nothing is left to go back to.
  const tab = await context.newPage();
  await tab.goto("/plan/1");
  await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
  await tab.keyboard.press("Escape");
  await tab.keyboard.press("Escape");
  await expect(tab).toHaveURL(/\/list$/);
  await expect(tab).toHaveTitle("Shopping list");
  // Nothing on it names Rekindle or the ex (the not-found page Next.js bundles in the
  // page's data is never shown).
  for (const word of ["Rekindle", NAME]) {
    await expect(tab.locator("body")).not.toContainText(word, { useInnerText: true });
  }
  expect(await tab.content()).not.toContain(NAME);
  await tab.goBack();
  await expect(tab).not.toHaveURL(/\/plan/);

  // In discreet mode a phone gets a Hide button for the same.
  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");
  await page.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(page).toHaveURL(/\/list$/);
});
