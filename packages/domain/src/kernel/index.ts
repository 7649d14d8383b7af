/**
 * The shared kernel every area builds on: domain errors, refusals and decisions, the input
 * vocabulary (bounded text and integers, web addresses), Paris time, and zod's French messages.
 */
export * from "./errors";
export * from "./input";
export * from "./refusal";
export * from "./time";
export * from "./zod-french";
