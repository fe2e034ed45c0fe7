import { randomUUID } from "node:crypto";
import type { Caller } from "./users";

type LinkInput = Parameters<Caller["buddies"]["create"]>[0];
/** What a test may set on a link; the rest takes createLink's defaults. */
export type LinkOptions = Partial<Omit<LinkInput, "idempotencyKey">>;

/** A buddy link made through the router: "my sister", progress only, no end, no ex's name. */
export function createLink(caller: Caller, options: LinkOptions = {}) {
  return caller.buddies.create({
    idempotencyKey: randomUUID(),
    label: "my sister",
    scope: "progress",
    expiry: "none",
    showExName: false,
    ...options,
  });
}
