import { describe, expect, it } from "vitest";
import { loadOnce } from "@/app/_components/load-once";

describe("loadOnce", () => {
  it("fetches once for every caller, and tries again after a failed fetch", async () => {
    let calls = 0;
    let online = false;
    const load = loadOnce(async () => {
      calls += 1;
      if (!online) throw new Error("offline");
      return "code";
    });

    await expect(load()).rejects.toThrow("offline");
    online = true;
    const [first, second] = await Promise.all([load(), load()]);
    expect([first, second]).toEqual(["code", "code"]);
    await load();
    expect(calls).toBe(2);
  });
});
