import { readdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newUser, onboard, showScheme, signUp, test } from "./fixtures";

/**
 * Every signed-in page, read from app/(app): a page added tomorrow is checked too. Pages
 * at an address made of an id ([id]) are left out, as they need one of the person's own
 * things; they share the same layout. A step page is visited as step 1.
 */
function signedInPages(): string[] {
  const root = "app/(app)";
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file === "page.tsx" || file.endsWith("/page.tsx"))
    .map((file) => `/${file.replace(/\/?page\.tsx$/, "")}`.replace("[step]", "1"))
    .filter((path) => !path.includes("["))
    .sort();
}

const helpLink = (page: Page, name: string) =>
  page.getByRole("banner").getByRole("link", { name, exact: true });

test("every signed-in page has a quiet way to the helplines", async ({ page }) => {
  // Every page of the app, twice over (discreet mode off and on).
  test.setTimeout(180_000);
  await signUp(page, newUser("Helped"));
  await onboard(page);
  const paths = signedInPages();
  expect(paths).toEqual(expect.arrayContaining(["/home", "/plan", "/settings", "/support"]));

  for (const path of paths) {
    await page.goto(path);
    await expect(helpLink(page, "Helplines"), path).toBeVisible();
  }

  // One tap from anywhere leads to people who can help, numbers ready to call.
  await page.goto("/journal/new");
  await helpLink(page, "Helplines").click();
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole("heading", { level: 1, name: "Someone to talk to" })).toBeVisible();
  await expect(page.getByRole("link", { name: "116 123", exact: true })).toHaveAttribute(
    "href",
    "tel:116123",
  );
  await expect(page.getByRole("link", { name: "1-800-799-7233", exact: true })).toBeVisible();
  await expect(helpLink(page, "Helplines")).toHaveAttribute("aria-current", "page");
  for (const scheme of ["light", "dark"] as const) {
    await showScheme(page, scheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help}`),
      `axe on /support, ${scheme}`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // In discreet mode the link says only "Support", and so does the page it opens.
  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");
  for (const path of paths) {
    await page.goto(path);
    await expect(helpLink(page, "Support"), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Helplines", exact: true }), path).toHaveCount(0);
  }
  await page.goto("/home");
  await helpLink(page, "Support").click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
  await expect(page.getByRole("link", { name: "116 123", exact: true })).toBeVisible();
});
