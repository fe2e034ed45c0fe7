import { expect, mailLink, newUser, remember, signUp, test } from "./fixtures";

test("a new person sets a check-in time, gets the reminder by mail and in the app, and subscribes to the calendar", async ({
  page,
  request,
}) => {
  const user = newUser("Rowan");
  await signUp(page, user);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Set up reminders" }).click();
  await expect(page).toHaveURL(/\/settings\/reminders$/);
  // Midnight with no quiet hours: due at once, whatever the time of the run.
  await page.getByLabel("Check-in time").fill("00:00");
  await page.getByLabel("Quiet hours").uncheck();
  await page.getByLabel("Also send me an e-mail").check();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText(/^Saved\. We'll remind you at 12:00\sAM\.$/)).toBeVisible();

  // The server looks for due reminders every second and mails this one through SMTP,
  // with the way to change or stop reminders.
  const settingsLink = await mailLink(user.email, /https?:\/\/\S+\/settings\/reminders/);
  expect(new URL(settingsLink).pathname).toBe("/settings/reminders");

  await page.goto("/home");
  const notice = page.getByRole("region", { name: "Time for your check-in" });
  await expect(notice).toBeVisible();
  // The notice closes at the tap; the reload waits for the server to have kept that.
  const dismissed = page.waitForResponse((r) => r.url().includes("reminders.dismiss") && r.ok());
  await notice.getByRole("button", { name: "Dismiss this reminder" }).click();
  await expect(notice).toBeHidden();
  await dismissed;
  await page.reload();
  await expect(page.getByRole("region", { name: "Time for your check-in" })).toBeHidden();

  // The calendar feed: its address is shown once, answers iCalendar, and dies when revoked.
  await page.goto("/settings/reminders");
  await page.getByRole("button", { name: "Make my calendar address" }).click();
  const url = await page.getByLabel("Calendar address").inputValue();
  expect(url).toMatch(/\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
  remember(url.slice(url.lastIndexOf("/") + 1, -".ics".length));
  // "Copy address" puts exactly that address on the clipboard, and says so.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy address" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Address copied" })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(feed.headers()["cache-control"]).toBe("no-store");
  const text = await feed.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toMatch(/DTSTART;TZID=[^:]+:\d{8}T000000/);
  expect(text).toContain("RRULE:FREQ=DAILY");

  await page.reload();
  await page.getByRole("button", { name: "Turn off the calendar" }).click();
  await page.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page.getByRole("button", { name: "Make my calendar address" })).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});
