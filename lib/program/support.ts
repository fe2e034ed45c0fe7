import type { Helpline } from "./types";

/**
 * Free, confidential lines for a hard moment that is not about safety: the support page
 * lists them before the safety screen's helplines. Named by what they do, not by the plan,
 * so they read the same in discreet mode.
 */
export const talkLines: readonly Helpline[] = [
  {
    region: "United States",
    name: "988 Suicide & Crisis Lifeline",
    phone: "988",
    text: "Or text 988",
    url: "https://988lifeline.org/",
  },
  {
    region: "United Kingdom and Ireland",
    name: "Samaritans",
    phone: "116 123",
    url: "https://www.samaritans.org/",
  },
  {
    region: "Australia",
    name: "Lifeline",
    phone: "13 11 14",
    url: "https://www.lifeline.org.au/",
  },
  {
    region: "Worldwide",
    name: "Find A Helpline",
    url: "https://findahelpline.com/",
  },
];
