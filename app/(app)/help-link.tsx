import { NavLink } from "./nav-link";

/** Where support is found from every signed-in page: the helplines, one tap away. */
export const SUPPORT_PATH = "/support";

/**
 * The way to the helplines, at the top of every signed-in page beside Settings: a quiet
 * link, not an alarm. In discreet mode its words say nothing about why someone would need it.
 */
export function HelpLink({ discreet }: { discreet: boolean }) {
  return (
    <NavLink href={SUPPORT_PATH}>
      <svg viewBox="0 0 24 24" className="size-4 shrink-0" aria-hidden="true">
        <path
          d="M12 19.5s-7-4.3-7-9.6A3.9 3.9 0 0 1 12 7.6a3.9 3.9 0 0 1 7 2.3c0 5.3-7 9.6-7 9.6z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {discreet ? "Support" : "Helplines"}
    </NavLink>
  );
}
