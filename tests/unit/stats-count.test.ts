import { describe, expect, it } from "vitest";
import { initiativeSummary } from "@/app/_components/charts";
import { whenInWords } from "@/app/_components/dates";
import { countNoun, countOf, wallClock } from "@/lib/stats/format";

describe("a count with its noun", () => {
  it("says 0 days, 1 day, 2 days and 21 days", () => {
    expect([0, 1, 2, 21].map((n) => countOf(n, "day", "en-GB"))).toEqual([
      "0 days",
      "1 day",
      "2 days",
      "21 days",
    ]);
    expect(countOf(1, "entry", "en-US", "entries")).toBe("1 entry");
    expect(countOf(2, "entry", "en-US", "entries")).toBe("2 entries");
  });

  it("picks the English word by English rules, whatever language writes the number", () => {
    // French counts 0 as singular and Russian 21: the words here are English, so neither is.
    expect(countOf(0, "day", "fr-FR")).toBe("0 days");
    expect(countOf(21, "day", "ru-RU")).toBe("21 days");
    expect(countOf(1, "day", "ar-EG")).toBe("١ day");
    expect(countOf(1234, "day", "de-DE")).toBe("1.234 days");
  });

  it("gives the noun alone for a number shown apart", () => {
    expect([0, 1, 2, 21].map((n) => countNoun(n, "day"))).toEqual(["days", "day", "days", "days"]);
  });
});

describe("who started the contacts, in words", () => {
  const summary = (me: number, them: number) =>
    initiativeSummary(
      {
        weeks: [],
        last14d: { me, them },
        exShare14d: me + them === 0 ? null : them / (me + them),
      },
      "Alex",
      "en-GB",
    );

  it("says one contact plainly, whoever started it", () => {
    expect(summary(1, 0)).toBe("In the last 14 days there was 1 contact, and you started it.");
    expect(summary(0, 1)).toBe("In the last 14 days there was 1 contact, and Alex started it.");
  });

  it("says all rather than 0 of 3, or 3 of 3", () => {
    expect(summary(3, 0)).toBe("In the last 14 days, you started all 3 contacts.");
    expect(summary(0, 21)).toBe("In the last 14 days, Alex started all 21 contacts.");
    expect(summary(1, 1)).toBe("In the last 14 days, Alex started 1 of your 2 contacts: half.");
    expect(summary(0, 0)).toBe("No contacts logged in the last 14 days.");
  });
});

describe("a moment in the middle of a sentence", () => {
  const now = Date.parse("2026-12-06T23:50:00Z");
  const at = (iso: string, locale = "en-GB") =>
    whenInWords(Date.parse(iso), "Europe/London", locale, now);

  it("reads today and yesterday in lower case, with at before the time", () => {
    expect(`Signed in ${at("2026-12-06T23:24:00Z")}`).toBe("Signed in today at 23:24");
    expect(`Signed in ${at("2026-12-05T08:02:00Z")}`).toBe("Signed in yesterday at 08:02");
  });

  it("names the day before that, and the year when it is not this one", () => {
    expect(at("2026-11-24T21:14:00Z")).toBe("on Tue 24 Nov at 21:14");
    expect(at("2025-03-03T21:14:00Z")).toBe("on 3 Mar 2025 at 21:14");
  });

  it("writes the time the person's way", () => {
    expect(at("2026-12-06T23:24:00Z", "en-US")).toMatch(/^today at 11:24\s?PM$/);
  });
});

describe("a saved time of day", () => {
  it("reads as the language's clock reads it", () => {
    expect(wallClock("20:30", "en-GB")).toBe("20:30");
    expect(wallClock("20:30", "en-US")).toMatch(/^8:30\sPM$/);
    expect(wallClock("00:00", "en-US")).toMatch(/^12:00\sAM$/);
    expect(wallClock("not a time", "en-US")).toBe("not a time");
  });
});
