import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { PRIVACY_PATH } from "@/app/_components/trust-links";
import { contactAddress } from "@/server/http/site";
import { TrustSection, TrustShell } from "../trust-shell";

export const metadata: Metadata = {
  title: "Who we are",
  description: "Who looks after this Rekindle, and how to reach them.",
};

const link = "font-semibold text-accent underline underline-offset-4";

/** Who is behind Rekindle and how to reach them: the address comes from CONTACT_EMAIL. */
export default function ContactPage() {
  const address = contactAddress();
  return (
    <TrustShell title="Who we are">
      <p className="text-lg">
        Rekindle is a small, independent app for finding your way back to someone, calmly and
        privately. It has no adverts and sells nothing about you.
      </p>

      <TrustSection id="reach" title="How to reach us">
        {address ? (
          <>
            <p>
              Write to the people who look after this Rekindle at{" "}
              <a href={`mailto:${address}`} className={`${link} [overflow-wrap:anywhere]`}>
                {address}
              </a>
              . A real person reads every message, and we'll answer as soon as we can.
            </p>
            <p>
              Please don't send your password: we will never ask for it. To ask about your data,
              write from the address you signed up with.
            </p>
          </>
        ) : (
          <p>
            Whoever looks after this Rekindle hasn't given an address yet. Meanwhile, everything
            about your data is in your own hands: in Settings you can download it or delete your
            account, without asking anyone.
          </p>
        )}
      </TrustSection>

      <TrustSection id="who-runs-it" title="Who runs it">
        <p>
          Anyone can run Rekindle on a server of their own. The people who run this one look after
          its database and answer for it. That database holds no buddy link, no password and nothing
          you type before you save it. What is kept, and who can see it, is on the{" "}
          <Link href={PRIVACY_PATH} className={link}>
            privacy page
          </Link>
          .
        </p>
      </TrustSection>

      <TrustSection id="not-counselling" title="What we can't do">
        <p>
          We can't give advice or counselling by e-mail. If things feel too heavy, talk to someone
          you trust, or find a free, confidential line near you at{" "}
          <a href="https://findahelpline.com/" className={link} rel="noreferrer">
            findahelpline.com
          </a>
          . If you are in danger right now, call your local emergency number.
        </p>
      </TrustSection>
    </TrustShell>
  );
}
