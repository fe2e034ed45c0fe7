"use client";

import { SavedToggle } from "./saved-toggle";

/**
 * Settings' discretion section: discreet mode on or off, saved as soon as it is ticked,
 * and where quick-hide is explained. The whole page refreshes after a change, so the title
 * and the header's name follow at once.
 */
export function DiscreetToggle({ discreet }: { discreet: boolean }) {
  return (
    <SavedToggle
      id="discretion"
      title="Discretion"
      label="Discreet mode"
      description="Shows a plain name, “Notes”, in the tab and at the top of each page, and leaves their name out everywhere, your buddies’ pages included. Your data download stays complete."
      initial={discreet}
      mutation={(t) => t.account.setDiscreet.mutate}
      toInput={(on) => ({ discreet: on })}
      fromSaved={(saved) => saved.discreet}
    >
      <p className="text-sm text-muted">
        <span className="font-semibold text-ink">Quick hide:</span> press Escape twice to swap any
        page for a plain shopping list. In discreet mode, the Hide button at the top does the same
        on a phone. Back won't bring the page up again.
      </p>
    </SavedToggle>
  );
}
