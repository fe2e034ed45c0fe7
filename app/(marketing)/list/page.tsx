import type { Metadata } from "next";

/**
 * Where quick-hide (app/_components/quick-hide.tsx) sends someone: an ordinary-looking
 * list with nothing of Rekindle on it, not even in the title, and no way back to the page
 * that was showing. Public and the same for everyone, so it reveals nothing either.
 */
export const metadata: Metadata = {
  title: { absolute: "Shopping list" },
  description: "A shopping list.",
  robots: { index: false, follow: false },
};

const items = [
  "Oat milk",
  "Bread",
  "Tomatoes",
  "Rice",
  "Washing-up liquid",
  "Apples",
  "Coffee",
  "Batteries (AA)",
];

export default function ListPage() {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-5 pt-8 pb-16">
      <h1 className="text-3xl font-bold">Shopping list</h1>
      <ul className="flex flex-col divide-y divide-line rounded-2xl border border-line bg-surface">
        {items.map((item) => (
          <li key={item} className="px-4 py-3">
            {item}
          </li>
        ))}
      </ul>
    </main>
  );
}
