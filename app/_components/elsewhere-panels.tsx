"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

const PANEL = "flex flex-col gap-3 rounded-xl border border-danger bg-accent-soft p-4";

/**
 * Another device saved this thing after the form opened: the person's own changes are
 * still in the form, and they choose which version to keep. `children` may show the other.
 */
export function ChangedElsewhere({
  title,
  note,
  onKeepMine,
  onUseTheirs,
  children,
}: {
  /** "This entry was changed on another device after you opened it." */
  title: string;
  note: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className={PANEL}>
      <p className="font-semibold">{title}</p>
      <p className="text-sm">{note}</p>
      {children}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button onClick={onKeepMine} className="flex-1">
          Keep mine and save
        </Button>
        <Button variant="secondary" onClick={onUseTheirs} className="flex-1">
          Use the other version
        </Button>
      </div>
    </div>
  );
}

/** Another device deleted this thing: what was typed is still here, to save as new. */
export function DeletedElsewhere({
  title,
  note,
  action,
  onAction,
  busy,
}: {
  title: string;
  note: string;
  action: string;
  onAction: () => void;
  busy: boolean;
}) {
  return (
    <div role="alert" className={PANEL}>
      <p className="font-semibold">{title}</p>
      <p className="text-sm">{note}</p>
      <Button onClick={onAction} busy={busy}>
        {action}
      </Button>
    </div>
  );
}
