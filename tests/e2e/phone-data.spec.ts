import { expect, newUser, onboard, signUp, test } from "./fixtures";

/**
 * A phone on a slow or metered connection loads only what the person asked for (#16): a
 * page does not fetch the pages its links lead to, and a tap on one still moves without
 * reloading the whole app.
 */
test("a page fetches nothing for the links it shows, and a tap still moves without a reload", async ({
  page,
}) => {
  await signUp(page, newUser("Links"));
  await onboard(page);
  const pagesFetched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc")) pagesFetched.push(request.url());
  });

  await page.goto("/plan/1");
  await page.waitForLoadState("networkidle");
  // Every link on the step page passes through the screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  expect(pagesFetched).toEqual([]);

  await page.evaluate(() => {
    (window as { stillHere?: boolean }).stillHere = true;
  });
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Journal", exact: true })
    .click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
});
