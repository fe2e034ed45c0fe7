import { expect, newUser, onboard, signUp, test } from "./fixtures";

// A browser that asks for German: dates follow it, the page's own words stay English.
test.use({ locale: "de-DE" });

test("dates follow the browser's language, and Settings moves the week's first day", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await signUp(page, newUser("Lena"));
  await onboard(page);

  // The calendar's table for screen readers names each week by its first day.
  const firstWeek = () =>
    page
      .getByRole("table", { name: /by week/ })
      .getByRole("rowheader")
      .first();
  await page.goto("/home");
  await expect(firstWeek()).toHaveText(/^Montag, \d+\. \p{L}+$/u);

  await page.goto("/settings");
  const sunday = page.getByRole("radio", { name: /^Sunday/ });
  await expect(sunday).toBeEnabled(); // once the page can save
  const saved = page.waitForResponse((r) => r.url().includes("account.setWeekStart"));
  await sunday.check({ force: true });
  expect((await saved).status()).toBe(200);
  await expect(sunday).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Automatic/ })).not.toBeChecked();

  await page.goto("/home");
  await expect(firstWeek()).toHaveText(/^Sonntag, \d+\. \p{L}+$/u);
  // The server and the browser wrote the same dates: React reported no mismatch.
  expect(problems.filter((p) => /hydrat/i.test(p))).toEqual([]);
});
