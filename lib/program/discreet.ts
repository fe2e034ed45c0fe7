/**
 * Words for discreet mode, where anything on the screen may be glanced at by someone else:
 * a step is known by its number, never by a title that says what the plan is about.
 */

/** A step's heading: its title, or in discreet mode "Step 2". */
export function stepHeading(number: number, title: string, discreet: boolean): string {
  return discreet ? `Step ${number}` : title;
}

/** A step named in a list or a line: "Step 2: Talk about what happened", or "Step 2". */
export function stepName(number: number, title: string, discreet: boolean): string {
  return discreet ? `Step ${number}` : `Step ${number}: ${title}`;
}

/**
 * The plan's start date, named without saying what it was: the contact form's discreet
 * hint and the refusal of a contact dated before it use the same words.
 */
export const PLAN_START_DATE = "the date your plan counts from";
