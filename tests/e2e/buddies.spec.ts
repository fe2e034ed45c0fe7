import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import {
  expect,
  freshAddress,
  makeLink,
  newUser,
  onboard,
  remember,
  signUp,
  test,
} from "./fixtures";

/**
 * The owner and the buddy are two browser contexts: two people on two devices. Each
 * buddy context comes from its own address (the e2e server trusts one proxy hop), so the
 * rate limits of one test never touch another.
 */
function buddyContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({
    ...options,
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
}

/** A word no page would contain by chance, and the server must never log. */
const marker = (kind: string) => {
  const word = `${kind}${randomBytes(5).toString("hex")}`;
  remember(word);
  return word;
};
/** The ex's name must look like a name: letters only. */
const uniqueName = () =>
  `Q${Array.from({ length: 7 }, () => String.fromCharCode(97 + randomInt(0, 26))).join("")}`;

async function writeEntry(page: Page, body: string, shared: boolean) {
  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByLabel("What's on your mind?").fill(body);
  if (shared) await page.getByLabel("Share this entry with my buddies").check();
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/journal$/);
}

async function logContactWithNote(page: Page, note: string) {
  await page.goto("/contacts/new");
  await page.getByText("Just now").click();
  await page.getByRole("radio", { name: "Text" }).check({ force: true });
  await page.getByRole("radio", { name: "I did", exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "Good" }).check({ force: true });
  await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
}

/** Every response body the page loads, so a leak in a script or a data request shows too. */
function recordResponses(context: BrowserContext) {
  const bodies: Promise<string>[] = [];
  context.on("response", (response) => {
    bodies.push(response.text().catch(() => ""));
  });
  return async () => (await Promise.all(bodies)).join("\n");
}

test("a buddy sees only what was shared, sends kind words safely, and loses access when revoked", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = newUser("Owner");
  const exName = uniqueName();
  const privateMarker = marker("private");
  const sharedMarker = marker("shared");
  const contactMarker = marker("contact");

  await signUp(page, owner);
  await onboard(page, { exName, pronouns: "she/her" });
  await writeEntry(page, `Only for me ${privateMarker}`, false);
  await writeEntry(page, `A brave day ${sharedMarker}`, true);
  await logContactWithNote(page, `We talked ${contactMarker}`);
  const path = await makeLink(page, "my sister", "Progress and shared entries");
  remember(path.slice("/b/".length));

  const buddy = await buddyContext(browser);
  const everything = recordResponses(buddy);
  const buddyPage = await buddy.newPage();
  const opened = await buddyPage.goto(path);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(opened?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  expect(opened?.headers()["content-security-policy"]).toContain("script-src");
  // The page ships no JavaScript at all: its HTML and the stylesheet are everything.
  expect(await opened?.text()).not.toContain("<script");
  // Nor does it answer its props as JSON, the Pages Router's way of navigating without
  // a reload: nothing uses it, so it is closed.
  const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
  const data = await buddy.request.get(`/_next/data/${buildId}${path}.json`);
  expect(data.status()).toBe(404);
  expect(await data.text()).not.toContain(owner.name);
  await expect(buddyPage.getByRole("heading", { level: 1 })).toContainText(owner.name);
  await expect(buddyPage.getByText(sharedMarker)).toBeVisible();

  const seen = `${await buddyPage.content()}\n${await everything()}`;
  expect(seen).toContain(sharedMarker);
  for (const secret of [privateMarker, contactMarker, exName, owner.email]) {
    expect(seen, `the buddy must never receive ${secret}`).not.toContain(secret);
  }

  // Words that look like code arrive as words.
  const words = `<script>window.__pwned = 1</script> Proud of you ${marker("note")}`;
  await buddyPage.getByLabel("Your name (optional)").fill("Sam");
  await buddyPage.getByLabel("Your message").fill(words);
  await buddyPage.getByRole("button", { name: "Send encouragement" }).click();
  await expect(buddyPage.getByText("Sent. Thank you for being there.")).toBeVisible();
  expect(buddyPage.url()).not.toContain("Proud");

  await page.goto("/buddies");
  await expect(page.getByRole("link", { name: /Inbox \(1 new\)/ })).toBeVisible();
  await page.goto("/buddies/inbox");
  await expect(page.getByText(words, { exact: true })).toBeVisible();
  await expect(page.getByText("Sam (my sister)")).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // The owner sees exactly the buddy's page.
  await page.goto("/buddies");
  await page.getByRole("link", { name: /^Preview/ }).click();
  await expect(page.getByText(sharedMarker)).toBeVisible();
  await expect(page.getByText(privateMarker)).toHaveCount(0);

  await page.goto("/buddies");
  await page.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();

  const after = await buddyPage.reload();
  expect(after?.status()).toBe(404);
  await expect(buddyPage.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(buddyPage.getByText(owner.name)).toHaveCount(0);
  await buddy.close();
});

test("with JavaScript off, a buddy reads the page, encourages, nudges a quiet friend, saves them, and sees a dead link's notice", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // A new owner who hasn't started yet has been quiet: the page offers a nudge.
  const owner = newUser("Quiet");
  await signUp(page, owner);
  const path = await makeLink(page, "my friend", "Progress only");

  const buddy = await buddyContext(browser, { javaScriptEnabled: false });
  const buddyPage = await buddy.newPage();
  const opened = await buddyPage.goto(path);
  expect(opened?.status()).toBe(200);
  const html = (await opened?.text()) ?? "";
  expect(html).not.toContain("<script");
  expect(html).toMatch(/<link [^>]*rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/);
  // The stylesheet applied: the page keeps its narrow column.
  await expect(buddyPage.locator("main")).toHaveCSS("max-width", "576px");
  await expect(buddyPage).toHaveTitle("A friend's progress · Rekindle");
  await expect(buddyPage.locator('meta[name="robots"]')).toHaveAttribute(
    "content",
    "noindex, nofollow",
  );
  await expect(buddyPage.locator('meta[name="referrer"]')).toHaveAttribute(
    "content",
    "no-referrer",
  );
  await expect(buddyPage.getByRole("heading", { level: 1 })).toContainText(owner.name);
  await expect(buddyPage.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    "/sign-in",
  );
  await buddyPage.getByLabel("Your message").fill("Thinking of you. One step at a time.");
  await buddyPage.getByRole("button", { name: "Send encouragement" }).click();
  await expect(buddyPage.getByText("Sent. Thank you for being there.")).toBeVisible();

  await buddyPage.getByRole("button", { name: "Send a nudge" }).click();
  await expect(buddyPage.getByText("Nudge sent.", { exact: false })).toBeVisible();
  // One a day per link: the offer is gone until tomorrow.
  await expect(buddyPage.getByRole("button", { name: "Send a nudge" })).toHaveCount(0);

  await page.goto("/buddies/inbox");
  await expect(page.getByText("Thinking of you. One step at a time.")).toBeVisible();
  await expect(page.getByText("A nudge: they're thinking of you.")).toBeVisible();

  // A buddy with an account, signed in (with JavaScript, as sign-up asks), then reading
  // with it off, keeps the owner on their own home page.
  const friendContext = await buddyContext(browser);
  await signUp(await friendContext.newPage(), newUser("Friend"));
  const signedIn = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await friendContext.storageState(),
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  await friendContext.close();
  const friendPage = await signedIn.newPage();
  await friendPage.goto(path);
  await friendPage.getByRole("button", { name: "Save to People I support" }).click();
  await expect(friendPage.getByText("Saved. You'll find them on your home page")).toBeVisible();
  await expect(friendPage.getByRole("link", { name: "Open it in Rekindle" })).toHaveAttribute(
    "href",
    /^\/supporting\/[0-9a-f-]{36}$/,
  );
  await signedIn.close();

  const unknown = await buddyPage.goto(`/b/${randomBytes(32).toString("base64url")}`);
  expect(unknown?.status()).toBe(404);
  await expect(buddyPage.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await buddy.close();
});

test("too many messages or page loads from one address get a clear, kind limit", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("Limit"));
  await onboard(page);
  const path = await makeLink(page, "my cousin", "Progress only");

  const buddy = await buddyContext(browser);
  // Ten messages an hour from one address go through; the eleventh is refused kindly.
  for (let i = 0; i < 10; i++) {
    const sent = await buddy.request.post(`${path}/encourage`, {
      form: { message: `Message ${i + 1}` },
      maxRedirects: 0,
    });
    expect(sent.status()).toBe(303);
    expect(sent.headers().location).toContain("sent=1");
  }
  const buddyPage = await buddy.newPage();
  await buddyPage.goto(path);
  await buddyPage.getByLabel("Your message").fill("One more");
  await buddyPage.getByRole("button", { name: "Send encouragement" }).click();
  await expect(buddyPage.getByText(/You've sent a lot of messages for now/)).toBeVisible();

  // Page loads: 60 a minute per address, then 429 with Retry-After and a page that says so.
  // Each load claims a different origin in front of the trusted hop: such entries are the
  // client's own words and are never believed, so they don't reset the count.
  const address = freshAddress();
  let limited = null;
  for (let i = 0; i < 70 && !limited; i++) {
    const response = await buddy.request.get(path, {
      headers: { "X-Forwarded-For": `${freshAddress()}, ${address}` },
    });
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(200);
  }
  expect(limited, "the 61st page load in a minute is limited").not.toBeNull();
  expect(Number(limited?.headers()["retry-after"])).toBeGreaterThan(0);
  // The page has no script, so its text is only in the HTML, where React escapes the "'".
  expect(await limited?.text()).toContain("Let&#x27;s take a short pause");
  await buddy.close();
});
