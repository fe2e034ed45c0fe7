/**
 * A helpline's number as one tap to call. It never breaks across lines: "0808 2000 247" cut
 * after "2000" reads as two numbers to someone in a hurry.
 */
export function HelplinePhone({ phone, className = "" }: { phone: string; className?: string }) {
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className={`whitespace-nowrap ${className}`}>
      {phone}
    </a>
  );
}
