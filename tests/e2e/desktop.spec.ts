import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, makeLink, newUser, onboard, sendNote, showScheme, signUp, test } from "./fixtures";

const WIDE = { width: 1280, height: 800 };

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const place = (page: Page, name: string | RegExp) =>
  mainNav(page).getByRole("link", { name, exact: typeof name === "string" || undefined });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, "the element is on the page").not.toBeNull();
  return found ?? { x: 0, y: 0, width: 0, height: 0 };
}

test.describe("on a wide screen", () => {
  test.use({ viewport: WIDE, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("the places are a side navigation beside the page, not tabs at the bottom", async ({
    page,
    browser,
  }) => {
    // A person, a plan, a link and a buddy's note, then axe in two themes.
    test.setTimeout(120_000);
    await signUp(page, newUser("Wide"));
    await onboard(page);
    await sendNote(browser, await makeLink(page, "my brother", "Progress only"), "Go gently.");
    await page.goto("/home");

    // The five places stand one under another at the left, near the top of the screen.
    const names = ["Home", "Plan", "Journal", "Contacts"];
    const boxes = [];
    for (const name of names) boxes.push(await box(place(page, name)));
    boxes.push(await box(place(page, /^Buddies/)));
    for (const [i, b] of boxes.entries()) {
      expect(b.x, `${names[i] ?? "Buddies"} is at the left`).toBeLessThan(60);
      expect(b.y + b.height, "above the fold").toBeLessThan(WIDE.height / 2);
      if (i > 0) expect(b.y, "one under the other").toBeGreaterThan(boxes[i - 1]?.y ?? 0);
    }
    // No bar across the bottom of the screen.
    const nav = await box(mainNav(page));
    expect(nav.width).toBeLessThan(300);
    expect(nav.y + nav.height).toBeLessThan(WIDE.height - 100);
    // The buddy's note shows as a dot on Buddies here too.
    await expect(place(page, /^Buddies/)).toHaveAccessibleName(/^Buddies\W+1 new note$/);
    await expect(page.getByTestId("tab-badge")).toBeVisible();

    // The page sits beside the navigation at a reading width.
    const main = await box(page.getByRole("main"));
    expect(main.x).toBeGreaterThanOrEqual(nav.x + nav.width);
    expect(main.width).toBeLessThanOrEqual(720);
    await expect(page.getByRole("link", { name: "Helplines", exact: true })).toBeVisible();

    for (const scheme of ["light", "dark"] as const) {
      await showScheme(page, scheme);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${v.help}`),
        `axe, ${scheme}`,
      ).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });

    // The side navigation works and shows where the person is.
    await place(page, "Journal").click();
    await expect(page).toHaveURL(/\/journal$/);
    await expect(place(page, "Journal")).toHaveAttribute("aria-current", "page");
    await expect(place(page, "Home")).not.toHaveAttribute("aria-current", "page");

    // A form keeps a comfortable width rather than stretching across the screen.
    await page.goto("/journal/new");
    const field = await box(page.getByLabel("What's on your mind?"));
    expect(field.width).toBeLessThanOrEqual(720);
    expect(field.x).toBeGreaterThanOrEqual(nav.x + nav.width);
  });
});

test("on a phone the places stay tabs across the bottom", async ({ page }) => {
  await signUp(page, newUser("Narrow"));
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const nav = await box(mainNav(page));
  expect(nav.width).toBe(viewport.width);
  expect(nav.y + nav.height).toBeCloseTo(viewport.height, 0);
  const home = await box(place(page, "Home"));
  const plan = await box(place(page, "Plan"));
  expect(plan.y).toBe(home.y);
  expect(plan.x).toBeGreaterThan(home.x);
});
