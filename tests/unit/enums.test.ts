import { describe, expect, it } from "vitest";
import { contactChannel, contactFeeling, contactInitiator } from "@/db/schema";
import { CONTACT_CHANNELS, CONTACT_FEELINGS, CONTACT_INITIATORS } from "@/lib/schemas/plain";

// lib/ may not import db/, so the browser's lists are copies: these keep them true.
describe("the contact lists the browser knows", () => {
  it("are the database's own enum values, in order", () => {
    expect([...CONTACT_CHANNELS]).toEqual(contactChannel.enumValues);
    expect([...CONTACT_INITIATORS]).toEqual(contactInitiator.enumValues);
    expect([...CONTACT_FEELINGS]).toEqual(contactFeeling.enumValues);
  });
});
