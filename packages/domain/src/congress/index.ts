/** Editions, rooms, people (speakers, partners) and sessions: what a congress is made of. */
export * from "./catalog";
export * from "./edition";
export * from "./editionCopy";
export * from "./editionDecisions";
export * from "./editionLifecycle";
export * from "./people";
export * from "./room";
export * from "./session";
