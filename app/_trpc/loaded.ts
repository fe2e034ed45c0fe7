/**
 * The browser's half of tRPC, loaded on first use rather than with the page: the typed
 * client over the HTTP door, and TanStack Query's mutation machinery (its pause while
 * offline, and the resume when the phone is back). Together about 25 kB gzip that no page
 * needs in order to show itself. Imported only through `import()` in `client.ts`.
 */
import {
  MutationObserver,
  type MutationObserverOptions,
  onlineManager,
  QueryClient,
} from "@tanstack/query-core";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { TRPC_BATCH_MAX } from "@/lib/schemas/plain";
import type { AppRouter } from "@/server/trpc/root";

export const trpc = createTRPCClient<AppRouter>({
  // The server refuses a batch of more calls than TRPC_BATCH_MAX; split before that.
  links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_BATCH_MAX })],
});

const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
// What QueryClientProvider does on mount: listen for the phone going offline and back, so a
// save made offline pauses and resumes rather than failing.
queryClient.mount();

// TanStack Query assumes online until told otherwise; this chunk may load after the phone
// went offline, when no "offline" event is left to hear.
onlineManager.setOnline(navigator.onLine);

export function observeMutation<I, O>(options: MutationObserverOptions<O, Error, I>) {
  return new MutationObserver<O, Error, I>(queryClient, options);
}
