import { randomUUID } from "node:crypto";
import { expect, remember, test } from "./fixtures";

/**
 * Forms check their fields with zod fetched after the page (app/_components/lazy-resolver.ts):
 * a person sees the same messages, at the same moments, as when zod came with the page.
 */

test("after the first submit, a form names each problem as it is typed and clears it once fixed", async ({
  page,
}) => {
  await page.goto("/sign-up");
  const email = page.getByLabel("E-mail");
  const send = page.getByRole("button", { name: "Send me the link" });
  await expect(send).toBeEnabled();

  await email.fill("not-an-address");
  await send.click();
  await expect(email).toHaveAccessibleDescription(/valid e-mail/);

  // No second submit: each change is checked again as it is typed.
  await email.fill("ash@example.com");
  await expect(email).not.toHaveAccessibleDescription(/valid e-mail/);
  await email.fill("ash@");
  await expect(email).toHaveAccessibleDescription(/valid e-mail/);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test.describe("offline, with nothing stored", () => {
  // page.route can't see what a service worker answers; sign-in installs none, but be sure.
  test.use({ serviceWorkers: "block" });

  test("a form whose checks can't be fetched still sends, and the server names the field", async ({
    page,
  }) => {
    // Every script the page itself names loads; any fetched later (zod, the schema) fails.
    const html = await (await page.request.get("/sign-in")).text();
    const named = new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g));
    const refused: string[] = [];
    await page.route(/\/_next\/static\/chunks\/.+\.js/, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (named.has(path)) return route.continue();
      refused.push(path);
      return route.abort("internetdisconnected");
    });

    await page.goto("/sign-in");
    const email = page.getByLabel("E-mail");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await email.fill("not-an-address");
    const password = `not a password ${randomUUID().slice(0, 8)}`;
    remember(password);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(email).toHaveAccessibleDescription(/valid e-mail/);
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(refused.length).toBeGreaterThan(0);
  });
});
