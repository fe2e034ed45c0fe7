import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { validateSession } from "@/server/auth/sessions";
import { exportAccount } from "@/server/services/export";
import { importAccount } from "@/server/services/import";
import { setupTestDb } from "../helpers/db";
import { callerFor, signedInUser } from "../helpers/users";

const t = setupTestDb();

/** What the person's next request sees: the choice comes with the session, read per request. */
const hidden = async (sessionId: string) =>
  (await validateSession(t.db, sessionId))?.user.hideInitiative;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("hiding the who-reaches-out score", () => {
  it("shows the score until the person chooses, and keeps their choice", async () => {
    const sam = await signedInUser(t.db);
    expect(await hidden(sam.sessionId)).toBe(false);
    expect(await sam.caller.account.setHideInitiative({ hideInitiative: true })).toEqual({
      hideInitiative: true,
    });
    expect(await hidden(sam.sessionId)).toBe(true);
    await sam.caller.account.setHideInitiative({ hideInitiative: false });
    expect(await hidden(sam.sessionId)).toBe(false);
  });

  it("changes only the signed-in person's own choice, and nobody else's", async () => {
    const sam = await signedInUser(t.db);
    const alex = await signedInUser(t.db);
    await alex.caller.account.setHideInitiative({ hideInitiative: true });
    expect(await hidden(sam.sessionId)).toBe(false);

    // No way to name another account: an extra field is refused, and nothing changes.
    const sneaky = { hideInitiative: true, userId: sam.userId } as { hideInitiative: boolean };
    expect((await refusal(alex.caller.account.setHideInitiative(sneaky))).code).toBe("BAD_REQUEST");
    expect(await hidden(sam.sessionId)).toBe(false);

    const signedOut = await callerFor(t.db, null);
    const answer = await refusal(signedOut.account.setHideInitiative({ hideInitiative: true }));
    expect(answer.code).toBe("UNAUTHORIZED");
  });

  it("names the field for an answer that isn't on or off", async () => {
    const sam = await signedInUser(t.db);
    const bad = { hideInitiative: "yes" } as unknown as { hideInitiative: boolean };
    const error = await refusal(sam.caller.account.setHideInitiative(bad));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Please choose on or off.");
    expect(await hidden(sam.sessionId)).toBe(false);
  });

  it("travels with the data download and comes back with an import", async () => {
    const sam = await signedInUser(t.db);
    await sam.caller.account.setHideInitiative({ hideInitiative: true });
    const file = JSON.parse(JSON.stringify(await exportAccount(t.db, { userId: sam.userId })));
    expect(file.profile.hideInitiative).toBe(true);

    const fresh = await signedInUser(t.db);
    await importAccount(t.db, { userId: fresh.userId }, file);
    expect(await hidden(fresh.sessionId)).toBe(true);

    // A file from before the choice existed shows the score, as a new account does.
    const older = await signedInUser(t.db);
    const { hideInitiative: _, ...profile } = file.profile;
    await importAccount(t.db, { userId: older.userId }, { ...file, profile });
    expect(await hidden(older.sessionId)).toBe(false);
  });
});
