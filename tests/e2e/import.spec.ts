import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, freshAddress, newUser, onboard, remember, signUp, test } from "./fixtures";

test("an export moves into a new account through the import page, once", async ({
  page: second,
  browser,
}) => {
  // Two sign-ups, onboarding, an export, an axe check and an import: more than one page's work.
  test.setTimeout(120_000);
  // The person moving away, from an address of their own.
  const away = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const first = await away.newPage();
  await signUp(first, newUser("Robin"));
  await onboard(first, { exName: "Jordan" });
  await first.goto("/settings");
  const [download] = await Promise.all([
    first.waitForEvent("download"),
    first.getByRole("link", { name: "Download my data" }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
  expect(file.journeys).toHaveLength(1);

  // Twenty long entries make the file larger than any other door accepts (256 kB).
  const marker = `moved with me ${randomUUID().slice(0, 8)}`;
  remember(marker);
  const at = new Date().toISOString();
  file.journalEntries = Array.from({ length: 20 }, (_, i) => ({
    journeyId: null,
    stepNumber: null,
    mood: 3,
    body: i === 0 ? marker : "a long, quiet evening ".repeat(860),
    sharedWithBuddies: false,
    createdAt: at,
    updatedAt: at,
  }));
  const buffer = Buffer.from(JSON.stringify(file));
  expect(buffer.byteLength).toBeGreaterThan(256 * 1024);

  await signUp(second, newUser("Sky"));
  await second.goto("/settings");
  await second.getByRole("link", { name: "Import data from another Rekindle" }).click();
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Import your data");
  const { violations } = await new AxeBuilder({ page: second }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
  const upload = { name: "rekindle-export.json", mimeType: "application/json", buffer };
  await second.getByLabel("Your Rekindle export").setInputFiles(upload);
  await second.getByRole("button", { name: "Import my data" }).click();
  await expect(second.getByText("Your data is here.")).toBeVisible({ timeout: 20_000 });
  await expect(second.getByText("20 journal entries")).toBeVisible();

  await second.goto("/journal");
  await expect(second.getByText(marker)).toBeVisible();

  // The same file again finds the account in use and changes nothing.
  await second.goto("/settings/import");
  await second.getByLabel("Your Rekindle export").setInputFiles(upload);
  await second.getByRole("button", { name: "Import my data" }).click();
  await expect(
    second.getByRole("alert").filter({ hasText: "This account already has data" }),
  ).toBeVisible();
  await away.close();
});
