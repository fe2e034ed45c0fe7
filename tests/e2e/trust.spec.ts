import { expect, newUser, signUp, test } from "./fixtures";

test("the privacy and 'who we are' pages open from the landing page and Settings, signed in or not", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Privacy: what we keep", exact: true }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Privacy: what we keep, and who sees it",
  );
  await expect(page).toHaveTitle("Privacy · Rekindle");
  for (const section of ["What Rekindle keeps", "Where it is kept", "Who can see it", "Mail"]) {
    await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByText("A buddy never sees your contact log")).toBeVisible();

  await page.getByRole("link", { name: "Here is how to reach us", exact: true }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who we are");
  // The e2e server sets no CONTACT_EMAIL: the page says so, and where a person's data is in their hands.
  await expect(page.getByText("hasn't given an address yet")).toBeVisible();

  await signUp(page, newUser("Trust"));
  await page.goto("/settings");
  await page.getByRole("link", { name: "Privacy: what we keep", exact: true }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Who we are", exact: true }).click();
  await expect(page).toHaveURL(/\/contact$/);
});
