export { createAccount } from "./accounts";
export { SYSTEM } from "./audit";
export { hashPassword } from "./auth/passwords";
export { resolveActor } from "./auth/session";
export { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./auth/tokens";
export type { Actor, Context, CookieJar } from "./context";
export {
  asDatabaseUnavailable,
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
  INTERNAL_MESSAGE,
} from "./errors";
export {
  createPublicCache,
  type EditionScoped,
  listeningPublicCache,
  PUBLIC_CACHE_MAX_AGE_MS,
  type PublicCache,
  staleAfter,
} from "./public-cache";
export {
  type Allowance,
  createPublicRateLimits,
  DEFAULT_ALLOWANCES,
  type PublicRateLimits,
} from "./rate-limit";
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from "./root";
/** The use cases the command line runs, in the system's context (the same the routers call). */
export * as accountServices from "./services/accounts";
export { settlePasswordResets } from "./services/accounts/request-password-reset";
export { attendeeCalendarFile } from "./services/attendee/calendar";
export { badgeSheets, certificateBook } from "./services/attendee/documents";
// Editions, for the command line: the same services as the routers.
export { archiveEdition } from "./services/editions/archive";
export { createEdition } from "./services/editions/create";
export { createEditionFrom } from "./services/editions/create-from";
export { updateEditionFields } from "./services/editions/update";
export { editionView } from "./services/editions/view";
export { type ServiceContext, systemContext } from "./services/kit";
export { listOutbox } from "./services/mail/list";
export { bodyOfStoredMessage, renderQueuedMail } from "./services/mail/render";
export { attendeeLinkSecret, signAttendeeToken } from "./services/registrations/attendee-link";
export { purgeExpiredPersonalData } from "./services/registrations/purge-expired";
export * from "./services/schedule/exports";
export { subdivisionNamed } from "./services/subdivisions/named";
export { stopInvitationJobs } from "./services/surveys/invitations/jobs";
export type {
  InvitationDelivery,
  InvitationMailer,
  InvitationMessage,
} from "./services/surveys/invitations/port";
export { startInvitations } from "./services/surveys/invitations/start";
