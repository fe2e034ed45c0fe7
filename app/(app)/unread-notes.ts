import { cache } from "react";
import { serverCaller } from "@/server/trpc/server";

/** The buddies' unread notes, read once per render: the layout's badge and Home share it. */
export const unreadNotes = cache(async () => (await serverCaller()).buddies.unread());
