import "#server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { negotiateLocale } from "@/lib/stats/locale";
import { getCurrentSession } from "@/server/auth/current";
import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { contextFor } from "./init";
import { createCaller } from "./root";

/** tRPC for server components: the same procedures, called in-process, once per request. */
export const serverCaller = cache(async () => {
  const h = await headers();
  return createCaller(
    contextFor(await getDb(), await getCurrentSession(), {
      userAgent: h.get("user-agent") ?? "",
      address: requestAddress(h),
      locale: negotiateLocale(h.get("accept-language")),
    }),
  );
});
