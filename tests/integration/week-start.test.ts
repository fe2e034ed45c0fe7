import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns, users } from "@/db/schema";
import type { Dashboard } from "@/lib/schemas/dashboard";
import { weekdayOf } from "@/lib/stats";
import { previewLink } from "@/server/services/buddies";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, queryRequest, send } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { callerFor, createBuddyLink, sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

const weekStartOf = async (userId: string) =>
  (await t.db.select({ weekStart: users.weekStart }).from(users).where(eq(users.id, userId)))[0]
    ?.weekStart;

/** The dashboard as a browser asking in `language` receives it. */
async function dashboardIn(sessionId: string, language: string): Promise<Dashboard> {
  const res = await send(
    queryRequest("dashboard.get", undefined, {
      cookie: await sessionCookie(sessionId),
      "accept-language": language,
    }),
    t.db,
  );
  expect(res.status).toBe(200);
  return res.data as Dashboard;
}

/** The weekday each week in the calendar and the who-reaches-out chart starts on. */
function firstDays(d: Dashboard) {
  const calendar = new Set(
    d.calendar.days.filter((_, i) => i % 7 === 0).map((c) => weekdayOf(c.day)),
  );
  const initiative = new Set(d.initiative.weeks.map((w) => weekdayOf(w.weekStart)));
  return { calendar: [...calendar], initiative: [...initiative] };
}

describe("the week's first day", () => {
  it("is automatic for a new account and follows the browser's language", async () => {
    const sam = await signedInUser(t.db);
    await startJourney(t.db, sam.userId);
    expect(await weekStartOf(sam.userId)).toBe("auto");

    expect(firstDays(await dashboardIn(sam.sessionId, "en-US,en;q=0.9"))).toEqual({
      calendar: [0],
      initiative: [0],
    });
    expect(firstDays(await dashboardIn(sam.sessionId, "en-GB"))).toEqual({
      calendar: [1],
      initiative: [1],
    });
    expect(firstDays(await dashboardIn(sam.sessionId, "ar-EG"))).toEqual({
      calendar: [6],
      initiative: [6],
    });
  });

  it("is saved for the person who chose it and wins over the language", async () => {
    const sam = await signedInUser(t.db);
    const other = await signedInUser(t.db);
    await startJourney(t.db, sam.userId);

    expect(await sam.caller.account.setWeekStart({ weekStart: "monday" })).toEqual({
      weekStart: "monday",
    });
    expect(await weekStartOf(sam.userId)).toBe("monday");
    expect(await weekStartOf(other.userId)).toBe("auto");
    // A browser asking in American English still gets Monday-first weeks.
    expect(firstDays(await dashboardIn(sam.sessionId, "en-US"))).toEqual({
      calendar: [1],
      initiative: [1],
    });

    await (await callerFor(t.db, sam.sessionId)).account.setWeekStart({ weekStart: "saturday" });
    expect(firstDays(await dashboardIn(sam.sessionId, "de-DE"))).toEqual({
      calendar: [6],
      initiative: [6],
    });
    await sam.caller.account.setWeekStart({ weekStart: "auto" });
    expect(firstDays(await dashboardIn(sam.sessionId, "de-DE"))).toEqual({
      calendar: [1],
      initiative: [1],
    });
  });

  it("refuses anything but the four choices, naming the field, and changes nothing", async () => {
    const sam = await signedInUser(t.db);
    await sam.caller.account.setWeekStart({ weekStart: "sunday" });
    for (const input of [
      { weekStart: "tuesday" },
      { weekStart: 1 },
      {},
      { weekStart: "monday", extra: true },
    ]) {
      const res = await send(
        mutationRequest("account.setWeekStart", input, {
          cookie: await sessionCookie(sam.sessionId),
        }),
        t.db,
      );
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.text).not.toMatch(/\n\s+at /);
      if ("extra" in input) continue;
      expect(res.error?.data.fieldErrors).toEqual({
        weekStart: ["Please choose automatic, Monday, Sunday or Saturday."],
      });
    }
    expect(await weekStartOf(sam.userId)).toBe("sunday");
  });

  it("can only be set while signed in", async () => {
    const res = await send(mutationRequest("account.setWeekStart", { weekStart: "monday" }), t.db);
    expect(res.status).toBe(401);
  });

  it("decides what the buddy page counts as this week", async () => {
    // Wednesday 15 July 2026; the owner was active on Sunday the 12th only.
    const now = new Date("2026-07-15T10:00:00Z");
    const sam = await signedInUser(t.db, { timeZone: "UTC" });
    await startJourney(t.db, sam.userId);
    await t.db.insert(checkIns).values({ userId: sam.userId, day: "2026-07-12", mood: 3 });
    const { link } = await createBuddyLink(sam.caller);
    const thisWeek = async (locale: string) =>
      (await previewLink(t.db, { userId: sam.userId }, { id: link.id }, now, locale)).view
        .activeDaysThisWeek;

    expect(await thisWeek("en-US")).toBe(1); // Sunday-first: the 12th is this week
    expect(await thisWeek("en-GB")).toBe(0); // Monday-first: it was last week
    await sam.caller.account.setWeekStart({ weekStart: "sunday" });
    expect(await thisWeek("en-GB")).toBe(1);
  });
});
