import { expect, freshAddress, newUser, onboard, signUp, test } from "./fixtures";

/**
 * A tap that lands before a page's script has run (a slow phone, a weak signal) must not
 * send a form the browser's own way: that posts to the page's own address, saves nothing
 * and drops what the person typed. Each page below has at least one form; with script off,
 * every submit on it stays disabled, except signing out, a server action that works without.
 */
const PAGES = [
  "/plan/1",
  "/plan/situation",
  "/plan/outcome",
  "/journal/new",
  "/contacts/new",
  "/buddies/new",
  "/drafts/new?step=1",
  "/settings",
  "/settings/import",
  "/settings/reminders",
];
const WORKS_WITHOUT_SCRIPT = ["Sign out on this device"];

test("no form can be sent before the page's script runs, except signing out", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("Early"));
  await onboard(page);
  const early = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const tab = await early.newPage();
  for (const path of PAGES) {
    await tab.goto(path);
    const submits = await tab.locator("form button[type=submit]").evaluateAll((buttons) =>
      buttons.map((b) => ({
        name: b.textContent?.trim(),
        live: !(b as HTMLButtonElement).disabled,
      })),
    );
    expect.soft(submits.length, `${path} has a form to check`).toBeGreaterThan(0);
    const live = submits.filter((b) => b.live).map((b) => b.name);
    expect
      .soft(live, `${path}: submits live before its script`)
      .toEqual(
        submits.filter((b) => WORKS_WITHOUT_SCRIPT.includes(b.name ?? "")).map((b) => b.name),
      );
  }

  // The one live submit does its work without script: this device is signed out.
  await tab.goto("/settings");
  await tab.getByRole("button", { name: "Sign out on this device", exact: true }).click();
  await tab.goto("/home");
  await expect(tab).toHaveURL(/\/sign-in/);
  await early.close();
});
