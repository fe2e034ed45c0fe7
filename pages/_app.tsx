import type { AppProps } from "next/app";
import Head from "next/head";
import {
  APPLE_TOUCH_ICON,
  FAVICONS,
  MANIFEST,
  SITE_DESCRIPTION,
  THEME_COLORS,
} from "@/app/_components/site-head";
import "@/app/globals.css";

/** The Pages Router's shell: the app's own stylesheet and the <head> app/layout.tsx gives. */
export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        {/* Keys let these replace Next's defaults, and keep both theme colours. */}
        <meta key="viewport" name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          key="theme-light"
          name="theme-color"
          content={THEME_COLORS.light}
          media="(prefers-color-scheme: light)"
        />
        <meta
          key="theme-dark"
          name="theme-color"
          content={THEME_COLORS.dark}
          media="(prefers-color-scheme: dark)"
        />
        <meta key="description" name="description" content={SITE_DESCRIPTION} />
        <link key="manifest" rel="manifest" href={MANIFEST} />
        {FAVICONS.map((icon) => (
          <link key={icon.url} rel="icon" href={icon.url} type={icon.type} sizes={icon.sizes} />
        ))}
        <link key="apple-touch-icon" rel="apple-touch-icon" href={APPLE_TOUCH_ICON} />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
