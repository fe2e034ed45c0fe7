import { randomInt, randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { currentProgram } from "@/lib/program";

/** An address in a documentation range, different for each test. */
export const freshAddress = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}`;

/**
 * Every test comes from its own address: the e2e server trusts one proxy hop, as behind a
 * load balancer, so per-address limits (sign-up, sign-in, buddy pages) count each test
 * apart, as they would count people apart.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": freshAddress() });
  },
});
export { expect };

/**
 * Switches the page to a colour scheme and waits until it has settled as a person would see
 * it: buttons fade their colours over 150 ms, and a check made mid-fade (axe's contrast)
 * reads colours from neither scheme. Reading a computed style first makes the browser
 * start those fades, so the wait cannot pass before they begin.
 */
export async function showScheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.waitForFunction(() => {
    void getComputedStyle(document.documentElement).color;
    return document.getAnimations().every((a) => a.playState !== "running");
  });
}

/**
 * Waits until a plan step's page has hydrated, so listeners set up in effects (quick hide,
 * the first touch) hear what comes next. `Button` turns script-only buttons live only after
 * hydration, when the page's effects have run; a quiet network came too early once.
 */
export async function untilStepHydrated(page: Page) {
  await expect(page.getByRole("button", { name: "Save reflection" })).toBeEnabled();
}

type Situation = { exName?: string; pronouns?: "she/her" | "he/him" | "they/them" };

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** Where the specs list what the server must never log; global-teardown.ts checks it. */
export const SECRETS_FILE = ".data/e2e/secrets.txt";

/** Notes a password, token or private text this run sends, to be sought in the server log. */
export function remember(secret: string): void {
  if (process.env.E2E_BASE_URL) return;
  mkdirSync(".data/e2e", { recursive: true });
  appendFileSync(SECRETS_FILE, `${secret}\n`);
}

/** Every spec makes its own person, so specs run in parallel without sharing state. */
export function newUser(name = "Robin"): TestUser {
  const id = randomUUID().slice(0, 8);
  remember(`a calm walk ${id}`);
  return {
    name: `${name} ${id}`,
    email: `${name.toLowerCase()}-${id}@example.com`,
    password: `a calm walk ${id}`,
  };
}

/**
 * The first link matching `pattern` in mail sent to `to`, as the e2e server sent it through
 * SMTP (tests/e2e/global-setup.ts receives it). Waits for the mail to arrive.
 */
/** The text of every mail that has reached `to` so far, oldest first. */
export function mailsTo(to: string): string[] {
  const mailbox = ".data/e2e/mail.jsonl";
  if (!existsSync(mailbox)) return [];
  return readFileSync(mailbox, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string[]; text: string })
    .filter((mail) => mail.to.includes(to))
    .map((mail) => mail.text);
}

export async function mailLink(to: string, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 200) {
    for (const text of mailsTo(to)) {
      const found = pattern.exec(text)?.[0];
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${to} with a link like ${pattern} arrived.`);
}

/** The link in the sign-up mail sent to `email`, as /welcome/<token>. */
export async function signUpLink(email: string): Promise<string> {
  const link = await mailLink(email, /https?:\/\/[^\s]+\/welcome\/[A-Za-z0-9_-]{43}/);
  remember(link.slice(link.lastIndexOf("/") + 1));
  return link;
}

/** Asks for a sign-up link with the form, which takes only the address. */
export async function askToSignUp(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page).toHaveURL(/\/sign-up\/check$/, { timeout: 20_000 });
}

/**
 * Signs up as a person would: the address, then the link from the mail, where the name and
 * password are chosen, then home. accounts.spec.ts walks these forms; other specs use
 * `signUp`, which posts to the same doors and is a few seconds quicker.
 */
export async function signUpByHand(page: Page, user: TestUser) {
  await askToSignUp(page, user.email);
  await page.goto(await signUpLink(user.email));
  await page.getByLabel("Your first name").fill(user.name);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  // Hashing the password and checking its strength is meant to take a moment.
  await expect(page).toHaveURL(/\/home$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
}

/**
 * The site the page's context is pointed at (its baseURL, which differs per context in
 * instances.spec.ts): the page's own origin once it has one, else where "/" resolves.
 */
async function siteOrigin(page: Page): Promise<string> {
  if (page.url().startsWith("http")) return new URL(page.url()).origin;
  return new URL((await page.request.get("/api/health")).url()).origin;
}

/**
 * Posts JSON as the page's own scripts do: the context's cookies and address, from the
 * site's origin. Fails the test on any answer but 2xx.
 */
async function postAsPage(page: Page, path: string, data: unknown) {
  const response = await page.request.post(path, {
    data,
    headers: { Origin: await siteOrigin(page) },
  });
  expect(response.status(), `POST ${path}`).toBeLessThan(300);
  return response;
}

/** Signs up through the doors the sign-up forms post to, then opens Home. */
export async function signUp(page: Page, user: TestUser) {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await postAsPage(page, "/sign-up/submit", { email: user.email, timeZone });
  const link = await signUpLink(user.email);
  await postAsPage(page, "/sign-up/finish", {
    token: link.slice(link.lastIndexOf("/") + 1),
    displayName: user.name,
    password: user.password,
  });
  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
}

export async function signIn(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
}

/** Walks onboarding with every answer calm and safe, landing on the plan. */
export async function onboardByHand(page: Page, situation: Situation = {}) {
  await reachSituation(page);
  await page.getByLabel("When did you break up?").fill("2026-09-10");
  await page.getByText("Not at all").click();
  if (situation.exName) await page.getByLabel("Their first name (optional)").fill(situation.exName);
  await page.getByText(situation.pronouns ?? "they/them").click();
  await page.getByRole("button", { name: "Start my plan" }).click();
  await expect(page).toHaveURL(/\/plan$/);
}

/**
 * Starts the plan with the same calm, safe answers through the procedure onboarding calls
 * (onboarding.spec.ts and journey.spec.ts walk its screens), landing on the plan.
 */
export async function onboard(page: Page, situation: Situation = {}) {
  const { readiness, safety } = currentProgram;
  await postAsPage(page, "/api/trpc/journey.start", {
    json: {
      idempotencyKey: randomUUID(),
      readiness: Object.fromEntries(readiness.questions.map((q) => [q.key, "yes"])),
      safety: Object.fromEntries(safety.questions.map((q) => [q.key, false])),
      situation: {
        breakupDate: "2026-09-10",
        contactLevel: "none",
        exName: situation.exName ?? "",
        exPronouns: (situation.pronouns ?? "they/them").split("/")[0],
      },
    },
  });
  await page.goto("/plan");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Answers readiness (all yes) and safety (all no) and arrives at "Where things stand". */
export async function reachSituation(page: Page) {
  await page.goto("/onboarding");
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("Yes", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("No", { exact: true }).click();
  }
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Makes a buddy link through the UI and answers with its path, /b/<token>. */
export async function makeLink(
  page: Page,
  label: string,
  scope: "Progress only" | "Progress and shared entries",
) {
  await page.goto("/buddies/new");
  await page.getByLabel("Who is it for?").fill(label);
  await page.getByText(scope, { exact: true }).click();
  await page.getByRole("button", { name: "Make the link" }).click();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  expect(url).toMatch(/\/b\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}

/** The buddy is another person on another device, from another address. */
export function buddyContext(browser: Browser) {
  return browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": freshAddress() } });
}

/** A buddy, Sam, opens the link at `path` and sends `message`. */
export async function sendNote(browser: Browser, path: string, message: string) {
  const buddy = await buddyContext(browser);
  const page = await buddy.newPage();
  await page.goto(path);
  await page.getByLabel("Your name (optional)").fill("Sam");
  await page.getByLabel("Your message").fill(message);
  await page.getByRole("button", { name: "Send encouragement" }).click();
  await expect(page.getByText("Sent. Thank you for being there.")).toBeVisible();
  await buddy.close();
}
