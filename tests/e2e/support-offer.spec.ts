import { readFile } from "node:fs/promises";
import { expect, freshAddress, newUser, onboard, signUp, test } from "./fixtures";

const DAY_MS = 86_400_000;

test("after three very low days running, Home offers support gently, and 'Not now' holds", async ({
  page,
  browser,
}) => {
  // Two sign-ups, onboarding, an export and an import.
  test.setTimeout(120_000);
  const heading = page.getByRole("heading", { name: "These last days sound heavy", exact: true });

  // Someone whose days were very low, moved in from an export (the only way to have moods
  // on earlier days without waiting for them).
  const away = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const first = await away.newPage();
  await signUp(first, newUser("Wren"));
  await onboard(first);
  await first.goto("/home");
  await expect(first.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(
    first.getByRole("heading", { name: "These last days sound heavy", exact: true }),
  ).toHaveCount(0);
  await first.goto("/settings");
  const [download] = await Promise.all([
    first.waitForEvent("download"),
    first.getByRole("link", { name: "Download my data" }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
  await away.close();
  // A day apart each, so three days running in any time zone.
  file.journalEntries = [0, 1, 2].map((daysAgo) => {
    const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    return {
      journeyId: null,
      stepNumber: null,
      mood: 1,
      body: "A very hard day.",
      sharedWithBuddies: false,
      createdAt: at,
      updatedAt: at,
    };
  });

  await signUp(page, newUser("Wren"));
  await page.goto("/settings/import");
  await page.getByLabel("Your Rekindle export").setInputFiles({
    name: "rekindle-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByRole("button", { name: "Import my data" }).click();
  await expect(page.getByText("Your data is here.")).toBeVisible({ timeout: 20_000 });

  await page.goto("/home");
  await expect(heading).toBeVisible();
  const offer = page.getByRole("region", { name: "These last days sound heavy", exact: true });
  await expect(offer.getByRole("link", { name: "116 123", exact: true })).toHaveAttribute(
    "href",
    "tel:116123",
  );
  await expect(offer.getByRole("link", { name: "988", exact: true })).toBeVisible();
  await expect(
    offer.getByRole("link", { name: "More places to find support", exact: true }),
  ).toHaveAttribute("href", "/support");

  // Not now: gone at once, and still gone when Home opens again.
  await offer.getByRole("button", { name: "Not now", exact: true }).click();
  await expect(heading).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(heading).toHaveCount(0);
});
