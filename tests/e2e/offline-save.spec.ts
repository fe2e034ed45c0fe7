import { expect, newUser, onboard, signUp, test } from "./fixtures";

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
