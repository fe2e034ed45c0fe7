import { cookies } from "next/headers";
import { HelplineList } from "@/app/_components/helplines";
import { Link } from "@/app/_components/link";
import { talkLines } from "@/lib/program/support";
import { SUPPORT_LATER_COOKIE } from "./support-later";
import { SupportOfferCard } from "./support-offer-card";

/**
 * A gentle offer of support on Home, when the dashboard saw very low moods on several days
 * running (lib/stats/low-mood.ts). Not now hides it on this browser for a few days. Its
 * words name no plan and no person, so it reads the same in discreet mode.
 */
export async function SupportOffer({ offer, userId }: { offer: boolean; userId: string }) {
  if (!offer) return null;
  if ((await cookies()).get(SUPPORT_LATER_COOKIE)?.value === userId) return null;
  return (
    <SupportOfferCard userId={userId}>
      <h2 id="support-offer" className="text-lg font-bold">
        These last days sound heavy
      </h2>
      <p>
        You've noted a very low mood on several days in a row. That's a lot to carry, and you don't
        have to carry it alone. Talking can help: a friend, your doctor, or one of these free,
        confidential lines.
      </p>
      <HelplineList helplines={talkLines} />
      <p className="text-sm">
        If you might act on thoughts of hurting yourself, call your local emergency number now.{" "}
        <Link href="/support" className="font-semibold text-accent underline underline-offset-4">
          More places to find support
        </Link>
      </p>
    </SupportOfferCard>
  );
}
