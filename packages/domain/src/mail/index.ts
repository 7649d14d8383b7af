/** The outbox's rules: what a queued message is, and what happens after a failed delivery. */
export * from "./content";
export * from "./outbox";
