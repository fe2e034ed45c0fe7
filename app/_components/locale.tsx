"use client";

import { createContext, useContext } from "react";
import { FALLBACK_LOCALE, type LocaleInfo } from "@/lib/stats/locale";

const LocaleContext = createContext<LocaleInfo>({ locale: FALLBACK_LOCALE, weekStartsOn: 1 });

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
