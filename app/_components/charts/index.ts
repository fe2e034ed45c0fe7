/**
 * Pictures for the dashboard. Each takes a part of `dashboard.get`'s output, draws it with
 * the theme's colours (light and dark), and says the same in words for screen readers.
 */
export { ActivityCalendar } from "./activity-calendar";
export { InitiativeChart, initiativeSummary } from "./initiative-chart";
export { MoodChart, moodSummary } from "./mood-chart";
export { StreakBadge, streakMessage } from "./streak-badge";
