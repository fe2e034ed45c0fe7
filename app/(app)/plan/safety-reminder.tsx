import { HelplinePhone } from "@/app/_components/helpline-phone";
import { currentProgram, type Person, personalize } from "@/lib/program";

const nobody: Person = { name: null, pronouns: "they" };

/** Kept on the plan for someone who went on despite a safety concern. */
export function SafetyReminder() {
  const { concern } = currentProgram.safety;
  const phones = concern.helplines.filter((h) => h.phone);
  return (
    <aside className="rounded-xl border border-danger bg-accent-soft p-4 text-sm">
      <p className="font-semibold">{personalize(concern.dangerNow, nobody)}</p>
      <p className="mt-1">
        Help is there whenever you want it:{" "}
        {phones.map((h, i) => (
          <span key={h.name}>
            {i > 0 ? " · " : ""}
            {h.name} ({h.region}) <HelplinePhone phone={h.phone ?? ""} className="underline" />
          </span>
        ))}
      </p>
    </aside>
  );
}
