import { describe, expect, it } from "vitest";
import {
  activityCalendar,
  activityLevel,
  addDays,
  calendarRange,
  type Day,
  initiative,
  moodTrend,
} from "@/lib/stats";

const WEDNESDAY = "2026-07-15";

describe("the activity calendar", () => {
  it("shows twelve Monday-first weeks ending with this week, later days marked future", () => {
    const cal = activityCalendar({ counts: new Map(), pauseDays: [], today: WEDNESDAY });
    expect(cal.days).toHaveLength(84);
    expect(cal.start).toBe("2026-04-27"); // a Monday
    expect(cal.end).toBe("2026-07-19"); // this week's Sunday
    expect(cal.days[0]?.day).toBe(cal.start);
    expect(cal.days.at(-1)?.day).toBe(cal.end);
    // Every seventh day starts a column on a Monday.
    for (let i = 0; i < 84; i += 7) {
      expect(new Date(`${cal.days[i]?.day}T12:00:00Z`).getUTCDay()).toBe(1);
    }
    expect(cal.days.filter((d) => d.future).map((d) => d.day)).toEqual([
      "2026-07-16",
      "2026-07-17",
      "2026-07-18",
      "2026-07-19",
    ]);
    expect(cal.pastDays).toBe(80);
  });

  it("ends on today when today is a Sunday, and keeps a Monday's week to one past day", () => {
    expect(calendarRange("2026-07-19")).toEqual({ start: "2026-04-27", end: "2026-07-19" });
    const monday = activityCalendar({ counts: new Map(), pauseDays: [], today: "2026-07-20" });
    expect(monday.start).toBe("2026-05-04");
    expect(monday.pastDays).toBe(78);
  });

  it("counts active days, shades by fixed steps, and flags pause days", () => {
    const counts = new Map<Day, number>([
      [WEDNESDAY, 1],
      [addDays(WEDNESDAY, -1), 2],
      [addDays(WEDNESDAY, -2), 4],
      [addDays(WEDNESDAY, -3), 9],
      ["2026-04-26", 3], // the day before the calendar: left out
      ["2026-07-16", 2], // tomorrow: a clock running ahead shouldn't colour the future
    ]);
    const cal = activityCalendar({
      counts,
      pauseDays: ["2026-07-10", "2026-07-17"],
      today: WEDNESDAY,
    });
    const byDay = new Map(cal.days.map((d) => [d.day, d]));
    expect(cal.activeDays).toBe(4);
    expect(byDay.get(WEDNESDAY)).toMatchObject({ count: 1, level: 1 });
    expect(byDay.get("2026-07-14")).toMatchObject({ count: 2, level: 2 });
    expect(byDay.get("2026-07-13")).toMatchObject({ count: 4, level: 3 });
    expect(byDay.get("2026-07-12")).toMatchObject({ count: 9, level: 4 });
    expect(byDay.get("2026-07-16")).toMatchObject({ count: 0, level: 0, future: true });
    expect(byDay.get("2026-07-10")).toMatchObject({ paused: true, count: 0 });
    expect(byDay.get("2026-07-17")).toMatchObject({ paused: true, future: true });
    expect([0, 1, 2, 3, 4, 5, 50].map(activityLevel)).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });
});

describe("the mood trend", () => {
  it("charts the daily check-ins over the last 30 days, not journal moods", () => {
    const trend = moodTrend({
      today: WEDNESDAY,
      moods: [
        { day: WEDNESDAY, mood: 4, from: "check-in" },
        { day: WEDNESDAY, mood: 1, from: "journal" }, // a hard moment in a day called good
        { day: "2026-07-10", mood: 2, from: "check-in" },
        { day: "2026-07-11", mood: 5, from: "journal" }, // no check-in that day: no point
        { day: "2026-06-16", mood: 1, from: "check-in" }, // 29 days ago: the first day shown
        { day: "2026-06-15", mood: 1, from: "check-in" }, // 30 days ago: left out
      ],
    });
    expect(trend.days).toHaveLength(30);
    expect(trend.days[0]).toEqual({ day: "2026-06-16", average: 1, count: 1 });
    expect(trend.days.at(-1)).toEqual({ day: WEDNESDAY, average: 4, count: 1 });
    expect(trend.days.find((d) => d.day === "2026-07-11")).toEqual({
      day: "2026-07-11",
      average: null,
      count: 0,
    });
    expect(trend.average).toBeCloseTo(7 / 3); // (4 + 2 + 1) / 3
  });

  it("has no average without moods", () => {
    expect(moodTrend({ today: WEDNESDAY, moods: [] }).average).toBeNull();
  });
});

describe("who starts contact", () => {
  it("gives the ex's share of the last 14 days' contacts: one each is a half", () => {
    const result = initiative({
      today: WEDNESDAY,
      contacts: [
        { day: WEDNESDAY, initiator: "me" },
        { day: "2026-07-05", initiator: "them" },
      ],
    });
    expect(result.exShare14d).toBe(0.5);
    expect(result.last14d).toEqual({ me: 1, them: 1 });
  });

  it("counts 14 days with today, and is null when there were none", () => {
    const edge = initiative({
      today: WEDNESDAY,
      contacts: [
        { day: "2026-07-02", initiator: "them" }, // 13 days ago: in
        { day: "2026-07-01", initiator: "them" }, // 14 days ago: out
        { day: "2026-07-01", initiator: "me" },
      ],
    });
    expect(edge.last14d).toEqual({ me: 0, them: 1 });
    expect(edge.exShare14d).toBe(1);
    expect(initiative({ today: WEDNESDAY, contacts: [] }).exShare14d).toBeNull();
  });

  it("groups eight Monday-first weeks, a Sunday with the week before it", () => {
    const result = initiative({
      today: WEDNESDAY,
      contacts: [
        { day: "2026-07-13", initiator: "me" }, // this week's Monday
        { day: "2026-07-12", initiator: "them" }, // last week's Sunday
        { day: "2026-07-12", initiator: "them" },
        { day: "2026-05-25", initiator: "me" }, // the first week shown
        { day: "2026-05-24", initiator: "me" }, // too old for the chart
        { day: "2026-07-16", initiator: "them" }, // tomorrow: not yet
      ],
    });
    expect(result.weeks).toHaveLength(8);
    expect(result.weeks[0]).toEqual({ weekStart: "2026-05-25", me: 1, them: 0 });
    expect(result.weeks.at(-2)).toEqual({ weekStart: "2026-07-06", me: 0, them: 2 });
    expect(result.weeks.at(-1)).toEqual({ weekStart: "2026-07-13", me: 1, them: 0 });
  });
});
