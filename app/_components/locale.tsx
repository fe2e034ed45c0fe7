"use client";

import { createContext, useContext } from "react";
import type { LocaleInfo } from "@/lib/stats/locale";

/**
 * Outside the signed-in layout's provider: English, as lib/stats's FALLBACK_LOCALE. Written
 * out rather than imported, because that module's region tables would otherwise come along
 * in every signed-in page's JavaScript.
 */
const LocaleContext = createContext<LocaleInfo>({ locale: "en", weekStartsOn: 1 });

/**
 * The language and week the server settled for this request, handed to every client
 * component below: working them out again in the browser could differ and break hydration.
 */
export function LocaleProvider({
  value,
  children,
}: {
  value: LocaleInfo;
  children: React.ReactNode;
}) {
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

/** The person's language, for dates and numbers in client components. */
export function useLocale(): string {
  return useContext(LocaleContext).locale;
}
