"use client";

import { createContext, useContext } from "react";
import { stepName } from "@/lib/program/discreet";

const DiscreetContext = createContext(false);

/** Tells every signed-in page's client parts whether discreet mode is on (the layout sets it). */
export const DiscreetProvider = DiscreetContext.Provider;

/** Whether discreet mode is on: then words that tell what the plan is about stay unsaid. */
export function useDiscreet(): boolean {
  return useContext(DiscreetContext);
}

/** A step by name, as lists and pickers show it: "Step 2: Talk about what happened", or "Step 2". */
export function StepName({ number, title }: { number: number; title: string }) {
  return stepName(number, title, useDiscreet());
}
