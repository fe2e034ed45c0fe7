import { describe, expect, it } from "vitest";
import { parseSettings } from "@/server/env";

describe("CONTACT_EMAIL", () => {
  it("is unset unless given, and takes an e-mail address", () => {
    expect(parseSettings({}).CONTACT_EMAIL).toBeUndefined();
    expect(parseSettings({ CONTACT_EMAIL: "hello@rekindle.example" }).CONTACT_EMAIL).toBe(
      "hello@rekindle.example",
    );
  });

  it("refuses anything else, naming the setting", () => {
    expect(() => parseSettings({ CONTACT_EMAIL: "write to us" })).toThrow(
      /CONTACT_EMAIL: must be an e-mail address/,
    );
  });
});
