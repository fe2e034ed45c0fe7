import {
  askToSignUp,
  expect,
  freshAddress,
  mailsTo,
  newUser,
  signIn,
  signUp,
  signUpByHand,
  signUpLink,
  test,
} from "./fixtures";

test("a new person signs up, signs out, is refused a wrong password, and signs back in", async ({
  page,
}) => {
  const user = newUser();
  await signUpByHand(page, user);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Sign out on this device" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("You are signed out")).toBeVisible();

  // Signed out means signed out: the home page sends them back to sign in.
  await page.goto("/home");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(`${user.password}!`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That e-mail and password don't match")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
});

test("sign-up asks only for the address; the link's page asks for the rest, each problem by its field", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Your first name")).toHaveCount(0);
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByLabel("E-mail")).toHaveAccessibleDescription(/valid e-mail/);
  await expect(page).toHaveURL(/\/sign-up$/);

  const user = newUser("Ash");
  await askToSignUp(page, user.email);
  await page.goto(await signUpLink(user.email));
  await expect(page.getByText(user.email)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByLabel("Your first name")).toHaveAccessibleDescription(/enter your name/);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(
    /at least 8/,
  );
  await page.getByLabel("Your first name").fill(user.name);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/home$/, { timeout: 20_000 });
});

test("signing up with an address that has an account looks the same, and floods no inbox", async ({
  page,
  browser,
}) => {
  const user = newUser("Alex");
  await signUp(page, user);

  const other = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  const second = await other.newPage();
  for (let i = 0; i < 3; i++) {
    await askToSignUp(second, user.email.toUpperCase());
    // The same page a new address gets: nothing here says the address is known.
    await expect(second.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  }
  // One mail per address per 15 minutes, whoever asks: the owner got the link, no more.
  await second.waitForTimeout(1000);
  expect(mailsTo(user.email)).toHaveLength(1);
  await other.close();
});

test("signing out of all devices from one phone ends the session on the other", async ({
  page,
  browser,
}) => {
  const user = newUser("Jo");
  await signUp(page, user);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, user);

  await other.goto("/settings");
  await other.getByRole("button", { name: "Sign out of all devices" }).click();
  await other.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(other).toHaveURL(/\/sign-in/);

  // The first phone still holds its cookie, but the session behind it is gone.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await otherContext.close();
});

test("profile changes are saved and greet the person by their new name", async ({ page }) => {
  const user = newUser("Kai");
  await signUp(page, user);
  await page.goto("/settings");
  await page.getByLabel("Your first name").fill("Kai Renamed");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kai Renamed");
  await page.goto("/settings");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
});

test("the session cookie is HttpOnly and SameSite=Lax, and a copy replayed after sign-out is refused", async ({
  page,
  browser,
}) => {
  const user = newUser("Max");
  await signUp(page, user);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.domain).toBe("localhost");

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out on this device" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who copied the cookie earlier cannot use it now.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/home");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("five wrong passwords lock that e-mail out from this address, but not from another", async ({
  page,
  browser,
}) => {
  const user = newUser("Lock");
  await signUp(page, user);
  await page.context().clearCookies();

  const tryPassword = async (password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await tryPassword(`wrong guess ${i}`);
    await expect(page.getByText("That e-mail and password don't match an account.")).toBeVisible();
  }
  // Even the right password waits now, from this address: 429, with how long to wait.
  const refused = page.waitForResponse((r) => r.url().endsWith("/sign-in/submit"));
  await tryPassword(user.password);
  const response = await refused;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(14 * 60);
  await expect(
    page.getByText("Too many attempts to sign in to this account. Please try again in 15 minutes."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // The owner, on their own phone elsewhere, still gets in.
  const elsewhere = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": freshAddress() },
  });
  await signIn(await elsewhere.newPage(), user);
  await elsewhere.close();
});

test("over https the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax, with no Domain", async ({
  page,
  request,
}) => {
  const user = newUser("Tls");
  await signUp(page, user);
  // As behind a TLS-terminating proxy, which says the client used https.
  const res = await request.post("/sign-in/submit", {
    data: { email: user.email, password: user.password },
    headers: { "X-Forwarded-Proto": "https" },
  });
  expect(res.status()).toBe(200);
  const cookie = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .find((v) => v.startsWith("__Secure-authjs.session-token="));
  expect(cookie, "a __Secure- session cookie").toBeDefined();
  const attributes = (cookie ?? "").split(";").map((a) => a.trim().toLowerCase());
  expect(attributes).toContain("secure");
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
});
