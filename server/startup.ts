import "#server-only";
import { preloadStrength } from "@/lib/strength";
import { assertProductionSettings, env, isBuildPhase } from "./env";
import { startProcessReminders } from "./reminders/runner";

// Refuse to serve with unsafe settings (a missing or short AUTH_SECRET in production)
// rather than fail at the first sign-in.
if (!isBuildPhase()) {
  try {
    assertProductionSettings();
  } catch (e) {
    console.error(`Rekindle cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  // The password-strength dictionaries take a moment to load: do it now, not while the
  // first person to sign up waits.
  preloadStrength();
  // Reminders are delivered by a timer in each server process; the database sees to it
  // that each goes out once however many processes run. Tests start their own.
  if (env().NODE_ENV !== "test") startProcessReminders();
}
