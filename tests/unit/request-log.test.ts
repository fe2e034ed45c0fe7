import { describe, expect, it } from "vitest";
import { loggablePath } from "@/server/http/request-log";

describe("the request log's paths", () => {
  it("never hold a buddy, reset or calendar token", () => {
    const token = "q3Jx0m8bZkz0YyK3cS7xg0bS1hYV1Bq9xLwWc9aB2dE";
    expect(loggablePath(`/b/${token}`)).toBe("/b/:token");
    expect(loggablePath(`/b/${token}/encourage`)).toBe("/b/:token/encourage");
    expect(loggablePath(`/reset/${token}`)).toBe("/reset/:token");
    expect(loggablePath(`/cal/${token}.ics`)).toBe("/cal/:token");
    expect(loggablePath(`/cal/${token}`)).toBe("/cal/:token");
    expect(loggablePath(`/somewhere/${token}`)).toBe("/somewhere/:opaque");
  });

  it("drop query strings, which may carry anything", () => {
    expect(loggablePath("/api/trpc/journal.list?input=%7B%22secret%22%7D")).toBe(
      "/api/trpc/journal.list",
    );
    expect(loggablePath("/home")).toBe("/home");
  });
});
