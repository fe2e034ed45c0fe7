import type { Page } from "@playwright/test";
import { currentProgram, personalize } from "@/lib/program";
import { expect, makeLink, newUser, onboard, signUp, test, untilStepHydrated } from "./fixtures";

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

/**
 * Words that tell a passer-by what this is about: the breakup, the ex, getting back
 * together, the app's own name, and every step's title.
 */
const TELLING = [
  NAME,
  "Rekindle",
  /\bbr(eak|oke) ?up\b/i,
  /\bex(es|'s)?\b/i,
  /\bget(ting)? (him|her|them) back\b/i,
  /\bback together\b/i,
  /\breconnect/i,
  /\bspark\b/i,
  /\bflirt/i,
  /\bromantic|\brelationship/i,
  /\bsplit up\b/i,
  /\bmoving on\b/i,
  ...currentProgram.steps.map((step) => personalize(step.title, { name: NAME, pronouns: "he" })),
];

/** The telling words in what a person sees on the page now (its rendered text). */
async function tellingWordsOn(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: what shows, not what the DOM holds (folded or hidden text, Next's data).
  const text = await page.locator("body").innerText();
  const seen = TELLING.filter((word) =>
    typeof word === "string" ? text.includes(word) : word.test(text),
  ).map(String);
  // The document title shows in the tab and the app switcher.
  const title = await page.title();
  if (TELLING.some((word) => (typeof word === "string" ? title.includes(word) : word.test(title))))
    seen.push(`title "${title}"`);
  return seen;
}

test("discreet mode: no signed-in page shows a word that tells what it is about", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signUp(page, newUser("Plain"));
  await onboard(page, { exName: NAME, pronouns: "he/him" });
  // Something of everything, so the pages that show one thing are visited too.
  await page.goto("/contacts/new");
  await page.getByText("Just now").click();
  await page.getByRole("radio", { name: "Text" }).check({ force: true });
  await page.getByRole("radio", { name: `${NAME} did`, exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByLabel("What's on your mind?").fill("A quiet day with a long walk.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await page.goto("/drafts/new?step=1");
  await page.getByLabel("Your message").fill("Hello, how are you?");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  const draft = new URL(page.url()).pathname;
  await makeLink(page, "Maya", "Progress only");

  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");

  const pagesToVisit = [...pages, "/plan/2", "/plan/7", "/plan/readiness", "/journal", "/drafts"];
  pagesToVisit.push(draft, "/buddies/new", "/buddies/inbox", "/settings/reminders");
  pagesToVisit.push("/settings/import", "/moving-on");
  await page.goto("/contacts");
  await page.getByRole("link").filter({ hasText: "Text" }).first().click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  pagesToVisit.push(new URL(page.url()).pathname);
  await page.goto("/journal");
  await page.getByRole("link").filter({ hasText: "A quiet day" }).click();
  await expect(page).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  pagesToVisit.push(new URL(page.url()).pathname);
  await page.goto("/buddies");
  await page
    .getByRole("link", { name: /Change/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/buddies\/[0-9a-f-]{36}\/edit$/);
  const link = new URL(page.url()).pathname.replace(/\/edit$/, "");
  pagesToVisit.push(`${link}/edit`, `${link}/preview`);

  const found: string[] = [];
  for (const path of pagesToVisit) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    for (const word of await tellingWordsOn(page)) found.push(`${path}: ${word}`);
  }
  expect(found).toEqual([]);
});

/**
 * The sentences a page shows only now and then say nothing either: a browser that cannot show
 * notifications (a phone's browser before the app is added to the Home Screen), a date the
 * server refuses, and a save that cannot get through. They once named the app or the breakup.
 */
test("discreet mode: no notifications, a refused date and a lost save say nothing telling", async ({
  page,
}) => {
  await signUp(page, newUser("Still"));
  await onboard(page, { exName: NAME, pronouns: "he/him" });
  await page.goto("/settings");
  await page.getByLabel("Discreet mode").check();
  await expect(page).toHaveTitle("Notes");

  await page.addInitScript(() => {
    delete (window as { PushManager?: unknown }).PushManager;
  });
  await page.goto("/settings/reminders");
  await expect(page.getByText("This browser can't show notifications")).toBeVisible();
  expect(await tellingWordsOn(page)).toEqual([]);

  // The server is out of reach while the phone still thinks it is online.
  await page.goto("/contacts/new");
  await page.getByText("Just now").click();
  await page.getByRole("radio", { name: "Text" }).check({ force: true });
  await page.getByRole("radio", { name: "I did", exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  // A time before the plan's start (onboarded with 10 September) is refused in plain words.
  await page.getByLabel("Date and time").fill("2026-09-01T10:00");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "the date your plan counts from" }),
  ).toBeVisible();
  expect(await tellingWordsOn(page)).toEqual([]);

  await page.getByText("Just now").click();
  await page.route("**/api/trpc/**", (route) => route.abort("connectionfailed"));
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("We couldn't connect, so nothing was saved yet.")).toBeVisible();
  expect(await tellingWordsOn(page)).toEqual([]);
});

test("Escape twice swaps any signed-in page for a plain one that Back can't undo", async ({
  page,
  context,
}) => {
  await signUp(page, newUser("Hide"));
  await onboard(page, { exName: NAME });

  // One press, or two far apart, does nothing, once quick hide is listening.
  await page.goto("/plan/1");
  await untilStepHydrated(page);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(1_200);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/plan\/1$/);

  // A fresh tab holding only the plan: after hiding, nothing is left to go back to.
  const tab = await context.newPage();
  await tab.goto("/plan/1");
  await untilStepHydrated(tab);
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

test("after quick hide, Back and Back again show only the plain list, never a page behind it", async ({
  page,
}) => {
  await signUp(page, newUser("Away"));
  await onboard(page, { exName: NAME, pronouns: "she/her" });
  // Pages are never kept by the browser's cache, so going back has to ask the server again.
  const home = await page.goto("/home");
  expect(home?.headers()["cache-control"]).toContain("no-store");

  // One page opened within the app, one loaded afresh: both kinds of history behind the hide.
  await page.getByRole("link", { name: "Plan", exact: true }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await page.goto("/plan/1");
  await expect(page.getByText(NAME).first()).toBeVisible();
  await untilStepHydrated(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/list$/);

  for (let back = 1; back <= 3; back++) {
    await page.goBack().catch(() => null);
    await expect(page, `Back ${back} time(s)`).toHaveURL(/\/list$/);
    await expect(page.getByRole("heading", { name: "Shopping list", exact: true })).toBeVisible();
    // biome-ignore lint/performance/useDomNodeTextContent: what shows, not what the DOM holds (folded or hidden text, Next's data).
    const text = await page.locator("body").innerText();
    for (const word of [NAME, "Rekindle", "Step 1", "Your progress"]) {
      expect(text, `Back ${back} time(s)`).not.toContain(word);
    }
  }

  // Coming back on purpose works as ever, and ends the hide: Back shows the page behind.
  await page.goto("/home");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText("Your progress")).toBeVisible();
  await page.goto("/plan/1");
  await expect(page.getByText(NAME).first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText("Your progress")).toBeVisible();
});
