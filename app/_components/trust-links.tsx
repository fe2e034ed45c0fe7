import { Link } from "@/app/_components/link";

/** Where the privacy and "who we are" pages live: public, no sign-in. */
export const PRIVACY_PATH = "/privacy";
export const CONTACT_PATH = "/contact";

/** Links to the two trust pages, for the landing page, Settings and the pages themselves. */
export function TrustLinks() {
  const link = "font-semibold text-accent underline underline-offset-4";
  return (
    <>
      <Link href={PRIVACY_PATH} className={link}>
        Privacy: what we keep
      </Link>
      <Link href={CONTACT_PATH} className={link}>
        Who we are
      </Link>
    </>
  );
}
