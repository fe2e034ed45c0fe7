import { describe, expect, it } from "vitest";
import { readPushPayload } from "@/lib/push";
import { parseSettings } from "@/server/env";
import { vapidKeysFor } from "@/server/push/keys";
import { notePush, reminderPush, testPush } from "@/server/push/messages";

const KEYS = {
  VAPID_PUBLIC_KEY:
    "BJpIeYKaphfgw8k42ARozBdxPNpLR_9zzhtPcGyBD9dLGOAaMM7kZNAu2ZwufStCXVfG9hk9hAlLhQrOEj8uZxg",
  VAPID_PRIVATE_KEY: "9OF_JMyiaBjJBV_rBXZvpsWkraFJAGu74NQitnHUKNg",
};

describe("VAPID keys", () => {
  it("turn push off in production when they are not set, rather than failing to start", () => {
    expect(vapidKeysFor(parseSettings({ NODE_ENV: "production" }))).toBeNull();
  });

  it("come from the environment, with a subject from MAIL_FROM unless one is given", () => {
    const keys = vapidKeysFor(parseSettings({ NODE_ENV: "production", ...KEYS }));
    expect(keys).toEqual({
      publicKey: KEYS.VAPID_PUBLIC_KEY,
      privateKey: KEYS.VAPID_PRIVATE_KEY,
      subject: "mailto:no-reply@rekindle.local",
    });
    const given = parseSettings({ ...KEYS, VAPID_SUBJECT: "https://rekindle.example/contact" });
    expect(vapidKeysFor(given)?.subject).toBe("https://rekindle.example/contact");
  });

  it("are refused one without the other, or malformed, naming the setting", () => {
    expect(() => parseSettings({ VAPID_PUBLIC_KEY: KEYS.VAPID_PUBLIC_KEY })).toThrow(
      /VAPID_PRIVATE_KEY/,
    );
    expect(() => parseSettings({ ...KEYS, VAPID_PRIVATE_KEY: "short" })).toThrow(
      /VAPID_PRIVATE_KEY: must be a P-256 private key/,
    );
    expect(() => parseSettings({ ...KEYS, VAPID_SUBJECT: "http://plain" })).toThrow(
      /VAPID_SUBJECT/,
    );
  });
});

describe("what a push says", () => {
  const all = [
    reminderPush({ kind: "check_in", stepNumber: null, discreet: false }),
    reminderPush({ kind: "stalled_step", stepNumber: 3, discreet: false }),
    notePush("encouragement", false),
    notePush("nudge", false),
    testPush(false),
  ];

  it("is neutral: no ex, no breakup, nothing about getting back together", () => {
    for (const payload of all) {
      expect(`${payload.title} ${payload.body}`).not.toMatch(
        /\bex\b|breakup|back together|relationship|Rekindle/i,
      );
      expect(payload.url).toMatch(/^\/[a-z]/);
    }
  });

  it("in discreet mode is only “A reminder” or “A new note”", () => {
    for (const payload of [
      reminderPush({ kind: "check_in", stepNumber: null, discreet: true }),
      reminderPush({ kind: "stalled_step", stepNumber: 3, discreet: true }),
      testPush(true),
    ]) {
      expect(payload).toMatchObject({ title: "A reminder", body: "" });
    }
    for (const kind of ["encouragement", "nudge"] as const) {
      expect(notePush(kind, true)).toMatchObject({ title: "A new note", body: "" });
    }
  });

  it("opens the page it is about", () => {
    expect(reminderPush({ kind: "stalled_step", stepNumber: 3, discreet: false }).url).toBe(
      "/plan/3",
    );
    expect(notePush("nudge", false).url).toBe("/buddies/inbox");
  });
});

describe("the service worker's reading of a push", () => {
  it("shows Rekindle's payload as sent", () => {
    const sent = notePush("encouragement", false);
    expect(readPushPayload(sent)).toEqual(sent);
  });

  it("shows anything else as a plain reminder that opens Home", () => {
    for (const data of [null, "text", 42, {}, { title: "" }]) {
      expect(readPushPayload(data)).toEqual({
        title: "A reminder",
        body: "",
        url: "/home",
        tag: "rekindle",
      });
    }
  });

  it("never sends a tap to another site", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:1",
    ]) {
      expect(readPushPayload({ title: "A reminder", url }).url).toBe("/home");
    }
  });
});
