/**
 * Everything the domain offers; each area also has its own face (`@tribune/domain/<area>`),
 * which new code imports to say which rules it depends on.
 */
export * from "./audit";
export * from "./audit-describe";
export * from "./auth";
export * from "./congress";
export * from "./dossiers";
export * from "./errors";
export * from "./input";
export * from "./mail";
export * from "./press-kit";
export * from "./refusal";
export * from "./schedule";
export * from "./surveys";
export * from "./time";
export * from "./union";
export * from "./zod-french";
