import "#server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * Keyset paging, newest first, on (a timestamp, the row's id). The cursor carries the
 * timestamp to the microsecond as text: a JavaScript Date keeps only milliseconds, which
 * would skip or repeat rows written in the same millisecond.
 */
export function keyset(at: AnyColumn, id: AnyColumn) {
  const cursorAt = sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return {
    /** Select this beside the row, to build the next cursor from the last row. */
    cursorAt,
    /** Rows strictly after the cursor; a row comparison walks the (at, id) index. */
    after(cursor: string | null | undefined): SQL | undefined {
      if (!cursor) return undefined;
      const cut = cursor.indexOf("_");
      return sql`(${at}, ${id}) < (${cursor.slice(0, cut)}::timestamptz, ${cursor.slice(cut + 1)}::uuid)`;
    },
    /** The page and the cursor for the next one, from `limit + 1` rows. */
    page<T extends { cursorAt: string; id: string }>(rows: T[], limit: number) {
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(({ cursorAt: _c, ...item }) => item),
        nextCursor: rows.length > limit && last ? `${last.cursorAt}_${last.id}` : null,
      };
    },
  };
}
