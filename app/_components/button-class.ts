export type Variant = "primary" | "secondary" | "quiet" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-accent text-accent-ink hover:opacity-90 shadow-sm",
  secondary: "border border-line bg-surface text-ink hover:bg-accent-soft",
  quiet: "text-accent underline-offset-4 hover:underline",
  danger: "border border-danger text-danger bg-surface hover:bg-accent-soft",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-base font-semibold transition disabled:cursor-not-allowed disabled:opacity-60 ${styles[variant]} ${extra}`;
}
