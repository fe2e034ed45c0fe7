import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/cal/[token]/route";
import { calendarFeeds, stepProgress, users } from "@/db/schema";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { LIMITS } from "@/server/limits";
import * as reminders from "@/server/services/reminders";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { type Caller, signedInUser } from "../helpers/users";

const t = setupTestDb();

const APP = "https://rekindle.test";
const ZONE = "Europe/Paris";
/** 10:00 in Paris in late November. */
const NOW = new Date("2026-11-26T09:00:00Z");

beforeAll(() => {
  markServedByRekindle();
  pointEdgeAtDatabase(async () => t.db);
});
// The feed is made "now": held at NOW, so what it holds can be checked to the hour.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** An address of its own for each test, so the per-address limit of one never reaches another. */
const freshAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
let testAddress = freshAddress();
beforeEach(() => {
  testAddress = freshAddress();
});

/** What a calendar app gets for /cal/<token>.ics, as the route answers it. */
function fetchFeed(token: string, options: { address?: string } = {}) {
  return GET(
    new Request(`${APP}/cal/${token}.ics`, {
      headers: { [CLIENT_IP_HEADER]: options.address ?? testAddress },
    }),
    { params: Promise.resolve({ token: `${token}.ics` }) },
  );
}

/** A person in Paris with a 09:00 check-in, a plan in progress and a feed. */
async function personWithFeed(): Promise<{ caller: Caller; userId: string; token: string }> {
  const person = await signedInUser(t.db, { timeZone: ZONE, displayName: "Robin" });
  await reminders.saveSettings(
    t.db,
    { userId: person.userId },
    {
      enabled: true,
      checkInTime: "09:00",
      quietHours: true,
      quietStart: "22:00",
      quietEnd: "07:00",
      email: false,
      version: 0,
    },
    NOW,
  );
  await startJourney(t.db, person.userId, { exName: "Jordan", exPronouns: "she" });
  // Step 1 done; step 2 opened three days ago.
  const step = (n: number) =>
    and(eq(stepProgress.userId, person.userId), eq(stepProgress.stepNumber, n));
  await t.db.update(stepProgress).set({ status: "done" }).where(step(1));
  await t.db
    .update(stepProgress)
    .set({ status: "open", openedAt: new Date("2026-11-23T12:00:00Z") })
    .where(step(2));
  const { token } = await person.caller.reminders.createCalendar();
  return { caller: person.caller, userId: person.userId, token };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe("the calendar feed", () => {
  it("answers iCalendar that is private, unindexed and never cached", async () => {
    const { token } = await personWithFeed();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await fetchFeed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("repeats the check-in daily at the chosen time in the person's zone, across clock changes", async () => {
    const { token } = await personWithFeed();
    const { calendar, events } = parse(await (await fetchFeed(token)).text());
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(ZONE);

    const checkIn = events.find((e) => e.isRecurring());
    expect(checkIn?.startDate.zone?.tzid).toBe(ZONE);
    expect([checkIn?.startDate.hour, checkIn?.startDate.minute]).toEqual([9, 0]);
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer: the event keeps to
    // the person's clock, not to UTC.
    const iterator = checkIn?.iterator();
    const occurrences: Date[] = [];
    for (let next = iterator?.next(); next && occurrences.length < 200; next = iterator?.next()) {
      occurrences.push(next.toJSDate());
    }
    expect(occurrences[0]?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(occurrences.find((d) => d.toISOString().startsWith("2027-01-15"))?.getUTCHours()).toBe(
      8,
    );
    expect(occurrences.find((d) => d.toISOString().startsWith("2027-05-15"))?.getUTCHours()).toBe(
      7,
    );
  });

  it("holds each remaining step over its suggested pace, never with the ex's name", async () => {
    const { token } = await personWithFeed();
    const text = await (await fetchFeed(token)).text();
    const steps = parse(text).events.filter((e) => !e.isRecurring());
    // Step 1 is done: steps 2 to 7 remain, one after another.
    expect(steps.map((e) => e.summary)).toEqual([
      "Step 2: Talk about what happened",
      "Step 3: Light the spark again",
      "Step 4: Remind her of the good times",
      "Step 5: One date, no strings",
      "Step 6: Put the option out there",
      "Step 7: Let her come to you",
    ]);
    // Step 2 opened on 23 November and its pace is 7 days.
    expect(steps[0]?.startDate.toString()).toBe("2026-11-23");
    expect(steps[0]?.endDate.toString()).toBe("2026-11-30");
    expect(steps[1]?.startDate.toString()).toBe("2026-11-30");
    for (const [a, b] of steps.slice(0, -1).map((s, i) => [s, steps[i + 1]] as const)) {
      expect(b?.startDate.toString()).toBe(a.endDate.toString());
    }
    expect(text).not.toContain("Jordan");
  });

  it("in discreet mode says nothing about what the plan is", async () => {
    const { token, userId } = await personWithFeed();
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, userId));
    const text = await (await fetchFeed(token)).text();
    const { events } = parse(text);
    expect(events.map((e) => e.summary)).toEqual([
      "Check-in",
      ...[2, 3, 4, 5, 6, 7].map((n) => `Step ${n} of 7`),
    ]);
    for (const word of ["Jordan", "Rekindle", "spark", "date", "her "]) {
      expect(text.replace(/^(DTSTAMP|DTSTART|DTEND).*$/gm, "")).not.toContain(word);
    }
  });

  it("keeps only a hash of its token, and tells the owner when it was last read", async () => {
    const { token, userId, caller } = await personWithFeed();
    const rows = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await caller.reminders.calendar()).toMatchObject({ active: true, lastFetchedAt: null });
    await fetchFeed(token);
    expect(await caller.reminders.calendar()).toMatchObject({ active: true, lastFetchedAt: NOW });
  });

  it("stops working the moment it is revoked, and a new address replaces the old", async () => {
    const { token, caller } = await personWithFeed();
    expect(await caller.reminders.revokeCalendar()).toMatchObject({ active: false });
    const gone = await fetchFeed(token);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("no-store");

    const { token: second } = await caller.reminders.createCalendar();
    const { token: third } = await caller.reminders.createCalendar();
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed(third)).status).toBe(200);
    expect(new Set([token, second, third]).size).toBe(3);
  });

  it("answers an unknown address as it answers a revoked one", async () => {
    await personWithFeed();
    const unknown = await fetchFeed("x".repeat(43));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("This calendar address no longer works.");
    expect((await fetchFeed("short")).status).toBe(404);
  });

  it("belongs to its owner alone", async () => {
    const owner = await personWithFeed();
    const other = await signedInUser(t.db);
    expect(await other.caller.reminders.calendar()).toMatchObject({ active: false });
    await other.caller.reminders.revokeCalendar();
    expect((await fetchFeed(owner.token)).status).toBe(200);
  });

  it("limits how often one address may look up feeds", async () => {
    const { points } = LIMITS.calendarLookup;
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < points; i++) {
      expect((await fetchFeed("y".repeat(43), { address })).status).toBe(404);
    }
    const refused = await fetchFeed("y".repeat(43), { address });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("referrer-policy")).toBe("no-referrer");
    // Another address is not affected.
    expect((await fetchFeed("y".repeat(43), { address: freshAddress() })).status).toBe(404);
  });

  it("answers malformed percent-encoding as a dead address, 404, never 500", async () => {
    // Next hands the route the address decoded once: /cal/%25.ics arrives as "%.ics".
    for (const token of ["%", "%E0%A4%A", "%25", "%%", "\u0000"]) {
      const res = await fetchFeed(token);
      expect(res.status, token).toBe(404);
      expect(await res.text()).toBe("This calendar address no longer works.");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("answers 503 with 'try again' while the database is away", async () => {
    pointEdgeAtDatabase(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    try {
      const res = await fetchFeed("z".repeat(43));
      expect(res.status).toBe(503);
      expect(await res.text()).toBe("Please try again in a moment.");
      expect(res.headers.get("cache-control")).toBe("no-store");
    } finally {
      pointEdgeAtDatabase(async () => t.db);
    }
  });
});
