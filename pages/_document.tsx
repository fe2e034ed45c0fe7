import { Head, Html, Main, NextScript } from "next/document";

/**
 * The document of the Pages Router, which serves only the buddy page (pages/b/[token].tsx):
 * the same <html> and <body> as app/layout.tsx, so it looks like every other page.
 */
export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body className="min-h-dvh font-sans antialiased">
        <Main />
        {/* Writes nothing on a page that turns its runtime off, as the buddy page does. */}
        <NextScript />
      </body>
    </Html>
  );
}
