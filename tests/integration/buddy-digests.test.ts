import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as subscribeDoor } from "@/app/b/[token]/subscribe/route";
import { GET as confirmGet, POST as confirmPost } from "@/app/b/confirm/[token]/route";
import { GET as stopGet, POST as stopPost } from "@/app/stop/[token]/route";
import { type Database, postgresDatabase } from "@/db/client";
import {
  type BuddyLink,
  buddyDigests,
  buddySubscriptions,
  reminderSettings,
  stepProgress,
} from "@/db/schema";
import { markServedByRekindle } from "@/server/client-ip";
import { type DigestDeps, runDigests, WEEK_MS } from "@/server/digests/jobs";
import { buddyPage } from "@/server/http/doors/buddy";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { type Mail, mailSettings, sendMail } from "@/server/mail";
import { runReminders } from "@/server/reminders/jobs";
import { liveLink } from "@/server/services/buddies";
import { subscribeLink } from "@/server/services/buddies-mail";
import { exportAccount } from "@/server/services/export";
import { saveSettings } from "@/server/services/reminders";
import { setupTestDb, workerPostgresUrl } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { type ReceivedMail, startSmtpServer } from "../helpers/smtp";
import { type Caller, createBuddyLink, createUser, signedInUser } from "../helpers/users";

const t = setupTestDb();
const APP_URL = "https://rekindle.test";
const MINUTE = 60_000;
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(() => smtp.close());
beforeAll(() => {
  markServedByRekindle();
  pointEdgeAtDatabase(async () => t.db);
});
const closers: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

/** Mail through the test's own SMTP server, as production sends it. */
const send = (mail: Mail) => sendMail(mail, { ...mailSettings(), smtpUrl: smtp.url });
const deps = (now: Date, sender: DigestDeps["send"] = send): DigestDeps => ({
  now,
  appUrl: APP_URL,
  send: sender,
});

const TOKEN = "[A-Za-z0-9_-]{43}";
const tokenIn = (mail: ReceivedMail | undefined, path: string) => {
  const found = new RegExp(`${APP_URL}${path}(${TOKEN})`).exec(mail?.text ?? "")?.[1];
  if (!found) throw new Error(`no ${path} link in the mail`);
  return found;
};

async function ownerWithLink(caller?: Caller) {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  const journey = await startJourney(t.db, owner.userId);
  const { token, link } = await createBuddyLink(caller ?? owner.caller);
  return { owner, journey, token, link };
}

async function live(token: string): Promise<BuddyLink> {
  const link = await liveLink(t.db, token, new Date());
  if (!link) throw new Error("the link should be live");
  return link;
}

const address = () => `buddy-${randomUUID().slice(0, 8)}@example.com`;

/** Asks for updates on the page's behalf, and answers with the confirming mail. */
async function subscribe(token: string, email: string, now = new Date()) {
  await subscribeLink(t.db, await live(token), { email }, { appUrl: APP_URL, send, now });
  return smtp.received.at(-1);
}

function tokenRoute(path: string, token: string, init: RequestInit = {}) {
  return new Request(`${APP_URL}${path}${token}`, init);
}
const params = (token: string) => ({ params: Promise.resolve({ token }) });

/** Opens the confirming link and presses its button, as a person would. */
async function confirm(mail: ReceivedMail | undefined) {
  const token = tokenIn(mail, "/b/confirm/");
  const page = await confirmGet(tokenRoute("/b/confirm/", token), params(token));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Yes, send me updates");
  const done = await confirmPost(
    tokenRoute("/b/confirm/", token, {
      method: "POST",
      headers: { "sec-fetch-site": "same-origin" },
    }),
    params(token),
  );
  expect(done.status).toBe(200);
  expect(await done.text()).toContain("all set");
}

const subscriptionsOf = (linkId: string) =>
  t.db.select().from(buddySubscriptions).where(eq(buddySubscriptions.linkId, linkId));

describe("double opt-in", () => {
  it("sends only the confirming mail, without anyone's words, until its link is opened", async () => {
    const { token, link, owner } = await ownerWithLink();
    const email = address();
    const start = new Date();
    const mail = await subscribe(token, email, start);
    expect(smtp.received).toHaveLength(1);
    expect(mail?.envelopeTo).toEqual([email]);
    expect(mail?.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${APP_URL}/stop/${TOKEN}>$`));
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // The address has proved nothing yet: no name anyone chose travels to it.
    expect(`${mail?.headers.subject}\n${mail?.text}`).not.toContain("Robin");
    expect(await owner.caller.buddies.updates()).toEqual([
      { linkId: link.id, updates: "pending", since: expect.any(Date) },
    ]);

    // Weeks go by without the link being opened: nothing is sent, and the address goes.
    expect(await runDigests(t.db, deps(later(start, 2 * WEEK_MS)))).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await subscriptionsOf(link.id)).toEqual([]);
  });

  it("starts the weekly note once confirmed, one a week", async () => {
    const { token, link, owner } = await ownerWithLink();
    const email = address();
    await confirm(await subscribe(token, email));
    const [row] = await subscriptionsOf(link.id);
    const confirmedAt = row?.confirmedAt ?? new Date();
    expect(await owner.caller.buddies.updates()).toMatchObject([
      { linkId: link.id, updates: "on" },
    ]);

    expect(await runDigests(t.db, deps(later(confirmedAt, WEEK_MS - MINUTE)))).toMatchObject({
      sent: 0,
    });
    await runDigests(t.db, deps(later(confirmedAt, WEEK_MS + MINUTE)));
    await runDigests(t.db, deps(later(confirmedAt, WEEK_MS + 30 * MINUTE)));
    const notes = smtp.received.slice(1);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.envelopeTo).toEqual([email]);
    expect(notes[0]?.headers.subject).toBe("Robin's week");
    expect(notes[0]?.text).toContain("0 of 7 steps done.");
    expect(notes[0]?.text).toContain(`To stop these e-mails: ${APP_URL}/stop/`);
    expect(notes[0]?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    await runDigests(t.db, deps(later(confirmedAt, 2 * WEEK_MS + MINUTE)));
    expect(smtp.received.slice(1)).toHaveLength(2);
  });

  it("shows the buddy page whether updates are on, never the address", async () => {
    const { token } = await ownerWithLink();
    const email = address();
    const open = async () => {
      const { data } = await buddyPage({ token, headers: { "x-rekindle-test": "1" } });
      return data;
    };
    expect(await open()).toMatchObject({ kind: "view", updates: "off" });
    const mail = await subscribe(token, email);
    expect(await open()).toMatchObject({ updates: "pending" });
    await confirm(mail);
    const data = await open();
    expect(data).toMatchObject({ updates: "on" });
    expect(JSON.stringify(data)).not.toContain(email);
  });
});

describe("the page's form", () => {
  /** The buddy page's plain form post, from the page itself unless said otherwise. */
  const post = (token: string, email: string, site = "same-origin") =>
    subscribeDoor(
      new Request(`${APP_URL}/b/${token}/subscribe`, {
        method: "POST",
        headers: {
          "sec-fetch-site": site,
          "content-type": "application/x-www-form-urlencoded",
          "x-rekindle-client-ip": `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
        },
        body: new URLSearchParams({ email }),
      }),
      params(token),
    );

  it("answers back to the page with a flag, never the address, and refuses what isn't one", async () => {
    const { token, link } = await ownerWithLink();
    const bad = await post(token, "not an address");
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe(`/b/${token}?error=email`);
    expect(await subscriptionsOf(link.id)).toEqual([]);

    const foreign = await post(token, address(), "cross-site");
    expect(foreign.status).toBe(403);
    expect(await subscriptionsOf(link.id)).toEqual([]);

    const email = address();
    const ok = await post(token, email);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/b/${token}?subscribed=1`);
    expect(ok.headers.get("location")).not.toContain("example.com");
    expect(await subscriptionsOf(link.id)).toMatchObject([{ email, confirmedAt: null }]);
  });
});

describe("a step done", () => {
  it("sends one note saying which step, within what the page shows", async () => {
    const { token, link, journey, owner } = await ownerWithLink();
    await confirm(await subscribe(token, address()));
    const [row] = await subscriptionsOf(link.id);
    const doneAt = later(row?.confirmedAt ?? new Date(), MINUTE);
    await t.db
      .update(stepProgress)
      .set({ status: "done", completedAt: doneAt })
      .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 1)));
    await t.db
      .update(stepProgress)
      .set({ status: "open", openedAt: doneAt })
      .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 2)));

    await runDigests(t.db, deps(later(doneAt, MINUTE)));
    await runDigests(t.db, deps(later(doneAt, 2 * MINUTE)));
    const notes = smtp.received.slice(1);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.headers.subject).toBe("Robin finished a step");
    expect(notes[0]?.text).toContain("Robin has finished step 1.");
    const { view: preview } = await owner.caller.buddies.preview({ id: link.id });
    expect(notes[0]?.text).toContain(
      `Now on step ${preview.currentStep?.number}: ${preview.currentStep?.title}.`,
    );
  });
});

describe("stopping", () => {
  it("stops by a one-click POST without cookies, from the mail provider's side", async () => {
    const { token, link } = await ownerWithLink();
    const email = address();
    await confirm(await subscribe(token, email));
    const [row] = await subscriptionsOf(link.id);
    const week = later(row?.confirmedAt ?? new Date(), WEEK_MS + MINUTE);
    await runDigests(t.db, deps(week));
    const note = smtp.received.at(-1);
    const stop = tokenIn(note, "/stop/");
    // The header and the visible link are the same address.
    expect(note?.headers["list-unsubscribe"]).toBe(`<${APP_URL}/stop/${stop}>`);

    // Opening the link (a mail scanner does) only asks.
    const asked = await stopGet(tokenRoute("/stop/", stop), params(stop));
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Stop these e-mails");
    expect(await subscriptionsOf(link.id)).toHaveLength(1);

    const oneClick = await stopPost(
      tokenRoute("/stop/", stop, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://mail.example",
          "sec-fetch-site": "cross-site",
        },
        body: "List-Unsubscribe=One-Click",
      }),
      params(stop),
    );
    expect(oneClick.status).toBe(200);
    expect(await subscriptionsOf(link.id)).toEqual([]);
    await runDigests(t.db, deps(later(week, WEEK_MS)));
    expect(smtp.received.at(-1)).toBe(note);
    // The same link again says so kindly.
    const again = await stopGet(tokenRoute("/stop/", stop), params(stop));
    expect(await again.text()).toContain("Stopped");
  });

  it("stops when the link is revoked: the address is deleted and a queued note is dropped", async () => {
    const { token, link, owner } = await ownerWithLink();
    await confirm(await subscribe(token, address()));
    const [row] = await subscriptionsOf(link.id);
    const week = later(row?.confirmedAt ?? new Date(), WEEK_MS + MINUTE);
    // A note is queued, then the owner revokes before any runner sends it.
    await t.db.insert(buddyDigests).values({
      linkId: link.id,
      subscriptionId: row?.id,
      kind: "weekly",
      periodKey: "week-1",
      dueAt: week,
    });
    await owner.caller.buddies.revoke({ id: link.id });
    expect(await subscriptionsOf(link.id)).toEqual([]);
    await runDigests(t.db, deps(week));
    expect(smtp.received).toHaveLength(1);
    const [digest] = await t.db.select().from(buddyDigests).where(eq(buddyDigests.linkId, link.id));
    expect(digest?.status).toBe("dropped");
  });

  it("lets the owner stop a link's updates, and nobody else", async () => {
    const { token, link, owner } = await ownerWithLink();
    await confirm(await subscribe(token, address()));
    const other = await signedInUser(t.db, { displayName: "Sam" });
    expect(await other.caller.buddies.updates()).toEqual([]);
    await expect(other.caller.buddies.stopUpdates({ id: link.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await subscriptionsOf(link.id)).toHaveLength(1);

    await owner.caller.buddies.stopUpdates({ id: link.id });
    expect(await subscriptionsOf(link.id)).toEqual([]);
    expect(await owner.caller.buddies.updates()).toEqual([]);
  });
});

describe("the owner's export", () => {
  it("says a buddy subscribed, and never the address", async () => {
    const { token, link, owner } = await ownerWithLink();
    const email = address();
    await confirm(await subscribe(token, email));
    const file = await exportAccount(t.db, { userId: owner.userId });
    expect(file.buddySubscriptions).toEqual([
      { linkId: link.id, subscription: "a buddy subscribed", confirmedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(file)).not.toContain(email);
  });
});

describe("two runners at once", () => {
  async function subscribedBuddies(count: number) {
    const emails: string[] = [];
    let confirmedAt = new Date();
    for (let i = 0; i < count; i++) {
      const { token, link } = await ownerWithLink();
      const email = address();
      await confirm(await subscribe(token, email));
      const [row] = await subscriptionsOf(link.id);
      confirmedAt = row?.confirmedAt ?? confirmedAt;
      emails.push(email);
    }
    return { emails, due: later(confirmedAt, WEEK_MS + MINUTE) };
  }

  /** A send that takes a moment, so the runners overlap while mail is going out. */
  const slowSend = (sent: string[]) => async (mail: Mail) => {
    await new Promise((r) => setTimeout(r, 20));
    sent.push(mail.to);
  };

  it("send each note once from one database", async () => {
    const { emails, due } = await subscribedBuddies(5);
    const sent: string[] = [];
    await Promise.all([
      runDigests(t.db, deps(due, slowSend(sent))),
      runDigests(t.db, deps(due, slowSend(sent))),
    ]);
    expect(sent.sort()).toEqual(emails.sort());
  });

  // Skipped on PGlite: it lives inside one process, so it has no two instances to race.
  describe.runIf(t.kind === "postgres")("on PostgreSQL", () => {
    const instance = (): Database => {
      const database = postgresDatabase(workerPostgresUrl(), 3);
      closers.push(() => database.close());
      return database;
    };

    it("send each note once from two separate pools", async () => {
      const { emails, due } = await subscribedBuddies(8);
      const [one, two] = [instance(), instance()];
      const sent: string[] = [];
      await Promise.all([
        runDigests(one.db, deps(due, slowSend(sent))),
        runDigests(two.db, deps(due, slowSend(sent))),
        runDigests(one.db, deps(due, slowSend(sent))),
      ]);
      expect(sent.sort()).toEqual(emails.sort());
    });
  });
});

describe("reminder mails", () => {
  it("carry a one-click stop that turns reminder mail off by a POST without cookies", async () => {
    const person = await createUser(t.db, { timeZone: "Europe/Paris", displayName: "Robin" });
    const actor = { userId: person.userId };
    const morning = new Date("2026-11-26T09:00:00Z");
    const settings = {
      enabled: true,
      checkInTime: "09:00",
      quietHours: false,
      quietStart: "22:00",
      quietEnd: "07:00",
      email: true,
      push: false,
      version: 0,
    };
    await saveSettings(t.db, actor, settings, morning, true);
    await runReminders(t.db, { now: morning, appUrl: APP_URL, send });
    const mail = smtp.received[0];
    const stop = tokenIn(mail, "/stop/");
    expect(mail?.headers["list-unsubscribe"]).toBe(`<${APP_URL}/stop/${stop}>`);
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    const oneClick = await stopPost(
      tokenRoute("/stop/", stop, {
        method: "POST",
        headers: { origin: "https://mail.example", "sec-fetch-site": "cross-site" },
        body: "List-Unsubscribe=One-Click",
      }),
      params(stop),
    );
    expect(oneClick.status).toBe(200);
    const [saved] = await t.db
      .select({ email: reminderSettings.email, enabled: reminderSettings.enabled })
      .from(reminderSettings)
      .where(eq(reminderSettings.userId, person.userId));
    // Mail is off; the reminders themselves stay on, in the app.
    expect(saved).toEqual({ email: false, enabled: true });
    await runReminders(t.db, { now: later(morning, 24 * 60 * MINUTE), appUrl: APP_URL, send });
    expect(smtp.received).toHaveLength(1);
  });

  it("answer a stop link nobody made with 404, changing nothing", async () => {
    const token = "A".repeat(43);
    const res = await stopPost(
      tokenRoute("/stop/", token, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params(token),
    );
    expect(res.status).toBe(404);
  });
});
