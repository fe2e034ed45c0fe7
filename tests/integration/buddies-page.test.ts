import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { noticeFor } from "@/app/b/[token]/form-notices";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { buddyPage } from "@/server/http/doors/buddy";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { saveLink } from "@/server/services/supporting";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { createBuddyLink, sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();
beforeAll(() => {
  markServedByRekindle();
  pointEdgeAtDatabase(async () => t.db);
});

/** Each request from an address of its own, so no test spends another's lookup budget. */
const freshAddress = () => `192.0.2.${randomInt(1, 254)}`;

/** What pages/b/[token].tsx renders for this request, as its getServerSideProps asks. */
async function open(
  token: string,
  request: { query?: Record<string, string>; cookie?: string } = {},
) {
  const { status, data } = await buddyPage({
    token,
    headers: { cookie: request.cookie, [CLIENT_IP_HEADER]: freshAddress() },
  });
  const notice = data.kind === "view" ? noticeFor(request.query ?? {}) : null;
  return { status, props: { ...data, notice } };
}

async function ownerWithLink() {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  await startJourney(t.db, owner.userId);
  const { token, link } = await createBuddyLink(owner.caller);
  return { owner, token, link };
}

describe("the buddy page's data", () => {
  it("shows the owner's progress to a visitor who isn't signed in, with a sign-in offer", async () => {
    const { token } = await ownerWithLink();
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.props).toMatchObject({
      kind: "view",
      token,
      view: { ownerName: "Robin" },
      notice: null,
      save: { kind: "signed-out" },
    });
  });

  it("turns the flag a form post left in the address into its notice, and nothing else", async () => {
    const { token } = await ownerWithLink();
    const notice = async (query: Record<string, string>) => {
      const page = await open(token, { query });
      return page.props.kind === "view" ? page.props.notice : undefined;
    };
    expect(await notice({ sent: "1" })).toEqual({
      text: "Sent. Thank you for being there.",
      ok: true,
    });
    expect((await notice({ error: "limit", wait: "12" }))?.text).toContain(
      "Please wait 12 minutes",
    );
    expect(await notice({ error: "constructor" })).toBeNull();
    expect(await notice({ error: "something-else" })).toBeNull();
  });

  it("offers a signed-in friend the save form, then says it's saved; the owner gets neither", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Kit" });
    const cookie = await sessionCookie(friend.sessionId);

    expect((await open(token, { cookie })).props).toMatchObject({ save: { kind: "unsaved" } });
    const { id } = await saveLink(t.db, { userId: friend.userId }, { token });
    expect((await open(token, { cookie })).props).toMatchObject({ save: { kind: "saved", id } });

    const own = await open(token, { cookie: await sessionCookie(owner.sessionId) });
    expect(own.props).toMatchObject({ save: { kind: "own" } });
    // A cookie that doesn't open is simply someone not signed in.
    const forged = await open(token, { cookie: "authjs.session-token=not-a-real-one" });
    expect(forged.props).toMatchObject({ save: { kind: "signed-out" } });
  });

  it("answers a revoked or unknown link with the 404 page", async () => {
    const { owner, token, link } = await ownerWithLink();
    await owner.caller.buddies.revoke({ id: link.id });
    const gone = { status: 404, props: { kind: "gone", notice: null } };
    expect(await open(token)).toEqual(gone);
    expect(await open("nonsense")).toEqual(gone);
  });

  it("answers a database that cannot be opened with the calm try-again page, 503", async () => {
    pointEdgeAtDatabase(async () => {
      throw new Error("something unexpected");
    });
    try {
      const headers = { [CLIENT_IP_HEADER]: freshAddress() };
      const { status, data } = await buddyPage({ token: "abc", headers });
      // edgeDb() calls any failure to open the database away: 503, "try again".
      expect({ status, data }).toEqual({ status: 503, data: { kind: "away", token: "abc" } });
    } finally {
      pointEdgeAtDatabase(async () => t.db);
    }
  });
});
