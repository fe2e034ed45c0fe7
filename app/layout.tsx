import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ForgetPrivatePages } from "@/app/_components/sw-register";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rekindle", template: "%s · Rekindle" },
  description: "A calm, private, step-by-step plan for finding your way back to someone.",
  robots: { index: true, follow: true },
  // Installing: the manifest comes from app/manifest.ts; iOS takes this icon instead.
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1715" },
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
        <ForgetPrivatePages />
        {children}
      </body>
    </html>
  );
}
