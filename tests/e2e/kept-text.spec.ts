import type { Page } from "@playwright/test";
import { expect, newUser, onboard, reachSituation, signUp, test } from "./fixtures";

/** The keys Rekindle keeps on this device (kept text and onboarding's place). */
const keptKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("rekindle:")));

/** Accepts every "Leave site?" question and counts them, so a test can say how many came. */
function countLeaveQuestions(page: Page) {
  const asked = { count: 0 };
  page.on("dialog", (dialog) => {
    if (dialog.type() === "beforeunload") asked.count += 1;
    void dialog.accept();
  });
  return asked;
}

test("a journal entry left for Home is offered back, and forgotten once saved", async ({
  page,
}) => {
  countLeaveQuestions(page);
  await signUp(page, newUser("Kept"));
  const words = "I almost wrote to them today, and then I went for a walk instead.";

  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Okay" }).check({ force: true });
  await page.getByLabel("What's on your mind?").fill(words);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/home$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/journal\/new$/);
  await expect(page.getByText("We kept what you were writing on this device.")).toBeVisible();
  await expect(page.getByLabel("What's on your mind?")).toHaveValue(words);
  await expect(page.getByRole("radio", { name: "Okay" })).toBeChecked();

  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByText(words)).toBeVisible();

  await page.goto("/journal/new");
  await expect(page.getByLabel("What's on your mind?")).toHaveValue("");
  await expect(page.getByText("We kept what you were writing")).toHaveCount(0);
  expect(await keptKeys(page)).toEqual([]);
});

test("a draft and a reflection survive a reload mid-typing, until saved", async ({ page }) => {
  countLeaveQuestions(page);
  await signUp(page, newUser("Reload"));
  await onboard(page, { exName: "Sam", pronouns: "they/them" });

  const hello = "Hey Sam, I saw a dog in a raincoat and thought of you.";
  await page.goto("/drafts/new?step=1");
  await page.getByLabel("Your message").fill(hello);
  await page.reload();
  await expect(page.getByLabel("Your message")).toHaveValue(hello);
  await expect(page.getByText("We kept what you were writing on this device.")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await page.goto("/drafts/new?step=1");
  await expect(page.getByLabel("Your message")).toHaveValue("");

  const answer = "I was scared of the silence more than of a no.";
  await page.goto("/plan/1");
  await page.getByLabel("Your answer").fill(answer);
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue(answer);
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByLabel("Your answer")).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue("");
  expect(await keptKeys(page)).toEqual([]);
});

test("an untouched form never asks before leaving; one with words does", async ({ page }) => {
  const asked = countLeaveQuestions(page);
  await signUp(page, newUser("Calm"));
  await onboard(page);

  // Typing a letter and taking it back leaves the entry as it was.
  await page.goto("/journal/new");
  const body = page.getByLabel("What's on your mind?");
  await body.pressSequentially("a");
  await body.press("Backspace");
  await page.reload();
  await expect(page.getByLabel("What's on your mind?")).toHaveValue("");

  // "Just now" is chosen already: tapping it again changes nothing the person wrote.
  await page.goto("/contacts/new");
  await page.getByRole("button", { name: "Just now" }).click();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(asked.count).toBe(0);

  await page.getByLabel("Note (optional)").fill("We laughed about the old flat.");
  await page.reload();
  await expect(page.getByLabel("Note (optional)")).toHaveValue("We laughed about the old flat.");
  expect(asked.count).toBe(1);
});

test("signing out forgets every kept text; the next person sees none", async ({ page }) => {
  countLeaveQuestions(page);
  const first = newUser("Shared");
  await signUp(page, first);
  const secret = "Nobody else should ever read this sentence.";
  await page.goto("/journal/new");
  await page.getByLabel("What's on your mind?").fill(secret);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  expect(await keptKeys(page)).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out on this device" }).click();
  await expect(page.getByText("You are signed out")).toBeVisible();
  await expect.poll(() => keptKeys(page)).toEqual([]);

  await signUp(page, newUser("Next"));
  await page.goto("/journal/new");
  await expect(page.getByLabel("What's on your mind?")).toHaveValue("");
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await keptKeys(page)).toEqual([]);
});

test("onboarding keeps its place and answers across a reload and a tab tap", async ({ page }) => {
  await signUp(page, newUser("Place"));
  await reachSituation(page);
  await page.getByLabel("When did you break up?").fill("2026-09-10");
  await page.getByLabel("Their first name (optional)").fill("Alex");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where things stand");
  await expect(page.getByLabel("When did you break up?")).toHaveValue("2026-09-10");
  await expect(page.getByLabel("Their first name (optional)")).toHaveValue("Alex");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/onboarding");
  await expect(page.getByLabel("Their first name (optional)")).toHaveValue("Alex");

  // Starting needs the readiness and safety answers from the first screens: they came back.
  await page.getByText("Not at all").click();
  await page.getByText("they/them").click();
  await page.getByRole("button", { name: "Start my plan" }).click();
  await expect(page).toHaveURL(/\/plan$/);
  expect(await keptKeys(page)).toEqual([]);
});
