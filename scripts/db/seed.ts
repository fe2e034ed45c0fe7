/**
 * `npm run db:seed`: a demo account with about three weeks of activity, made through the
 * app's own services so the data keeps every rule the app keeps. Development only.
 */
import { randomInt, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buddyLinks, contacts, journalEntries, users } from "@/db/schema";
import { currentProgram } from "@/lib/program";
import { signUpInput } from "@/lib/schemas/account";
import { zonedInstant } from "@/lib/schemas/contacts";
import { startJourneyInput } from "@/lib/schemas/journey";
import { addDays, type Day, localDay } from "@/lib/stats";
import { createAccount } from "@/server/services/account";
import { checkIn, pauseDay } from "@/server/services/activity";
import { createLink, encourageLink, markRead, visitLink } from "@/server/services/buddies";
import { type Actor, touchStep } from "@/server/services/common";
import { createContact } from "@/server/services/contacts";
import { createDraft, markSent, updateDraft } from "@/server/services/drafts";
import { createEntry } from "@/server/services/journal";
import { startJourney } from "@/server/services/journey";
import { addMemory, addReflection, setMemoryShared, setTask } from "@/server/services/steps";

export const DEMO_EMAIL = "demo@rekindle.test";

export interface DemoOptions {
  /** The moment the three weeks end; now by default. */
  now?: Date;
  /** The demo person's zone; this machine's by default. */
  timeZone?: string;
  email?: string;
  /** Chosen at random when left out, so no shared password opens a demo anywhere. */
  password?: string;
}

export interface Demo {
  userId: string;
  email: string;
  password: string;
  timeZone: string;
}

/** Twelve random letters and digits in three groups, easy to read off a terminal and type. */
function newPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const group = () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return [group(), group(), group()].join("-");
}

type Feeling = "good" | "neutral" | "hard";
type Channel = "text" | "call" | "in_person" | "social";

/**
 * Replaces the demo account with a fresh one: 21 days of a plan in progress (steps 1 to 3
 * done, step 4 under way), check-ins with moods, journal entries, contacts started by both,
 * a draft resting, a pause day, and a buddy link with an unread note.
 */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<Demo> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const today = localDay(now, timeZone);
  const dayOf = (daysAgo: number): Day => addDays(today, -daysAgo);
  const local = (daysAgo: number, time: string) => `${dayOf(daysAgo)}T${time}`;
  const at = (daysAgo: number, time: string) => zonedInstant(local(daysAgo, time), timeZone);
  const clock = (when: Date) => ({ timeZone, now: when });

  const email = options.email ?? DEMO_EMAIL;
  const password = options.password ?? newPassword();
  // Everything the demo owns goes with its row (every owner column cascades).
  await db.delete(users).where(eq(users.email, email));
  const account = await signUpInput.parseAsync({
    displayName: "Robin",
    email,
    password,
    timeZone,
  });
  const { userId } = await createAccount(db, account);
  // Services stamp the server's clock; rows are moved back to when they happened.
  const backdate = async (
    table: typeof users | typeof journalEntries | typeof contacts,
    id: string,
    when: Date,
  ) => {
    await db.update(table).set({ createdAt: when, updatedAt: when }).where(eq(table.id, id));
  };
  // The demo signed up three weeks ago.
  await backdate(users, userId, at(21, "19:40"));
  const actor: Actor = { userId };

  const yes = Object.fromEntries(currentProgram.readiness.questions.map((q) => [q.key, "yes"]));
  const safe = Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false]));
  const journey = await startJourney(
    db,
    actor,
    startJourneyInput.parse({
      idempotencyKey: randomUUID(),
      readiness: yes,
      safety: safe,
      situation: {
        breakupDate: dayOf(74),
        contactLevel: "none",
        exName: "Alex",
        exPronouns: "they",
      },
    }),
    clock(at(21, "20:00")),
  );

  const task = (stepNumber: number, taskKey: string, when: Date) =>
    setTask(db, actor, { stepNumber, taskKey, done: true }, when);
  const reflect = (stepNumber: number, promptKey: string, body: string, when: Date) =>
    addReflection(db, actor, { idempotencyKey: randomUUID(), stepNumber, promptKey, body }, when);

  // Journal entries and contacts take the server's clock; they are moved back to when
  // they happened, and so is the step's last activity.
  const write = async (
    daysAgo: number,
    time: string,
    mood: number,
    body: string,
    extra: { stepNumber?: number; shared?: boolean } = {},
  ) => {
    const entry = await createEntry(db, actor, {
      idempotencyKey: randomUUID(),
      mood,
      body,
      stepNumber: extra.stepNumber ?? null,
      sharedWithBuddies: extra.shared ?? false,
    });
    const when = at(daysAgo, time);
    await backdate(journalEntries, entry.id, when);
    await touchStep(db, actor, journey.id, extra.stepNumber, when);
  };
  const contact = async (
    daysAgo: number,
    time: string,
    initiator: "me" | "them",
    channel: Channel,
    feeling: Feeling,
    note: string,
    stepNumber?: number,
  ) => {
    const row = await createContact(
      db,
      actor,
      {
        idempotencyKey: randomUUID(),
        occurredAt: local(daysAgo, time),
        channel,
        initiator,
        feeling,
        note,
        stepNumber: stepNumber ?? null,
      },
      clock(now),
    );
    // Logged a few minutes after it happened, the way people do.
    const logged = new Date(row.occurredAt.getTime() + 7 * 60_000);
    await backdate(contacts, row.id, logged);
    await touchStep(db, actor, journey.id, stepNumber, logged);
  };
  const draft = async (daysAgo: number, time: string, stepNumber: number, body: string) =>
    createDraft(db, actor, { idempotencyKey: randomUUID(), stepNumber, body }, at(daysAgo, time));
  const send = async (
    made: Awaited<ReturnType<typeof draft>>,
    checks: Record<string, "yes" | "no">,
    when: Date,
  ) => {
    const checked = await updateDraft(
      db,
      actor,
      { id: made.id, version: made.version, checks },
      when,
    );
    await markSent(db, actor, { id: checked.id, version: checked.version }, clock(when));
  };

  // A check-in every day but one, with how the day felt; that one is a chosen rest.
  const moods = [2, 3, 3, 4, 3, 4, 3, 3, 4, 4, 3, 3, 2, 3, 4, 4, 4, 4, 3, 5, 4, 4];
  const restDay = 5;
  for (let daysAgo = 21; daysAgo >= 0; daysAgo--) {
    if (daysAgo === restDay) continue;
    const mood = moods[21 - daysAgo] ?? 3;
    await checkIn(db, actor, { mood }, clock(at(daysAgo, daysAgo === 0 ? "00:00" : "08:30")));
  }
  await pauseDay(db, actor, { day: dayOf(restDay) }, clock(now));

  // Step 1: reconnect.
  await write(21, "21:10", 2, "Started the plan tonight. Mostly nervous, a little hopeful.");
  await task(1, "choose-opener", at(20, "19:00"));
  const hello = await draft(
    20,
    "19:10",
    1,
    "Saw this dog on my walk and it looked exactly like Biscuit. Hope you're doing well!",
  );
  await reflect(
    1,
    "why-now",
    "Enough time has passed that I can think about us without being angry. I miss talking to Alex more than anything.",
    at(20, "19:30"),
  );
  await send(
    hello,
    { "short-and-light": "yes", "asks-for-nothing": "yes", "leaves-the-past": "yes" },
    at(19, "08:00"),
  );
  await task(1, "draft-hello", at(19, "08:02"));
  await contact(
    19,
    "08:05",
    "me",
    "text",
    "neutral",
    "Sent the dog photo. Then stared at my phone.",
    1,
  );
  await task(1, "send-hello", at(19, "08:15"));
  await contact(
    19,
    "12:40",
    "them",
    "text",
    "good",
    "Three laughing faces and 'he's so fat now'.",
    1,
  );
  await write(18, "22:00", 4, "They answered within hours. I slept well for once.", {
    stepNumber: 1,
  });
  await task(1, "note-feelings", at(18, "22:01"));
  await contact(17, "18:20", "them", "text", "good", "Asked how the new job is going.", 1);

  // Step 2: talk about what happened.
  await write(
    16,
    "21:30",
    3,
    "Wrote down what went wrong. It wasn't one thing, and it wasn't all them.",
    {
      stepNumber: 2,
    },
  );
  await task(2, "name-what-happened", at(16, "21:31"));
  await task(2, "own-my-part", at(16, "21:45"));
  await reflect(
    2,
    "my-part",
    "I stopped making time for us and called it being busy. I'd like to say sorry for that, without asking for anything back.",
    at(16, "21:50"),
  );
  const talk = await draft(
    15,
    "20:40",
    2,
    "I've been thinking about how things ended. I know I let work take over and I'm sorry I did. No need to answer, I just wanted you to hear it.",
  );
  await send(
    talk,
    { blames: "no", "asks-for-apology": "no", "owns-my-part": "yes" },
    at(14, "18:00"),
  );
  await task(2, "draft-talk", at(14, "18:01"));
  await contact(
    13,
    "17:30",
    "me",
    "in_person",
    "good",
    "Coffee by the river. We talked for two hours.",
    2,
  );
  await task(2, "have-the-talk", at(13, "19:45"));
  await write(
    13,
    "22:15",
    4,
    "We talked properly. They said they'd missed the easy evenings too.",
    {
      stepNumber: 2,
      shared: false,
    },
  );

  // Step 3: light the spark again.
  await contact(
    12,
    "20:10",
    "them",
    "call",
    "neutral",
    "Short call about a parcel. A bit awkward.",
  );
  await task(3, "list-what-i-admire", at(11, "21:00"));
  await write(11, "21:05", 3, "Listed what I admire about Alex. The list was long.", {
    stepNumber: 3,
  });
  await contact(10, "13:15", "me", "text", "good", "Told them the haircut suits them.", 3);
  await task(3, "give-a-compliment", at(10, "13:20"));
  await contact(9, "19:00", "them", "social", "good", "Sent me a song from the road trip.", 3);
  await contact(8, "21:40", "me", "text", "hard", "Joked about old times and it fell flat.", 3);
  await write(
    8,
    "22:30",
    2,
    "A wobble. Reminding myself one flat joke is not the end of anything.",
    {
      stepNumber: 3,
    },
  );
  await contact(
    7,
    "18:30",
    "them",
    "call",
    "good",
    "They called just to chat. An hour went by.",
    3,
  );
  await task(3, "notice-response", at(7, "19:40"));
  await reflect(
    3,
    "is-the-spark-there",
    "Yes, I think so. They laugh more, and they started the last two conversations.",
    at(7, "19:50"),
  );

  // Step 4: remind them of the good times (in progress).
  const memory = await addMemory(
    db,
    actor,
    {
      idempotencyKey: randomUUID(),
      body: "The night the tent flooded and we played cards in the car.",
    },
    at(6, "20:00"),
  );
  await addMemory(
    db,
    actor,
    {
      idempotencyKey: randomUUID(),
      body: "Sunday pancakes that always turned into brunch for six.",
    },
    at(6, "20:05"),
  );
  await addMemory(
    db,
    actor,
    { idempotencyKey: randomUUID(), body: "Dancing badly at Sam's wedding." },
    at(6, "20:09"),
  );
  await task(4, "collect-memories", at(6, "20:10"));
  await contact(
    4,
    "19:15",
    "me",
    "text",
    "good",
    "Sent the tent photo. They replied 'never again, best trip'.",
    4,
  );
  await setMemoryShared(db, actor, { id: memory.id, shared: true }, at(4, "19:20"));
  await task(4, "share-a-memory", at(4, "19:25"));
  await contact(3, "12:05", "them", "text", "good", "Asked if I still make the pancakes.", 4);
  await write(3, "21:00", 4, "Three weeks in. Slower than I wanted, and better than I feared.", {
    stepNumber: 4,
    shared: true,
  });
  await contact(
    1,
    "18:00",
    "them",
    "in_person",
    "good",
    "Bumped into each other at the market and walked home together.",
  );
  await write(1, "21:20", 4, "They walked me home. I didn't push for anything.", { stepNumber: 4 });

  // A message for step 6 written today, still resting before it can be called ready.
  await createDraft(
    db,
    actor,
    {
      idempotencyKey: randomUUID(),
      stepNumber: 6,
      body: "I've really enjoyed these weeks. I'd like to try again, slowly, if you would too. No pressure at all.",
    },
    new Date(now.getTime() - 20 * 60_000),
  );

  // A buddy who checks in, with an older note read and a new one waiting.
  const { link } = await createLink(
    db,
    actor,
    {
      idempotencyKey: randomUUID(),
      label: "Maya",
      scope: "progress_and_journal",
      expiry: "none",
      showExName: false,
    },
    at(12, "21:00"),
  );
  const [row] = await db.select().from(buddyLinks).where(eq(buddyLinks.id, link.id));
  if (!row) throw new Error("the buddy link was not saved");
  await visitLink(db, row, at(12, "21:30"));
  const older = await encourageLink(
    db,
    row,
    { name: "Maya", message: "Proud of you for sending that message. Brave!" },
    at(12, "21:35"),
  );
  await markRead(db, actor, { id: older.id }, at(11, "08:00"));
  await visitLink(db, row, at(6, "12:00"));
  await visitLink(db, row, at(2, "19:30"));
  await encourageLink(
    db,
    row,
    { name: "Maya", message: "Three weeks! Look at that streak. Keep going at your own pace." },
    at(2, "19:34"),
  );

  return { userId, email, password, timeZone };
}

async function main() {
  const { env } = await import("@/server/env");
  const e = env();
  if (e.NODE_ENV === "production") {
    console.error(
      "db:seed makes a demo account with a printed password, so it does not run with NODE_ENV=production.",
    );
    process.exit(1);
  }
  const { openDatabase } = await import("./open");
  const database = await openDatabase(e);
  try {
    const demo = await seedDemo(database.db);
    console.log(
      `Demo account ready (${database.kind === "pglite" ? e.PGLITE_DATA_DIR : "PostgreSQL"}):`,
    );
    console.log(`  e-mail:   ${demo.email}`);
    console.log(`  password: ${demo.password}`);
    console.log(
      `  three weeks of activity in ${demo.timeZone}; running db:seed again replaces it.`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
