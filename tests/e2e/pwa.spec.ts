import type { Page } from "@playwright/test";
import { expect, newUser, onboard, signUp, test } from "./fixtures";

/** The worker's store of private pages (app/_components/offline-pages.ts). */
const PRIVATE_PAGES = "rekindle-pages";

/** The paths the worker has stored for reading offline. */
function storedPages(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((request) => new URL(request.url).pathname);
  }, PRIVATE_PAGES);
}

test("the manifest is served, valid, and linked from every page", async ({ page, request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Rekindle",
    short_name: "Rekindle",
    start_url: "/home",
    scope: "/",
    display: "standalone",
  });
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  // Installable on Android: a 192 and a 512 PNG, and one Android may crop to its shape.
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  for (const size of ["192x192", "512x512"]) {
    expect(icons.some((i) => i.sizes === size && i.type === "image/png")).toBe(true);
  }
  expect(icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of [...icons, { src: "/icons/apple-touch-icon.png" }]) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toMatch(/^image\//);
  }

  await page.goto("/sign-in");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
    "href",
    "/icons/apple-touch-icon.png",
  );
});

test("the service worker is sent fresh, for the whole site", async ({ request }) => {
  const response = await request.get("/serwist/sw.js");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("javascript");
  expect(response.headers()["cache-control"]).toContain("no-cache");
  expect(response.headers()["service-worker-allowed"]).toBe("/");
});

test("the plan reads offline as last loaded, read-only, and is forgotten on sign-out", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Offline");
  await signUp(page, user);
  await onboard(page, { exName: "Wren" });

  // The worker installs from the signed-in pages and takes charge of this one.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  // Loaded through the worker, the plan and a step are kept for reading offline.
  await page.goto("/plan/1");
  await page.goto("/plan");
  await expect.poll(() => storedPages(page)).toEqual(expect.arrayContaining(["/plan", "/plan/1"]));

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your plan" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toContainText(
    "read-only",
  );

  // The connection coming back just as the person taps away doesn't pull them back here.
  await page.evaluate(() => {
    addEventListener("beforeunload", () => setTimeout(() => dispatchEvent(new Event("online"))));
  });
  // A step's checklist can't be changed from the stored copy.
  await page.goto("/plan/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reconnect");
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  const boxes = page.getByRole("checkbox");
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) await expect(box).toBeDisabled();

  // Back online, the stored page reloads itself, live and editable again.
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toHaveCount(0);
  await expect(page.getByRole("checkbox").first()).toBeEnabled();

  // Signing out forgets the stored plan: offline, the phone shows nobody's plan.
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out on this device" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect.poll(() => storedPages(page)).toEqual([]);

  await context.setOffline(true);
  await page.goto("/plan");
  await expect(page.getByRole("heading", { level: 1, name: "You're offline" })).toBeVisible();
  const shown = await page.content();
  for (const secret of ["Your plan", "Wren", user.name, "Rekindle"]) {
    expect(shown).not.toContain(secret);
  }
  await context.setOffline(false);
});
