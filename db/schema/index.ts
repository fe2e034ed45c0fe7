export * from "./accounts";
export * from "./activity";
export * from "./buddies";
export * from "./contacts";
export * from "./drafts";
export * from "./journal";
export * from "./journeys";
