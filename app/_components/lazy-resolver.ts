"use client";

import { useCallback } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z4 from "zod/v4/core";
import { useOnFirstTouch } from "./first-touch";
import { loadOnce } from "./load-once";

/** A zod schema whose input is a form's fields. */
type Schema = z4.$ZodType<unknown, FieldValues>;

/** react-hook-form's resolver for `S`, with a way to fetch it before it is first needed. */
export type LazyResolver<S extends Schema> = Resolver<z4.input<S>, unknown, z4.output<S>> & {
  preload: () => Promise<unknown>;
};

type Made<S extends Schema> = Resolver<z4.input<S>, unknown, z4.output<S>>;

/**
 * `zodResolver(schema)` with zod, the resolver and the schema fetched on first use: zod is
 * about 30 kB gzip that no page needs before its first submit. `load` imports the schema
 * from lib/schemas, e.g. `() => import("@/lib/schemas/account").then((s) => s.signInInput)`,
 * so the server and the form keep one schema. The first submit awaits the fetch once.
 */
export function lazyResolver<S extends Schema>(load: () => Promise<S>): LazyResolver<S> {
  const preload = loadOnce(() =>
    Promise.all([import("@hookform/resolvers/zod"), load()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as Made<S>,
    ),
  );
  const resolver: Made<S> = async (values, context, options) => {
    let resolve: Made<S>;
    try {
      resolve = await preload();
    } catch {
      // Offline with nothing cached: send as typed; the server checks the same schema and names the field.
      return { values: values as z4.output<S>, errors: {} };
    }
    return resolve(values, context, options);
  };
  return Object.assign(resolver, { preload });
}

/** Fetches the resolver at the person's first touch, so the first submit doesn't wait for it. */
export function useResolverSoon(resolver: { preload: () => Promise<unknown> }) {
  useOnFirstTouch(useCallback(() => void resolver.preload().catch(() => {}), [resolver]));
}
