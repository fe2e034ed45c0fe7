import { expect, makeLink, newUser, onboard, signUp, test } from "./fixtures";

/**
 * The small things a person sees on the first day (#14, item 9): each failed before its fix.
 */

test("a form's banner names the field in words, and its message shows once", async ({ page }) => {
  await signUp(page, newUser("Banner"));
  await page.goto("/buddies/new");
  await page.getByRole("button", { name: "Make the link", exact: true }).click();

  await expect(page.getByText("Please check “Who is it for?” below.")).toBeVisible();
  await expect(page.getByText("Please give the link a name, like “my sister”.")).toHaveCount(1);
  await expect(page.getByText("label:")).toHaveCount(0);
});

test("the mood chart names all five levels and charts check-ins, not journal moods", async ({
  page,
}) => {
  await signUp(page, newUser("Mood"));
  await onboard(page);
  await page.goto("/home");
  await page.getByRole("radio", { name: "Very low", exact: true }).check({ force: true });
  await expect(
    page.getByRole("heading", { name: "You checked in today", exact: true }),
  ).toBeVisible();
  // A good moment written down the same day doesn't lift the day's check-in.
  await page.goto("/journal/new");
  await page.getByRole("radio", { name: "Great", exact: true }).check({ force: true });
  await page.getByLabel("What's on your mind?").fill("A friend made me laugh at lunch.");
  await page.getByRole("button", { name: "Save entry", exact: true }).click();
  await expect(page).toHaveURL(/\/journal$/);

  await page.goto("/home");
  const chart = page.locator("figure").filter({ hasText: "check-ins" });
  for (const level of ["Very low", "Low", "Okay", "Good", "Great"]) {
    await expect(chart.locator("svg text").getByText(level, { exact: true })).toHaveCount(1);
  }
  await expect(chart.getByText(/Your check-ins average 1(\.0)? out of 5/)).toBeVisible();
});

test("onboarding's heading takes focus for screen readers without a focus ring", async ({
  page,
}) => {
  await signUp(page, newUser("Focus"));
  await page.goto("/onboarding");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeFocused();
  await expect(heading).toHaveCSS("outline-style", "none");
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("Yes", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result", exact: true }).click();
  await expect(heading).toBeFocused();
  await expect(heading).toHaveCSS("outline-style", "none");
});

test("the draft counter counts an emoji as one character, as the server does", async ({ page }) => {
  await signUp(page, newUser("Emoji"));
  await onboard(page, { exName: "Sam" });
  await page.goto("/drafts/new?step=1");
  // 4,000 thumbs up are 8,000 UTF-16 units: the old counter said 8,000 / 5,000, in red.
  await page.getByLabel("Your message").fill("👍".repeat(4_000));
  await expect(page.getByText("4,000 / 5,000")).toBeVisible();
  await page.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);

  await page.getByLabel("Your message").fill("👍".repeat(5_001));
  await expect(page.getByText("5,001 / 5,000")).toBeVisible();
  await page.getByRole("button", { name: "Save changes", exact: true }).click();
  await expect(
    page.getByText("Please keep your message to 5,000 characters or fewer; this one has 5,001."),
  ).toBeVisible();
});

test("helpline numbers stay on one line and call with one tap", async ({ page }) => {
  await signUp(page, newUser("Help"));
  await page.goto("/onboarding");
  for (const group of await page.getByRole("group").all()) {
    await group.getByText("Yes", { exact: true }).click();
  }
  await page.getByRole("button", { name: "See my result", exact: true }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const groups = await page.getByRole("group").all();
  for (const [i, group] of groups.entries()) {
    await group.getByText(i === 0 ? "Yes" : "No", { exact: true }).click();
  }
  await page.getByRole("button", { name: "Continue", exact: true }).click();

  const number = page.getByRole("link", { name: "0808 2000 247", exact: true });
  await expect(number).toHaveAttribute("href", "tel:08082000247");
  await expect(number).toHaveCSS("white-space", "nowrap");
  const box = await number.boundingBox();
  const lineHeight = await number.evaluate((el) =>
    Number.parseFloat(getComputedStyle(el).lineHeight),
  );
  expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);
});

test("after a reflection is saved, the next question is offered, in full", async ({ page }) => {
  await signUp(page, newUser("Reflect"));
  await onboard(page, { exName: "Sam" });
  await page.goto("/plan/1");
  const first = page.getByRole("radio", { name: /^What made you want to reach out now\?/ });
  const second = page.getByRole("radio", { name: /^How did you feel before you sent it/ });
  await expect(first).toBeChecked();
  // Only the chosen question carries the tick, though the list sits inside a fold.
  const ticks = page.getByRole("group", { name: "Question" }).locator("label > svg");
  await expect(ticks.filter({ visible: true })).toHaveCount(1);
  await page.getByLabel("Your answer").fill("I missed our walks.");
  await page.getByRole("button", { name: "Save reflection", exact: true }).click();

  await expect(page.getByText("I missed our walks.")).toBeVisible();
  await expect(second).toBeChecked();
  await expect(first).toHaveAccessibleName(/Answered/);
  // The whole question shows: nothing cut off at the edge of a phone.
  await expect(page.getByText("How did you feel before you sent it, and after?")).toBeVisible();
});

test("a revoked link can be removed for good, after a second tap", async ({ page }) => {
  await signUp(page, newUser("Remove"));
  await onboard(page);
  await makeLink(page, "my cousin", "Progress only");
  await page.goto("/buddies");
  await page.getByRole("button", { name: "Revoke the link for my cousin", exact: true }).click();
  await page.getByRole("button", { name: "Yes, revoke", exact: true }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Delete the link for my cousin", exact: true }).click();
  await expect(page.getByText("The notes your buddy sent through it go with it.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, delete", exact: true }).click();
  await expect(page.getByRole("heading", { name: "my cousin", exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No buddy links yet.")).toBeVisible();
});

test("Hebrew and Arabic read right to left where they are typed and shown", async ({ page }) => {
  await signUp(page, newUser("Dir"));
  await onboard(page);
  const hebrew = "היום היה יום טוב";
  await page.goto("/journal/new");
  const box = page.getByLabel("What's on your mind?");
  await box.fill(hebrew);
  await expect(box).toHaveAttribute("dir", "auto");
  await page.getByRole("radio", { name: "Okay", exact: true }).check({ force: true });
  await page.getByRole("button", { name: "Save entry", exact: true }).click();
  await expect(page).toHaveURL(/\/journal$/);
  const shown = page.getByText(hebrew);
  await expect(shown).toHaveCSS("direction", "rtl");
  await shown.click();
  await expect(page.getByText(hebrew)).toHaveCSS("direction", "rtl");

  const arabic = "أختي";
  await makeLink(page, arabic, "Progress only");
  await page.goto("/buddies");
  await expect(page.getByRole("heading", { name: arabic, exact: true })).toHaveCSS(
    "direction",
    "rtl",
  );
});

test("every page has a favicon: the svg, and favicon.ico for browsers without svg", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) =>
      links.map((l) => ({ href: l.getAttribute("href"), type: l.getAttribute("type") })),
    );
  expect(icons.some((i) => i.href?.startsWith("/icon.svg") && i.type === "image/svg+xml")).toBe(
    true,
  );
  expect(icons.some((i) => i.href?.startsWith("/favicon.ico"))).toBe(true);
  for (const path of ["/favicon.ico", "/icon.svg"]) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()["content-type"], path).toMatch(/^image\//);
    expect((await answer.body()).length, path).toBeGreaterThan(100);
  }
});
