import type { AppProps } from "next/app";
import "@/app/globals.css";

/**
 * The Pages Router's shell. Its one page, the buddy page, writes its own document, so this
 * renders nothing there; it imports the app's stylesheet so the build lists that file for
 * the Pages Router (server/http/built-styles.ts), and the buddy page links it.
 */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
