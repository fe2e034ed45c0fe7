import { devices } from "@playwright/test";
import { expect, freshAddress, newUser, onboard, signIn, signUp, test } from "./fixtures";

/**
 * One person, two devices: a phone and a laptop, each its own browser context and session.
 * When both edit the same entry, the one that saves second is told so and keeps every word
 * it typed; nothing is overwritten without the person choosing it.
 */
test("the device that saves second keeps its text and chooses which version stays", async ({
  page: phone,
  browser,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Two");
  await signUp(phone, user);
  await onboard(phone);

  await phone.goto("/journal/new");
  await phone.getByRole("radio", { name: "Okay" }).check({ force: true });
  await phone.getByLabel("What's on your mind?").fill("First words, written on the bus.");
  await phone.getByRole("button", { name: "Save entry" }).click();
  await expect(phone).toHaveURL(/\/journal$/);
  await phone.getByRole("link", { name: /First words, written on the bus/ }).click();
  await expect(phone).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  const entryPath = new URL(phone.url()).pathname;

  const laptopContext = await browser.newContext({
    ...devices["Desktop Chrome"],
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const laptop = await laptopContext.newPage();
  await signIn(laptop, user);
  await laptop.goto(entryPath);
  await laptop.getByRole("button", { name: "Edit entry" }).click();
  const laptopWords = "Longer thoughts from the laptop, typed slowly at the desk.";
  await laptop.getByLabel("What's on your mind?").fill(laptopWords);

  // Meanwhile the phone edits the same entry and saves first.
  await phone.getByRole("button", { name: "Edit entry" }).click();
  await phone.getByLabel("What's on your mind?").fill("A quick change from the phone.");
  await phone.getByRole("button", { name: "Save changes" }).click();
  await expect(phone.getByText("Saved.")).toBeVisible();

  // The laptop saves second: it is told, and its words are all still in the box.
  await laptop.getByRole("button", { name: "Save changes" }).click();
  await expect(
    laptop.getByText("This entry was changed on another device after you opened it."),
  ).toBeVisible();
  await expect(laptop.getByLabel("What's on your mind?")).toHaveValue(laptopWords);
  await laptop.getByText("See the other version").click();
  await expect(laptop.getByText("A quick change from the phone.")).toBeVisible();

  // Keeping its own version saves it on purpose, and the phone sees it after a reload.
  await laptop.getByRole("button", { name: "Keep mine and save" }).click();
  await expect(laptop.getByText("Saved.")).toBeVisible();
  await expect(laptop.getByText(laptopWords)).toBeVisible();
  await phone.reload();
  await expect(phone.getByText(laptopWords)).toBeVisible();
  await expect(phone.getByText("A quick change from the phone.")).toHaveCount(0);
  await laptopContext.close();
});
