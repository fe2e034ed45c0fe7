import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { checkCredentials } from "@/server/services/account";
import { inbox } from "@/server/services/buddies";
import { listContacts } from "@/server/services/contacts";
import { getDashboard } from "@/server/services/dashboard";
import { listDrafts } from "@/server/services/drafts";
import { DEMO_EMAIL, seedDemo } from "../../scripts/db/seed";
import { setupTestDb } from "../helpers/db";

const t = setupTestDb();

// Wednesday 15 July 2026, noon in Berlin.
const NOW = new Date("2026-07-15T10:00:00Z");
const BERLIN = "Europe/Berlin";

describe("db:seed's demo account", () => {
  it("signs in with the printed e-mail and password and shows three weeks on the dashboard", {
    timeout: 60_000,
  }, async () => {
    const demo = await seedDemo(t.db, { now: NOW, timeZone: BERLIN });
    expect(demo.email).toBe(DEMO_EMAIL);
    expect(await checkCredentials(t.db, demo.email, demo.password)).toBe(demo.userId);

    const actor = { userId: demo.userId };
    const dashboard = await getDashboard(t.db, actor, { timeZone: BERLIN, now: NOW });

    // Every day of the three weeks counts, the chosen rest day keeping the run whole.
    expect(dashboard.streak.current).toBeGreaterThanOrEqual(21);
    expect(dashboard.streak.activeToday).toBe(true);
    expect(dashboard.calendar.days.filter((d) => d.paused)).toHaveLength(1);

    // Steps one to three done in order, step four under way.
    expect(dashboard.journey?.stepsDone).toBe(3);
    expect(dashboard.journey?.currentStep?.number).toBe(4);
    expect(dashboard.journey?.currentStep?.stalled).toBe(false);

    // Contacts started by both, the last one yesterday.
    expect(dashboard.initiative.last14d.me).toBeGreaterThan(0);
    expect(dashboard.initiative.last14d.them).toBeGreaterThan(0);
    expect(dashboard.daysSinceLastContact).toBe(1);
    expect(dashboard.daysSinceBreakup).toBe(74);

    // A mood for most of the last thirty days, from check-ins and journal entries.
    const withMood = dashboard.mood.days.filter((d) => d.average !== null);
    expect(withMood.length).toBeGreaterThanOrEqual(20);
    expect(dashboard.mood.average).toBeGreaterThan(2);
    expect(dashboard.mood.average).toBeLessThan(5);

    // How each contact felt, good and hard alike.
    const contacts = await listContacts(t.db, actor, { limit: 50 });
    expect(new Set(contacts.items.map((c) => c.feeling))).toEqual(
      new Set(["good", "neutral", "hard"]),
    );

    // A draft resting: written, not yet ready.
    const drafts = await listDrafts(t.db, actor, {}, NOW);
    const resting = drafts.filter((d) => d.status === "writing");
    expect(resting).toHaveLength(1);
    expect(resting[0]?.ready).toBe(false);
    expect(resting[0]?.readyAt.getTime()).toBeGreaterThan(NOW.getTime());

    // The buddy's newest note waits unread; the older one was read.
    const messages = await inbox(t.db, actor);
    expect(messages.unread).toBe(1);
    expect(messages.items).toHaveLength(2);
  });

  it("replaces the demo account when run again instead of failing", {
    timeout: 60_000,
  }, async () => {
    const first = await seedDemo(t.db, { now: NOW, timeZone: BERLIN });
    const second = await seedDemo(t.db, { now: NOW, timeZone: BERLIN });
    const rows = await t.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
    expect(rows).toEqual([{ id: second.userId }]);
    expect(await checkCredentials(t.db, DEMO_EMAIL, first.password)).toBeNull();
    const dashboard = await getDashboard(
      t.db,
      { userId: second.userId },
      {
        timeZone: BERLIN,
        now: NOW,
      },
    );
    expect(dashboard.journey?.stepsDone).toBe(3);
  });

  it("refuses to run under NODE_ENV=production and opens no database", { timeout: 60_000 }, () => {
    const dir = path.join(tmpdir(), `rekindle-seed-refused-${process.pid}`);
    const { DATABASE_URL: _unused, ...rest } = process.env;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
      env: { ...rest, NODE_ENV: "production", PGLITE_DATA_DIR: dir },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("does not run with NODE_ENV=production");
    expect(run.stdout).not.toContain("password");
    expect(existsSync(dir)).toBe(false);
  });
});
