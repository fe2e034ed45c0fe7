import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  expect,
  makeLink,
  newUser,
  onboard,
  remember,
  sendNote,
  showScheme,
  signUp,
  test,
} from "./fixtures";

/** A word no page would contain by chance, and the server must never log. */
const marker = (kind: string) => {
  const word = `${kind}${randomBytes(5).toString("hex")}`;
  remember(word);
  return word;
};

const buddiesTab = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Buddies/ });

test("a buddy's note shows on Home and as a dot on the Buddies tab until it is read", async ({
  page,
  browser,
}) => {
  // Two people, two notes and axe in two themes: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await signUp(page, newUser("Noted"));
  await onboard(page);
  const path = await makeLink(page, "my sister", "Progress only");

  const first = `Proud of you, one small step at a time ${marker("note")}`;
  await sendNote(browser, path, first);

  await page.goto("/home");
  const card = page.getByRole("region", { name: "A kind word from Sam" });
  await expect(card.getByText(first)).toBeVisible();
  await expect(buddiesTab(page)).toHaveAccessibleName(/^Buddies\W+1 new note$/);
  await expect(page.getByTestId("tab-badge")).toBeVisible();

  // The card and the dot read well in both themes; screenshots for the README only when
  // asked (SCREENSHOTS=1), so a test run leaves the tree alone.
  for (const scheme of ["light", "dark"] as const) {
    await showScheme(page, scheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help}`),
      `axe on Home, ${scheme}`,
    ).toEqual([]);
    if (process.env.SCREENSHOTS) {
      await page.screenshot({
        path: `docs/screenshots/home-encouragement${scheme === "dark" ? "-dark" : ""}.png`,
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });

  await card.getByRole("button", { name: "I've read it" }).click();
  await expect(page.getByText(first)).toHaveCount(0);
  await expect(page.getByTestId("tab-badge")).toHaveCount(0);
  await expect(buddiesTab(page)).toHaveAccessibleName(/^Buddies$/);
  await buddiesTab(page).click();
  await expect(page).toHaveURL(/\/buddies$/);
  await expect(buddiesTab(page)).toHaveAttribute("aria-current", "page");

  // Read in the inbox instead: opening it is reading it, and the "new" count clears.
  const second = `Thinking of you today ${marker("note")}`;
  await sendNote(browser, path, second);
  // A note that arrives while the app is open shows at the next page load.
  await page.goto("/buddies");
  await expect(page.getByTestId("tab-badge")).toBeVisible();
  await page.getByRole("link", { name: "Inbox (1 new)" }).click();
  await expect(page.getByText(second)).toBeVisible();
  await expect(page.getByText(/^New · /)).toBeVisible();
  await expect(page.getByTestId("tab-badge")).toHaveCount(0);
  await page.goto("/buddies");
  await expect(page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await page.goto("/home");
  await expect(page.getByText(second)).toHaveCount(0);
  await expect(page.getByTestId("tab-badge")).toHaveCount(0);
});

test("a 'not yet' readiness result offers looking after yourself first", async ({ page }) => {
  await signUp(page, newUser("Gentle"));
  await page.goto("/onboarding");
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("No", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result" }).click();

  // The first choice after the result is self-care; going on is a quiet, second tap.
  const choices = page.locator("main section ~ a, main section ~ button");
  await expect(choices.first()).toHaveText("Take time for me: write in my private journal");
  await expect(choices.first()).toHaveAttribute("href", "/journal/new");
  await expect(page.getByRole("button", { name: "Continue", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "I've thought about it and still want to go on" }).click();
  await page.getByRole("button", { name: "I understand, continue" }).click();
  await expect(page.getByRole("group").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeVisible();
});

test("a locked step points at the step the person is on, never at another locked one", async ({
  page,
}) => {
  await signUp(page, newUser("Locked"));
  await onboard(page);

  await page.goto("/plan/7");
  await expect(
    page.getByText("This step opens once step 6 is done.", { exact: false }),
  ).toBeVisible();
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: /step 1/i })).toHaveAttribute("href", "/plan/1");
  for (const locked of [2, 3, 4, 5, 6]) {
    await expect(main.locator(`a[href="/plan/${locked}"]`)).toHaveCount(0);
  }

  // Step 1's own footer does not open the locked step 2.
  await page.goto("/plan/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reconnect");
  await expect(main.locator('a[href="/plan/2"]')).toHaveCount(0);
});

test("ticking a step's last box says so there, with the way on to the next step", async ({
  page,
}) => {
  await signUp(page, newUser("Ticked"));
  await onboard(page, { exName: "Riley", pronouns: "he/him" });
  await page.goto("/plan/1");
  await page.getByLabel("Your answer").fill("I was nervous, then relieved when Riley wrote back.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("I was nervous, then relieved")).toBeVisible();

  const needed = await page.getByRole("listitem").filter({ hasText: "Needed" }).all();
  const last = needed.pop();
  for (const task of needed) {
    await task.getByRole("checkbox").check();
  }
  await expect(page.getByRole("status").filter({ hasText: "Step 1 is done." })).toHaveCount(0);
  await last?.getByRole("checkbox").check();

  const done = page.getByRole("status").filter({ hasText: "Step 1 is done." });
  await expect(done).toBeVisible();
  await expect(done).toBeInViewport();
  await done.getByRole("link", { name: "Go on to step 2" }).click();
  await expect(page).toHaveURL(/\/plan\/2$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Talk about what happened");
});
