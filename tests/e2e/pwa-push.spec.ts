import type { BrowserContext, Page } from "@playwright/test";
import { expect, newUser, signUp, test } from "./fixtures";

/** The notifications the service worker is showing, as the phone would list them. */
function shown(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const notifications = await registration.getNotifications();
    return notifications.map((n) => ({ title: n.title, body: n.body, data: n.data }));
  });
}

/** A signed-in page that the service worker controls, with notifications allowed. */
async function controlledPage(page: Page, context: BrowserContext) {
  await context.grantPermissions(["notifications"]);
  await signUp(page, newUser("Push"));
  await page.goto("/settings/reminders");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

/**
 * Hands the service worker a push as the browser's push service would, through the
 * DevTools protocol. Chromium here can't subscribe: in Playwright's contexts (which it
 * treats as incognito) PushManager.subscribe answers "AbortError: Registration failed -
 * permission denied" even with notifications allowed, so no subscription row comes from
 * this browser and the push arrives this way, as the browser would hand it over after
 * decrypting. tests/integration/push.test.ts covers the server's side, encryption included.
 */
async function deliverPush(page: Page, context: BrowserContext, data: unknown) {
  const cdp = await context.newCDPSession(page);
  // The registration whose worker is activated: the one controlling the page, not one the
  // browser lists while it is still being set up.
  const registration = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      const active = versions.find((v) => v.status === "activated");
      if (active) resolve(active.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  const registrationId = await registration;
  const origin = new URL(page.url()).origin;
  const deliver = () =>
    cdp.send("ServiceWorker.deliverPushMessage", {
      origin,
      registrationId,
      data: JSON.stringify(data),
    });
  await deliver();
  return deliver;
}

/**
 * A push handed over by DevTools while the worker is starting up can be dropped before the
 * worker sees it (a step of this harness, not of the app): if nothing shows within five
 * seconds, it is handed over once more. What then shows is still asserted in full.
 */
async function deliverAgainIfNothingShows(page: Page, deliver: () => Promise<unknown>) {
  for (let waited = 0; waited < 5_000; waited += 250) {
    if ((await shown(page)).length > 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await deliver();
}

/**
 * Taps the notification. No tool can click a notification in headless Chromium, so the
 * worker gets the same event a tap gives, built from the notification it shows.
 */
async function tapNotification(context: BrowserContext) {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error("no service worker is running");
  await worker.evaluate(async () => {
    const scope = self as unknown as {
      registration: { getNotifications(): Promise<Notification[]> };
      dispatchEvent(event: Event): boolean;
    };
    const Click = (
      globalThis as unknown as {
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      }
    ).NotificationEvent;
    const [notification] = await scope.registration.getNotifications();
    if (notification) scope.dispatchEvent(new Click("notificationclick", { notification }));
  });
}

test("a push shows a notification, and a tap opens its page", async ({ page, context }) => {
  await controlledPage(page, context);

  const deliver = await deliverPush(page, context, {
    title: "A new note",
    body: "Someone in your corner sent you a few kind words.",
    url: "/buddies/inbox",
    tag: "note",
  });
  await deliverAgainIfNothingShows(page, deliver);
  await expect
    .poll(() => shown(page))
    .toEqual([
      {
        title: "A new note",
        body: "Someone in your corner sent you a few kind words.",
        data: { url: "/buddies/inbox" },
      },
    ]);

  await tapNotification(context);
  await expect(page).toHaveURL(/\/buddies\/inbox$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The tapped notification is gone from the phone's list.
  await expect.poll(() => shown(page)).toEqual([]);
});

test("a push that isn't Rekindle's shows a plain reminder that opens Home", async ({
  page,
  context,
}) => {
  await controlledPage(page, context);
  const deliver = await deliverPush(page, context, {
    title: "",
    url: "https://elsewhere.example/",
  });
  await deliverAgainIfNothingShows(page, deliver);
  await expect
    .poll(() => shown(page))
    .toEqual([{ title: "A reminder", body: "", data: { url: "/home" } }]);
  await tapNotification(context);
  await expect(page).toHaveURL(/\/home$/);
});

test("Settings offers notifications per device and a notification with each reminder", async ({
  page,
}) => {
  // No permission granted: the browser says no when asked, as a person may.
  await signUp(page, newUser("Device"));
  await page.goto("/settings/reminders");
  const section = page.getByRole("region", { name: "Notifications on this device" });
  await section.getByRole("button", { name: "Turn on notifications", exact: true }).click();
  await expect(section).toContainText("Notifications are blocked for this app in this browser");

  // The reminder itself can still ask for a notification, for the devices that allow one.
  await page.getByLabel("Also send a notification").check();
  await page.getByRole("button", { name: "Save reminders", exact: true }).click();
  await expect(page.getByText(/^Saved\. We'll remind you at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Also send a notification")).toBeChecked();
});
