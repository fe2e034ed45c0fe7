import { expect, newUser, onboard, signUp, test, untilStepHydrated } from "./fixtures";

/**
 * A save tapped with no connection waits, says so, and goes through once the phone is back
 * online, with nothing typed lost. The code that sends saves loads on the person's first
 * touch (app/_trpc/client.ts), so this also proves it is there when the network is not.
 */
test("an entry saved offline waits, says so, and is saved once back online", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signUp(page, newUser("Wren"));
  await onboard(page);

  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Okay" }).check({ force: true });
  const words = "Written on the train, between two tunnels.";
  await page.getByLabel("What's on your mind?").fill(words);

  await context.setOffline(true);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "You seem to be offline" }),
  ).toBeVisible();
  await expect(page.getByLabel("What's on your mind?")).toHaveValue(words);

  await context.setOffline(false);
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByRole("link", { name: new RegExp(words) })).toBeVisible();
});

/**
 * A tick shows at once, before its save is answered. Leaving the page while one is still on
 * its way (here, waiting for the network) asks first, and once back online it is kept.
 */
test("a tick made offline waits, and leaving the page before it is saved asks first", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signUp(page, newUser("Ash"));
  await onboard(page);

  await page.goto("/plan/1");
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByText("Needed") })
    .first();
  const box = first.getByRole("checkbox");
  // The first touch fetches the code that saves, while still online.
  await untilStepHydrated(page);
  await box.focus();
  await page.waitForLoadState("networkidle");

  await context.setOffline(true);
  await box.check();
  await expect(
    page.getByRole("status").filter({ hasText: "You seem to be offline" }),
  ).toBeVisible();

  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  const saved = page.waitForResponse((r) => r.url().includes("steps.setTask") && r.ok());
  await context.setOffline(false);
  await saved;
  await expect(page.getByRole("status").filter({ hasText: "You seem to be offline" })).toHaveCount(
    0,
  );
  await page.reload();
  await expect(box).toBeChecked();
});

test.describe("with the save code on a slow connection", () => {
  // page.route can't delay what the service worker answers from its precache of chunks,
  // and whether it controls the page yet is a race: CI once saw the box never busy.
  test.use({ serviceWorkers: "block" });

  /**
   * The code that sends saves loads at the first touch. On a slow connection that takes a
   * moment, and the save is already under way: the choice shows busy from the tap, so nobody
   * leaves thinking it is saved, and it is saved once the code arrives.
   */
  test("a Settings choice is busy from the tap while the code that saves it still loads", async ({
    page,
  }) => {
    await signUp(page, newUser("Slow"));
    await onboard(page, { exName: "Riley" });
    await page.goto("/settings");
    const hide = page.getByRole("checkbox", { name: "Hide who reaches out" });
    await expect(hide).toBeEnabled();

    // Every script fetched from here on (the save code among them) takes three seconds.
    await page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((r) => setTimeout(r, 3_000));
      await route.continue();
    });
    await hide.check();
    await expect(hide).toBeDisabled({ timeout: 1_000 });
    await expect(hide).toBeEnabled({ timeout: 15_000 });
    await page.unroute("**/_next/static/chunks/**");
    await page.reload();
    await expect(hide).toBeChecked();
  });
});
