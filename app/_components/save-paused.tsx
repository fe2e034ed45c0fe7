/**
 * While a save waits for the network (react-query pauses it offline): what was typed is
 * safe in the form and is sent once the phone is back online.
 */
export function SavePaused({ paused, what }: { paused: boolean; what: string }) {
  if (!paused) return null;
  return (
    <p role="status" className="rounded-xl bg-accent-soft px-4 py-3 text-sm font-medium">
      You seem to be offline. {what} safe here and will be saved as soon as you're back online.
      Please keep this page open.
    </p>
  );
}
