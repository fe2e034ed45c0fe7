import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's Link without prefetching. Every Rekindle page is rendered per request (its CSP
 * nonce), and there is no loading.js, so a prefetch brings only the route's outline and the
 * click still waits for the page. Yet each link in view cost the phone a request and the
 * work of reading its answer: a step page made 22, and with them blocked its main-thread
 * work during load fell by about a third (docs/benchmarks.md). The only import of
 * next/link; biome.json keeps it so.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
