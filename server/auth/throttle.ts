import "#server-only";
import { limitKeyForAddress } from "@/server/client-ip";
import { LIMITS, type Limits, limits } from "@/server/limits";

/**
 * Sign-in throttling, shared by every instance through the limits' store. Failures are
 * counted per e-mail and address (so the right password from elsewhere still works) and
 * per address (someone trying many accounts). Reaching the per-account limit locks that
 * pair out for 15 minutes, then 30, 60… up to a day, as lockouts repeat.
 */
const BASE_LOCKOUT_SECONDS = 15 * 60;
const MAX_LOCKOUT_SECONDS = 24 * 60 * 60;

const accountKey = (email: string, address: string) =>
  `${email.trim().toLowerCase()}|${limitKeyForAddress(address)}`;

/** Throws RateLimitedError when this e-mail or this address must wait. */
export async function beforeSignIn(
  email: string,
  address: string,
  l: Limits | Promise<Limits> = limits(),
): Promise<void> {
  await (await l).check("signInFailuresPerAddress", limitKeyForAddress(address));
  await (await l).check("signInFailuresPerAccount", accountKey(email, address));
}

/** Counts a wrong e-mail or password; the lockout grows with each one reached. */
export async function afterFailedSignIn(
  email: string,
  address: string,
  store: Limits | Promise<Limits> = limits(),
): Promise<void> {
  const l = await store;
  const key = accountKey(email, address);
  await l.count("signInFailuresPerAddress", limitKeyForAddress(address));
  const failures = await l.count("signInFailuresPerAccount", key);
  if (failures >= LIMITS.signInFailuresPerAccount.points) {
    const lockouts = await l.count("signInLockouts", key);
    const seconds = Math.min(MAX_LOCKOUT_SECONDS, BASE_LOCKOUT_SECONDS * 2 ** (lockouts - 1));
    await l.block("signInFailuresPerAccount", key, seconds);
  }
}

/** A right password clears this pair's failures (not its lockout history). */
export async function afterSignIn(
  email: string,
  address: string,
  l: Limits | Promise<Limits> = limits(),
): Promise<void> {
  await (await l).reset("signInFailuresPerAccount", accountKey(email, address));
}

/** Counts one new account from this address; throws RateLimitedError past the limit. */
export async function beforeSignUp(
  address: string,
  l: Limits | Promise<Limits> = limits(),
): Promise<void> {
  await (await l).consume("signUpPerAddress", limitKeyForAddress(address));
}
