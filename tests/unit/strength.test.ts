import { describe, expect, it } from "vitest";
import { password, resetPasswordInput, signUpInput } from "@/lib/schemas/account";
import { isGuessable, passwordStrength, WEAK_PASSWORD_MESSAGE } from "@/lib/strength";

const messages = async (value: string) => {
  const result = await password.safeParseAsync(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("the password strength rule", () => {
  it.each(["password123", "qwertyuiop", "iloveyou", "Password1", "trustno1", "11111111"])(
    "refuses the common password %j",
    async (common) => {
      expect(await isGuessable(common)).toBe(true);
      expect(await messages(common)).toEqual([WEAK_PASSWORD_MESSAGE]);
    },
  );

  it("names a common password as common in any letter case", async () => {
    expect(await passwordStrength("IloveYou")).toMatchObject({ common: true });
    expect(await passwordStrength("QWERTYUIOP")).toMatchObject({ common: true });
  });

  it.each(["abcdefgh", "x".repeat(40), "12345678910", "rekindle2024", "qazwsxedc"])(
    "refuses %j, a sequence, repeat or keyboard walk guessed at once",
    async (weak) => expect(await isGuessable(weak)).toBe(true),
  );

  it.each([
    "a calm walk 4f3e",
    "a calm walk 1a2b3c4d",
    "correct horse battery staple",
    " Zoë’s 🔑 ключ — 日本語のパスワード",
  ])("accepts %j", async (fine) => {
    expect(await isGuessable(fine)).toBe(false);
    expect(await messages(fine)).toEqual([]);
  });

  it("says only the length for a password that is too short or too long", async () => {
    expect(await messages("1234567")).toEqual(["Please use at least 8 characters."]);
    expect(await messages(`a calm walk ${"x".repeat(120)}`)).toEqual([
      "Please use at most 128 characters.",
    ]);
  });

  it("is the rule of sign-up and of a reset", async () => {
    const signUp = await signUpInput.safeParseAsync({
      displayName: "Sam",
      email: "sam@example.com",
      password: "iloveyou",
    });
    expect(signUp.error?.issues).toMatchObject([
      { path: ["password"], message: WEAK_PASSWORD_MESSAGE },
    ]);
    const reset = await resetPasswordInput.safeParseAsync({ token: "t", password: "qwertyuiop" });
    expect(reset.error?.issues).toMatchObject([
      { path: ["password"], message: WEAK_PASSWORD_MESSAGE },
    ]);
  });
});
