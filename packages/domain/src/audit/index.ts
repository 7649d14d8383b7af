/** The audit log: what an entry is, who may read which kinds, and its French wording. */
export * from "./describe";
export * from "./entry";
