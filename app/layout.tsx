import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { HideGuard } from "@/app/_components/hide-guard";
import {
  APPLE_TOUCH_ICON,
  FAVICONS,
  SITE_DESCRIPTION,
  SITE_NAME,
  THEME_COLORS,
} from "@/app/_components/site-head";
import { ForgetPrivatePages } from "@/app/_components/sw-register";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  robots: { index: true, follow: true },
  icons: { icon: [...FAVICONS], apple: APPLE_TOUCH_ICON },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
};

/**
 * Every page renders per request, so each carries the fresh CSP nonce proxy.ts made for
 * it (Next.js puts it on its own scripts); a page built ahead of time would carry none.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        <HideGuard />
        <ForgetPrivatePages />
        {children}
      </body>
    </html>
  );
}
