import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivityCalendar, initiativeSummary, moodSummary } from "@/app/_components/charts";
import { activityCalendar, initiative, moodTrend } from "@/lib/stats";

const TODAY = "2026-07-15"; // a Wednesday

describe("the dashboard's words in the person's language", () => {
  it("writes the mood summary with German decimals and month names", () => {
    const moods = [
      { day: "2026-07-13", mood: 3, from: "check-in" as const },
      { day: "2026-07-14", mood: 4, from: "check-in" as const },
    ];
    const mood = moodTrend({ moods, today: TODAY });
    const german = moodSummary(mood, "de-DE");
    expect(german).toContain("3,5");
    expect(german).toContain("14. Juli");
    expect(moodSummary(mood, "en-US")).toContain("on Jul 14");
  });

  it("counts contacts with the language's digits", () => {
    const contacts = Array.from({ length: 3 }, () => ({ day: TODAY, initiator: "them" as const }));
    const result = initiative({ contacts, today: TODAY });
    expect(initiativeSummary(result, "Alex", "en-GB")).toBe(
      "In the last 14 days, Alex started all 3 contacts.",
    );
    expect(initiativeSummary(result, "Alex", "ar-EG")).toContain("٣");
  });

  it("labels the calendar's rows from the week's first day", () => {
    const rows = (weekStartsOn: 0 | 1, locale: string) => {
      const calendar = activityCalendar({
        counts: new Map(),
        pauseDays: [],
        today: TODAY,
        weekStartsOn,
      });
      const html = renderToStaticMarkup(createElement(ActivityCalendar, { calendar, locale }));
      return [...html.matchAll(/<span class="flex items-center pt-px pr-1">([^<]*)<\/span>/g)].map(
        (m) => m[1],
      );
    };
    expect(rows(0, "en-US")).toEqual(["Sun", "", "Tue", "", "Thu", "", "Sat"]);
    expect(rows(1, "de-DE")).toEqual(["Mo", "", "Mi", "", "Fr", "", "So"]);
  });
});
