export * from "./backup";
export * from "./client";
export * from "./events";
export { DataDirInUseError } from "./lock";
export * from "./repos/account-tokens";
export * from "./repos/app-secrets";
export * from "./repos/attendees";
export * from "./repos/audit";
export * from "./repos/auth-sessions";
export * from "./repos/dossiers";
export * from "./repos/editions";
export * from "./repos/idempotency";
export * from "./repos/kind-mappings";
export * from "./repos/members";
export * from "./repos/motions";
export * from "./repos/outbox";
export * from "./repos/people";
export * from "./repos/press-kit-frames";
export * from "./repos/press-kit-sections";
export * from "./repos/registrations";
export * from "./repos/retention";
export * from "./repos/rooms";
export * from "./repos/session-stamps";
export * from "./repos/sessions";
export * from "./repos/signups";
export * from "./repos/subdivisions";
export * from "./repos/survey-free-text";
export * from "./repos/survey-invitations";
export * from "./repos/surveys";
export * from "./repos/users";
export * as schema from "./schema";
export { holdsEdition, realActivity } from "./seed/demo";
export { seedReferenceDossiers } from "./seed/dossiers";
export { seedReferenceEdition } from "./seed/reference";
export {
  ensureEditionQuota,
  seedSubdivisions,
  seedSyntheticRegistrations,
} from "./seed/subdivisions";
export { seedReferenceSurveys } from "./seed/surveys";
export { isDatabaseUnavailable } from "./unavailable";
