/** A plain page of our own (app/(marketing)/list) that says nothing about Rekindle. */
export const HIDE_TO = "/list";

/** Set in the tab's sessionStorage by quick hide; hide-guard.tsx reads it. */
export const HIDDEN_KEY = "rekindle:hidden";
