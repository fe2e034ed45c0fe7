import { index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { buddyLinks } from "./buddies";
import { createdAt, ownerId } from "./columns";

/**
 * A buddy link someone with an account keeps on their home page ("People I support"). It
 * points at the link row, never at its token, so no token is stored; when the link is
 * revoked or expires the entry stops showing.
 */
export const supportedLinks = pgTable(
  "supported_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The person who saved the link: the owner of this row. */
    supporterId: ownerId(),
    linkId: uuid()
      .notNull()
      .references(() => buddyLinks.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    // Also the index on supporter_id: every query filters by it first.
    uniqueIndex("supported_links_supporter_id_link_id_idx").on(t.supporterId, t.linkId),
    index("supported_links_link_id_idx").on(t.linkId),
  ],
);

export type SupportedLink = typeof supportedLinks.$inferSelect;
