/**
 * Realistic data in bulk: every row is made by INSERT … SELECT over generate_series, in
 * the database, never one application call per row. Each person has a journey in progress,
 * about 60 days of check-ins over the last 12 weeks, 30 journal entries, 20 contacts, task
 * completions for the steps behind them, a buddy link and a signed-in session.
 *
 * Session ids and buddy tokens are derived from the person's number (SHA-256 of a fixed
 * text), so the driver can rebuild any person's cookie or link without a round trip. Only
 * bench data is made this way; the app's own ids stay random.
 */
import { createHash } from "node:crypto";
import { currentProgram, PROGRAM_VERSION } from "@/lib/program";
import { hashPassword } from "@/server/auth/password";
import { TOUCH_INTERVAL_MS } from "@/server/auth/sessions";

export const BENCH_PASSWORD = "bench marks are not a password";

const b64url = (text: string) => createHash("sha256").update(text).digest("base64url");
/** Person i's session id (the cookie carries it; the table keeps its SHA-256). */
export const benchSessionId = (i: number) => b64url(`bench-session-${i}`);
/** Person i's buddy link token. */
export const benchBuddyToken = (i: number) => b64url(`bench-buddy-${i}`);
export const benchEmail = (i: number) => `bench-${i}@example.com`;

/**
 * Each session is last seen at a moment spread over the touch interval, as on a live site.
 * Seeded at one instant, every session fell due for its touch (server/auth/sessions.ts)
 * in the same minute, and whichever run came then wrote an update on nearly every request:
 * 4.6 statements a dashboard request in the pinned run at 22:13 on 7 December, 3.8 shared.
 */
const TOUCH_SECONDS = TOUCH_INTERVAL_MS / 1000;

/** A version-4-shaped uuid from a text, in SQL (zod checks the version and variant bits). */
const sqlUuid = (expr: string) =>
  `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** base64url of SHA-256 in SQL: applied twice, the stored hash of a derived id or token. */
const sqlB64url = (expr: string) =>
  `translate(rtrim(encode(sha256(convert_to(${expr}, 'UTF8')), 'base64'), '='), '+/', '-_')`;

/** Runs one statement with parameters; works over `postgres` and PGlite alike. */
export type Exec = (text: string, params?: unknown[]) => Promise<unknown>;

/** Seeds people 1 to `people`; `onStep` hears each table and how long it took. */
export async function seedPeople(
  exec: Exec,
  people: number,
  onStep: (what: string, ms: number) => void = () => {},
): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const steps = currentProgram.steps.flatMap((s) =>
    s.tasks.map((t) => ({ step: s.number, key: t.key })),
  );
  // Person i: user u, journey j, on step c (1 to 5).
  const person = () => `
    select i,
      ${sqlUuid("'bench-user-' || i")} as u,
      ${sqlUuid("'bench-journey-' || i")} as j,
      1 + i % 5 as c
    from generate_series(1, ${people}) as i`;

  const statements: [string, string, unknown[]?][] = [
    [
      "users",
      `insert into users (id, email, display_name, password_hash, time_zone, created_at, updated_at)
       select ${sqlUuid("'bench-user-' || i")}, 'bench-' || i || '@example.com', 'Bench ' || i, $1,
         (array['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo'])[1 + i % 4],
         now() - interval '120 days', now() - interval '120 days'
       from generate_series(1, ${people}) as i`,
      [passwordHash],
    ],
    [
      "sessions",
      `insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
       select ${sqlB64url(sqlB64url("'bench-session-' || i"))},
         ${sqlUuid("'bench-user-' || i")}, now(), now() - (i % ${TOUCH_SECONDS}) * interval '1 second',
         now() + interval '30 days', 'bench'
       from generate_series(1, ${people}) as i`,
    ],
    [
      "journeys",
      `insert into journeys (id, user_id, program_version, status, breakup_date, contact_level,
         ex_name, ex_pronouns, readiness_result, readiness_answers, readiness_at,
         idempotency_key, created_at, updated_at)
       select j, u, ${PROGRAM_VERSION}, 'active', current_date - 100 - i % 60,
         (array['none', 'occasional', 'regular'])[1 + i % 3]::contact_level, 'Sam',
         (array['he', 'she', 'they'])[1 + i % 3]::pronouns, 'ready', '{}'::jsonb,
         now() - interval '90 days', gen_random_uuid(), now() - interval '90 days',
         now() - interval '90 days'
       from (${person()}) as p`,
    ],
    [
      "step_progress",
      `insert into step_progress (journey_id, user_id, step_number, status, opened_at,
         completed_at, last_activity_at)
       select j, u, s,
         (case when s < c then 'done' when s = c then 'open' else 'locked' end)::step_status,
         case when s <= c then now() - (8 - s) * interval '10 days' end,
         case when s < c then now() - (7 - s) * interval '10 days' end,
         case when s <= c then now() - (i % 9) * interval '1 day' end
       from (${person()}) as p, generate_series(1, 7) as s`,
    ],
    [
      "task_completions",
      `insert into task_completions (journey_id, user_id, step_number, task_key, completed_at)
       select j, u, t.step, t.key, now() - (8 - t.step) * interval '9 days' - random() * interval '5 days'
       from (${person()}) as p
       join unnest($1::int[], $2::text[]) as t(step, key) on t.step < p.c`,
      [steps.map((s) => s.step), steps.map((s) => s.key)],
    ],
    [
      "check_ins (about 60 of the last 84 days)",
      `insert into check_ins (user_id, day, mood, created_at)
       select u, current_date - d, 1 + (i + d) % 5, now() - d * interval '1 day'
       from (${person()}) as p, generate_series(0, 83) as d
       where d < 3 or random() < 0.69`,
    ],
    [
      "pause_days",
      `insert into pause_days (user_id, day)
       select u, current_date - d
       from (${person()}) as p, (values (11), (40)) as v(d)
       where i % 3 = 0
       on conflict do nothing`,
    ],
    [
      "journal_entries (30 each)",
      `insert into journal_entries (user_id, journey_id, step_number, mood, body,
         shared_with_buddies, idempotency_key, created_at, updated_at)
       select u, j, case when k % 3 = 0 then c end, 1 + (i + k) % 5,
         'Today I wrote about what I miss and what I want to do differently. Entry ' || k ||
           '. Small steps, one at a time, and a walk after work helped more than expected.',
         k % 10 = 0, gen_random_uuid(),
         now() - k * interval '2 days' - random() * interval '20 hours',
         now() - k * interval '2 days'
       from (${person()}) as p, generate_series(1, 30) as k`,
    ],
    [
      "contacts (20 each)",
      `insert into contacts (user_id, journey_id, step_number, occurred_at, channel, initiator,
         feeling, note, idempotency_key, created_at, updated_at)
       select u, j, c, at,
         (array['text', 'call', 'in_person', 'social', 'other'])[1 + (i + k) % 5]::contact_channel,
         (case when (i + k) % 3 = 0 then 'them' else 'me' end)::contact_initiator,
         (array['good', 'neutral', 'hard'])[1 + k % 3]::contact_feeling, 'A short chat.',
         gen_random_uuid(), at, at
       from (${person()}) as p, generate_series(1, 20) as k,
         lateral (select now() - k * interval '3 days' - random() * interval '1 day' as at) as t`,
    ],
    [
      "buddy_links",
      `insert into buddy_links (user_id, label, scope, token_hash, idempotency_key)
       select u, 'Alex',
         (case when i % 2 = 0 then 'progress_and_journal' else 'progress' end)::buddy_scope,
         ${sqlB64url(sqlB64url("'bench-buddy-' || i"))}, gen_random_uuid()
       from (${person()}) as p`,
    ],
  ];
  for (const [what, text, params] of statements) {
    const started = performance.now();
    await exec(text, params);
    onStep(what, performance.now() - started);
  }
  const started = performance.now();
  await exec("analyze");
  onStep("analyze", performance.now() - started);
}
