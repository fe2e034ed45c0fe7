"use client";

import type {
  MutateOptions,
  MutationObserver,
  MutationObserverErrorResult,
  MutationObserverIdleResult,
  MutationObserverResult,
} from "@tanstack/query-core";
import type { TRPCClient } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useOnFirstTouch } from "@/app/_components/first-touch";
import { loadOnce } from "@/app/_components/load-once";
import type { AppRouter } from "@/server/trpc/root";

type Loaded = typeof import("./loaded");
export type Api = TRPCClient<AppRouter>;

/** The tRPC client and TanStack Query, fetched once; a failed fetch (offline) is tried again next time. */
export const loadDoors: () => Promise<Loaded> = loadOnce(() => import("./loaded"));

const loadQuietly = () => void loadDoors().catch(() => {});

/**
 * Saves sent and not yet answered, on every door of the page: while any is in flight (or
 * waiting offline), closing or reloading the page asks first, so a tick or a form that
 * looks saved is not lost on the way. Each leaves the set before its own callbacks run, so
 * a save whose success moves to another page (deleting the account) is not asked about.
 */
const inFlight = new Map<unknown, number>();
function holdPage(input: unknown) {
  if (inFlight.size === 0) window.addEventListener("beforeunload", askFirst);
  inFlight.set(input, (inFlight.get(input) ?? 0) + 1);
}
function releasePage(input: unknown) {
  const left = (inFlight.get(input) ?? 1) - 1;
  if (left > 0) inFlight.set(input, left);
  else inFlight.delete(input);
  if (inFlight.size === 0) window.removeEventListener("beforeunload", askFirst);
}
function askFirst(event: BeforeUnloadEvent) {
  event.preventDefault();
}

/** Fetches the client at the person's first touch, so the first save doesn't wait for it. */
export function useDoorsSoon() {
  useOnFirstTouch(loadQuietly);
}

/** One call to a query procedure, e.g. `ask((t) => t.journal.byId.query, { id })`. */
export async function ask<I, O>(pick: (api: Api) => (input: I) => Promise<O>, input: I) {
  const { trpc } = await loadDoors();
  return pick(trpc)(input);
}

interface DoorOptions<I, O> {
  onMutate?: (input: I) => void;
  onSuccess?: (data: O, input: I) => unknown;
  onError?: (error: Error, input: I) => unknown;
  onSettled?: (data: O | undefined, error: Error | null, input: I) => unknown;
}

type Observer<I, O> = MutationObserver<O, Error, I>;
/** The observer's result without its functions, still a union on `status`. */
type DoorState<I, O> =
  MutationObserverResult<O, Error, I> extends infer R
    ? R extends unknown
      ? Omit<R, "mutate" | "reset">
      : never
    : never;

type Functions = "mutate" | "reset";
const idle = <I, O>(): Omit<MutationObserverIdleResult<O, Error, I>, Functions> => ({
  status: "idle",
  data: undefined,
  error: null,
  variables: undefined,
  context: undefined,
  failureCount: 0,
  failureReason: null,
  submittedAt: 0,
  isIdle: true,
  isPending: false,
  isSuccess: false,
  isError: false,
  isPaused: false,
});

/**
 * A mutation through tRPC, with TanStack Query's states (`isPending`, `isPaused` while
 * offline, `error`, `data`) and the same `mutate`/`mutateAsync`/`reset`, for example
 * `useDoor((t) => t.journal.create.mutate, { onSuccess })`. It is `useMutation` with its
 * observer created on first use: @tanstack/react-query would put the whole client on every
 * page's first load, where no page needs it before a save.
 */
export function useDoor<I, O>(
  pick: (api: Api) => (input: I) => Promise<O>,
  options: DoorOptions<I, O> = {},
) {
  useDoorsSoon();
  const [state, setState] = useState<DoorState<I, O>>(() => idle<I, O>());
  const latest = useRef({ pick, options });
  latest.current = { pick, options };
  const observer = useRef<Promise<Observer<I, O>> | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);

  const start = useCallback((): Promise<Observer<I, O>> => {
    observer.current ??= loadDoors().then(
      (doors) => {
        const made = doors.observeMutation<I, O>({
          mutationFn: (input: I) => latest.current.pick(doors.trpc)(input),
          onMutate: (input) => latest.current.options.onMutate?.(input),
          onSuccess: (data, input) => {
            releasePage(input);
            return latest.current.options.onSuccess?.(data, input);
          },
          onError: (error, input) => {
            releasePage(input);
            return latest.current.options.onError?.(error, input);
          },
          onSettled: (data, error, input) => latest.current.options.onSettled?.(data, error, input),
        });
        unsubscribe.current = made.subscribe(({ mutate: _m, reset: _r, ...result }) =>
          setState(result),
        );
        return made;
      },
      (error: unknown) => {
        observer.current = null;
        throw error;
      },
    );
    return observer.current;
  }, []);

  const mutateAsync = useCallback(
    async (input: I, callbacks?: MutateOptions<O, Error, I>): Promise<O> => {
      holdPage(input);
      // Pending from the tap, while the code that sends it may still be loading: a button
      // that waits on `isPending` is busy at once, not only once the request goes out.
      setState({
        ...idle<I, O>(),
        status: "pending",
        isIdle: false,
        isPending: true,
        variables: input,
        submittedAt: Date.now(),
      });
      let made: Observer<I, O>;
      try {
        made = await start();
      } catch (cause) {
        releasePage(input);
        // The client itself couldn't be fetched: to the person, the same as a failed save.
        const error = cause instanceof Error ? cause : new Error(String(cause));
        const failed: Omit<MutationObserverErrorResult<O, Error, I>, Functions> = {
          ...idle<I, O>(),
          status: "error",
          isIdle: false,
          isError: true,
          error,
          failureReason: error,
          variables: input,
        };
        setState(failed);
        latest.current.options.onError?.(error, input);
        latest.current.options.onSettled?.(undefined, error, input);
        throw error;
      }
      return made.mutate(input, callbacks);
    },
    [start],
  );
  const mutate = useCallback(
    (input: I, callbacks?: MutateOptions<O, Error, I>) => {
      mutateAsync(input, callbacks).catch(() => {});
    },
    [mutateAsync],
  );
  const reset = useCallback(() => {
    void observer.current?.then((made) => made.reset()).catch(() => {});
    setState(idle<I, O>());
  }, []);
  return { ...state, mutate, mutateAsync, reset };
}

/**
 * A list whose first page came rendered from the server and whose "Load more" asks for the
 * next through tRPC: `useInfiniteQuery`'s few states, kept here so the list's page doesn't
 * load TanStack Query's React client for one button.
 */
export function useMorePages<P extends { nextCursor: string | null }>(
  initial: P,
  next: (api: Api, cursor: string) => Promise<P>,
) {
  const [pages, setPages] = useState([initial]);
  const [isFetchingNextPage, setFetching] = useState(false);
  const [isFetchNextPageError, setFailed] = useState(false);
  const cursor = pages.at(-1)?.nextCursor ?? null;
  const fetchNextPage = async () => {
    if (cursor === null || isFetchingNextPage) return;
    setFetching(true);
    setFailed(false);
    try {
      const { trpc } = await loadDoors();
      const page = await next(trpc, cursor);
      setPages((had) => (had.at(-1)?.nextCursor === cursor ? [...had, page] : had));
    } catch {
      setFailed(true);
    } finally {
      setFetching(false);
    }
  };
  return {
    pages,
    hasNextPage: cursor !== null,
    isFetchingNextPage,
    isFetchNextPageError,
    fetchNextPage,
  };
}
