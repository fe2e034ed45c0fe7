import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, makeLink, newUser, onboard, showScheme, signUp, test } from "./fixtures";

const publicPages = [
  "/",
  "/sign-in",
  "/sign-up",
  "/forgot",
  "/sign-up/check",
  "/welcome/an-old-or-mistyped-link",
  "/reset/an-old-or-mistyped-link",
  "/goodbye",
  "/list",
  "/privacy",
  "/contact",
  "/no-such-page",
];
const beforePlan = ["/home", "/onboarding", "/moving-on", "/settings"];
const withPlan = [
  "/home",
  "/plan",
  "/plan/1",
  "/plan/2",
  "/plan/outcome",
  "/plan/readiness",
  "/plan/situation",
  "/journal",
  "/journal/new",
  "/contacts",
  "/contacts/new",
  "/drafts",
  "/drafts/new?step=1",
  "/buddies",
  "/buddies/new",
  "/buddies/inbox",
];

/**
 * Every page these tests open is also watched for Content-Security-Policy violations: a
 * script or style the policy refused means a page that half works.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

/**
 * Opens the page once and checks it in both themes: the scheme is switched in place, which
 * restyles the page as a person's phone would, and saves loading every page twice.
 */
async function expectNoSeriousViolations(page: Page, path: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const refused = await page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
  expect(refused, `CSP violations on ${path}`).toEqual([]);
  for (const scheme of ["light", "dark"] as const) {
    await showScheme(page, scheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious, `axe on ${path}, ${scheme}`).toEqual([]);
  }
}

test("pages anyone can open have no serious accessibility problems, light and dark", async ({
  page,
}) => {
  test.setTimeout(150_000);
  for (const path of publicPages) await expectNoSeriousViolations(page, path);
});

test("signed-in pages before a plan have no serious accessibility problems, light and dark", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("Axe"));
  for (const path of beforePlan) await expectNoSeriousViolations(page, path);
});

test("signed-in pages with a plan have no serious accessibility problems, light and dark", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signUp(page, newUser("Axe"));
  await onboard(page, { exName: "Sky" });
  for (const path of withPlan) await expectNoSeriousViolations(page, path);
});

test("buddy pages, the owner's and the buddy's, have no serious accessibility problems", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, newUser("Pal"));
  await onboard(page, { exName: "Sky" });
  const buddyPath = await makeLink(page, "my sister", "Progress and shared entries");
  await page.goto("/buddies");
  const preview = await page.getByRole("link", { name: /^Preview/ }).getAttribute("href");
  const edit = await page.getByRole("link", { name: /^Change/ }).getAttribute("href");
  for (const path of ["/buddies", preview ?? "", edit ?? "", buddyPath, "/link-gone"]) {
    await expectNoSeriousViolations(page, path);
  }
});
