"use client";

import { SavedToggle } from "./saved-toggle";

/**
 * Hides the "who reaches out" score for a person whom counting who texted first keeps
 * circling. The score shows until the person chooses.
 */
export function InitiativeChoice({ hidden }: { hidden: boolean }) {
  return (
    <SavedToggle
      id="who-reaches-out"
      title="Who reaches out"
      label="Hide who reaches out"
      description="If keeping score of who texted first keeps you checking and waiting, hide it. Home stops showing the share and the weekly chart; your contact log stays as it is. You can show it again any time."
      initial={hidden}
      mutation={(t) => t.account.setHideInitiative.mutate}
      toInput={(hideInitiative) => ({ hideInitiative })}
      fromSaved={(saved) => saved.hideInitiative}
    />
  );
}
