/**
 * The person's language for dates and numbers, and the day their week starts on. The server
 * settles both once per request (from Accept-Language and the saved setting) and hands them
 * down, so the server's HTML and the browser's render always agree.
 */

/** Used when a request names no language Rekindle can format. */
export const FALLBACK_LOCALE = "en";

/** What Settings offers: follow the language, or a fixed first day. */
export const WEEK_START_CHOICES = ["auto", "monday", "sunday", "saturday"] as const;
export type WeekStartChoice = (typeof WEEK_START_CHOICES)[number];

/** A week's first day as date-fns counts it: 0 is Sunday, 1 Monday, 6 Saturday. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const FIXED_STARTS: Record<Exclude<WeekStartChoice, "auto">, WeekStartsOn> = {
  monday: 1,
  sunday: 0,
  saturday: 6,
};

// Only for engines without Intl.Locale week data (Firefox today): the regions that do not
// start on Monday, from CLDR's weekData.
const SUNDAY_REGIONS = new Set(
  "AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW".split(
    " ",
  ),
);
const SATURDAY_REGIONS = new Set("AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY".split(" "));

interface WeekInfo {
  /** 1 is Monday … 7 is Sunday. */
  firstDay: number;
}

/**
 * Remembers answers per header or tag: browsers send the same few, and working one out
 * costs tens of microseconds a request.
 */
function remembered<V>(work: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = work(key);
      if (known.size >= 256) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** The locale's first day of the week from the engine's CLDR data, or a small table. */
const localeWeekStart = remembered((locale: string): WeekStartsOn => {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale).maximize();
  } catch {
    return 0;
  }
  // Newer engines have getWeekInfo(); Node 20 and older Chrome have the weekInfo getter.
  const withInfo = tag as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  const info = withInfo.getWeekInfo?.() ?? withInfo.weekInfo;
  if (info) return (info.firstDay % 7) as WeekStartsOn;
  const region = tag.region ?? "";
  if (SUNDAY_REGIONS.has(region)) return 0;
  if (SATURDAY_REGIONS.has(region)) return 6;
  return 1;
});

/** The week's first day: the saved choice wins; "auto" follows the language's custom. */
export function weekStartFor(choice: WeekStartChoice, locale: string): WeekStartsOn {
  return choice === "auto" ? localeWeekStart(locale) : FIXED_STARTS[choice];
}

/** Tags Intl can format, checked once each; a header holds a handful at most. */
function supported(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    return Intl.DateTimeFormat.supportedLocalesOf([canonical])[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The first language in an Accept-Language header that Intl can format, by the weights the
 * browser gave ("de-CH, de;q=0.9, en;q=0.5"), or "en". Hand-parsed: the header is a short
 * comma list, and Intl itself says which languages it can format.
 */
export function negotiateLocale(header: string | null | undefined): string {
  return header ? negotiated(header.slice(0, 512)) : FALLBACK_LOCALE;
}

const negotiated = remembered((header: string): string => {
  const wanted = header
    .split(",")
    .slice(0, 16)
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((w) => w.tag !== "" && w.tag !== "*" && w.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of wanted) {
    const found = supported(tag);
    if (found) return found;
  }
  return FALLBACK_LOCALE;
});

/** How a page shows dates and numbers: the person's language and week. */
export interface LocaleInfo {
  locale: string;
  weekStartsOn: WeekStartsOn;
}
