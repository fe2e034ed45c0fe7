import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * How hard a password is to guess, as zxcvbn estimates it from common passwords, English
 * words, names, keyboard patterns and dates.
 *
 * The dictionaries are over a megabyte of script, so they load on the first check, once,
 * through dynamic imports: the server pays for them when someone first chooses a password,
 * and a browser only when its strength meter first runs. This module is shared by the
 * `password` rule and the meter, so both always agree.
 */

/** 0 (guessed at once) to 4 (very hard); zxcvbn's own scale. */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: StrengthScore;
  /** On the shipped list of common passwords (in any letter case). */
  common: boolean;
}

/** The lowest score accepted: "somewhat guessable", protected from unthrottled guessing. */
export const MIN_STRENGTH_SCORE = 2;

export const WEAK_PASSWORD_MESSAGE =
  "That password is easy to guess. Try a few unrelated words together.";

/** Words a guesser would try first against this site. */
const SITE_WORDS = ["rekindle"];

interface Estimator {
  zxcvbn: ZxcvbnFactory;
  commonPasswords: Set<string>;
}

let loading: Promise<Estimator> | undefined;

function estimator(): Promise<Estimator> {
  if (!loading) {
    const started = (async () => {
      const [{ ZxcvbnFactory }, common, english] = await Promise.all([
        import("@zxcvbn-ts/core"),
        import("@zxcvbn-ts/language-common"),
        import("@zxcvbn-ts/language-en"),
      ]);
      const zxcvbn = new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      });
      const commonPasswords = new Set(
        common.dictionary["passwords-common"].map((p) => p.toLowerCase()),
      );
      return { zxcvbn, commonPasswords };
    })();
    // A browser that lost its connection mid-load may try again on the next keystroke.
    started.catch(() => {
      if (loading === started) loading = undefined;
    });
    loading = started;
  }
  return loading;
}

/** Starts loading the dictionaries without waiting for them. */
export function preloadStrength(): void {
  estimator().catch(() => {});
}

export async function passwordStrength(password: string): Promise<PasswordStrength> {
  const { zxcvbn, commonPasswords } = await estimator();
  return {
    score: zxcvbn.check(password, SITE_WORDS).score,
    common: commonPasswords.has(password.toLowerCase()),
  };
}

export function isStrongEnough(strength: PasswordStrength): boolean {
  return !strength.common && strength.score >= MIN_STRENGTH_SCORE;
}

/** The rule new passwords must pass. */
export async function isGuessable(password: string): Promise<boolean> {
  return !isStrongEnough(await passwordStrength(password));
}
