import { preloadStrength } from "./auth/strength";
import { assertProductionSettings, isBuildPhase } from "./env";

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
}
