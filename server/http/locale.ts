import "#server-only";
import { headers } from "next/headers";
import { cache } from "react";
import {
  type LocaleInfo,
  negotiateLocale,
  type WeekStartChoice,
  weekStartFor,
} from "@/lib/stats/locale";

/** The language this request asked for, read once per request from Accept-Language. */
export const requestLocale = cache(async (): Promise<string> => {
  return negotiateLocale((await headers()).get("accept-language"));
});

/**
 * What a page needs to show dates and weeks the person's way; passed to client components
 * as props, so the browser never works it out differently from the server.
 */
export async function localeFor(user: { weekStart: WeekStartChoice }): Promise<LocaleInfo> {
  const locale = await requestLocale();
  return { locale, weekStartsOn: weekStartFor(user.weekStart, locale) };
}
