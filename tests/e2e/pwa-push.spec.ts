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
  const registration = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted);
      if (live) resolve(live.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(page.url()).origin,
    registrationId: await registration,
    data: JSON.stringify(data),
  });
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

  await deliverPush(page, context, {
    title: "A new note",
    body: "Someone in your corner sent you a few kind words.",
    url: "/buddies/inbox",
    tag: "note",
  });
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
  await deliverPush(page, context, { title: "", url: "https://elsewhere.example/" });
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
  await expect(section).toContainText("Notifications are blocked for Rekindle in this browser");

  // The reminder itself can still ask for a notification, for the devices that allow one.
  await page.getByLabel("Also send a notification").check();
  await page.getByRole("button", { name: "Save reminders", exact: true }).click();
  await expect(page.getByText(/^Saved\. We'll remind you at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Also send a notification")).toBeChecked();
});
