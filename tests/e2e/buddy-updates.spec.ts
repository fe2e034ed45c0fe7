import { randomBytes } from "node:crypto";
import {
  expect,
  freshAddress,
  mailLink,
  makeLink,
  newUser,
  onboard,
  remember,
  signUp,
  test,
} from "./fixtures";

test("a buddy asks for e-mail updates, confirms them by mail, and sees the owner's thank-you", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = newUser("Owner");
  await signUp(page, owner);
  await onboard(page);
  const path = await makeLink(page, "my sister", "Progress only");
  remember(path.slice("/b/".length));

  // The buddy, on another device and connection, with JavaScript off as the page needs none.
  const buddy = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const buddyPage = await buddy.newPage();
  await buddyPage.goto(path);
  const email = `buddy-${randomBytes(5).toString("hex")}@example.com`;
  await buddyPage.getByLabel("Your e-mail").fill(email);
  await buddyPage.getByRole("button", { name: "Send me updates", exact: true }).click();
  await expect(buddyPage.getByText(/Almost there: we've sent you an e-mail/)).toBeVisible();
  expect(buddyPage.url()).not.toContain("example.com");

  // Nothing is on until the mail's link is opened and its button pressed.
  await page.goto("/buddies");
  await expect(page.getByText("Asked for e-mails; waiting for them to confirm")).toBeVisible();
  const confirm = await mailLink(email, /https?:\/\/[^\s]+\/b\/confirm\/[A-Za-z0-9_-]{43}/);
  remember(confirm.slice(confirm.lastIndexOf("/") + 1));
  await buddyPage.goto(confirm);
  await buddyPage.getByRole("button", { name: "Yes, send me updates", exact: true }).click();
  await expect(buddyPage.getByRole("heading", { name: "You're all set" })).toBeVisible();
  await buddyPage.goto(path);
  await expect(buddyPage.getByText("Updates by e-mail are on for this link.")).toBeVisible();
  await expect(buddyPage.getByLabel("Your e-mail")).toHaveCount(0);

  await buddyPage.getByLabel("Your message").fill("Proud of you, one step at a time");
  await buddyPage.getByRole("button", { name: "Send encouragement", exact: true }).click();
  await expect(buddyPage.getByText("Sent. Thank you for being there.")).toBeVisible();

  // The owner sees the buddy subscribed (never the address) and thanks them for the note.
  await page.reload();
  await expect(page.getByText("Gets a weekly e-mail and one when you finish a step")).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await page.goto("/buddies/inbox");
  await page.getByRole("button", { name: "Say thank you", exact: true }).click();
  await page.getByLabel("Your thank-you").fill("Thank you, that made my day");
  await page.getByRole("button", { name: "Send thank-you", exact: true }).click();
  await expect(page.getByText("You wrote back:")).toBeVisible();

  await buddyPage.reload();
  await expect(buddyPage.getByRole("heading", { name: `${owner.name} wrote back` })).toBeVisible();
  await expect(buddyPage.getByText("Thank you, that made my day")).toBeVisible();
  // The owner's preview of the link shows the same.
  await page.goto("/buddies");
  await page.getByRole("link", { name: /^Preview/ }).click();
  await expect(page.getByRole("heading", { name: `${owner.name} wrote back` })).toBeVisible();
  await expect(page.getByText("Thank you, that made my day")).toBeVisible();

  // The owner stops the updates: the buddy's page offers them afresh.
  await page.goto("/buddies");
  await page.getByRole("button", { name: "Stop e-mails for my sister", exact: true }).click();
  await expect(page.getByText("No e-mails", { exact: true })).toBeVisible();
  await buddyPage.reload();
  await expect(buddyPage.getByLabel("Your e-mail")).toBeVisible();
  await buddy.close();
});

test("the new link goes out through the phone's share sheet, or is copied where there is none", async ({
  page,
  browser,
}) => {
  // A phone's share sheet, recorded: what the owner shares, and nothing else.
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { __shared: shared });
    Object.defineProperty(navigator, "share", {
      configurable: true,
      value: async (data: ShareData) => {
        shared.push(data);
      },
    });
  });
  const owner = newUser("Owner");
  await signUp(page, owner);
  await onboard(page);
  const path = await makeLink(page, "my brother", "Progress only");
  remember(path.slice("/b/".length));
  await page.getByRole("button", { name: "Share link", exact: true }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { __shared: ShareData[] }).__shared,
  );
  expect(shared).toHaveLength(1);
  expect(new URL(shared[0]?.url ?? "").pathname).toBe(path);

  // A browser without the share sheet offers the copy button alone.
  const desk = await browser.newContext({ storageState: await page.context().storageState() });
  await desk.addInitScript(() => {
    Object.defineProperty(navigator, "share", { configurable: true, value: undefined });
  });
  const deskPage = await desk.newPage();
  const other = await makeLink(deskPage, "my friend", "Progress only");
  remember(other.slice("/b/".length));
  await expect(deskPage.getByRole("button", { name: "Copy link", exact: true })).toBeVisible();
  await expect(deskPage.getByRole("button", { name: "Share link", exact: true })).toHaveCount(0);
  await desk.close();
});
