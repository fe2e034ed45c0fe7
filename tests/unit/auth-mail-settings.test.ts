import { describe, expect, it } from "vitest";
import { assertProductionSettings, NO_MAIL_IN_PRODUCTION, parseSettings } from "@/server/env";
import { sendMail } from "@/server/mail";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };

describe("production without mail", () => {
  it("refuses to start when no mail server is set and mail was not turned off", () => {
    expect(() => assertProductionSettings(parseSettings(production))).toThrow(
      NO_MAIL_IN_PRODUCTION,
    );
  });

  it("starts when mail is turned off on purpose, or a mail server is set", () => {
    expect(() =>
      assertProductionSettings(parseSettings({ ...production, MAIL_OFF: "true" })),
    ).not.toThrow();
    expect(() =>
      assertProductionSettings(
        parseSettings({
          ...production,
          SMTP_URL: "smtp://mail.example:587",
          APP_URL: "https://rekindle.example",
        }),
      ),
    ).not.toThrow();
  });

  it("refuses MAIL_OFF beside an SMTP_URL, and anything but true or false", () => {
    expect(() => parseSettings({ MAIL_OFF: "true", SMTP_URL: "smtp://mail.example:587" })).toThrow(
      /MAIL_OFF: cannot be true while SMTP_URL is set/,
    );
    expect(() => parseSettings({ MAIL_OFF: "yes" })).toThrow(/MAIL_OFF/);
  });

  it("outside production starts as before, writing mail to the outbox", () => {
    expect(() =>
      assertProductionSettings(parseSettings({ NODE_ENV: "development" })),
    ).not.toThrow();
  });

  it("sends nothing, not even to the outbox, when mail is off", async () => {
    const outcome = await sendMail(
      { to: "sam@example.com", subject: "Reset your password", text: "…" },
      {
        from: "Rekindle <no-reply@rekindle.local>",
        outboxDir: "/nonexistent/outbox",
        production: false,
        off: true,
      },
    );
    expect(outcome).toBe("not-sent");
  });
});
