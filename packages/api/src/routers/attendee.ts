import { REGISTRATION_MANAGERS } from "@tribune/domain/auth";
import {
  AttendeeCancelInput,
  AttendeeOpenInput,
  AttendeeSpace,
  AttendeeTokenInput,
  AttendeeUpdateInput,
  BadgeSheets,
  BadgesQuery,
  CertificateBook,
  CertificatesQuery,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  badgeSheets,
  certificateBook,
  ownBadge,
  ownCertificate,
} from "../services/attendee/documents";
import { openByCode, openByToken } from "../services/attendee/space";
import { cancelOwn, updateOwnOptions } from "../services/attendee/update";
import { procedureFor, publicProcedure, rateLimitedPublicProcedure } from "../trpc";

const manager = procedureFor(...REGISTRATION_MANAGERS);

/**
 * The attendee's space (`/public/mon-inscription`) and the attendees' documents. The public
 * procedures take the signed token of the link (or the one `open` hands out): it names the
 * registration and cannot be guessed, so only `open`, which takes a code and an address, is
 * counted per client address. Workshops go through `signup.*` with the registration code.
 */
export const attendeeRouter = {
  /** Code + e-mail → the space and its token; the same refusal for any mismatch. */
  open: rateLimitedPublicProcedure("code")
    .input(AttendeeOpenInput)
    .output(AttendeeSpace)
    .mutation(({ ctx, input }) => openByCode(ctx, input)),

  get: publicProcedure
    .input(AttendeeTokenInput)
    .output(AttendeeSpace)
    .query(({ ctx, input }) => openByToken(ctx, input.token)),

  /** Meals, gala, year of training, subdivision: until arrival or the end of the congress. */
  update: publicProcedure
    .input(AttendeeUpdateInput)
    .output(AttendeeSpace)
    .mutation(({ ctx, input }) => updateOwnOptions(ctx, input)),

  /** Cancels (confirmed on the page); the first person waiting gets the place. */
  cancel: publicProcedure
    .input(AttendeeCancelInput)
    .output(AttendeeSpace)
    .mutation(({ ctx, input }) => cancelOwn(ctx, input.token)),

  /** The attendee's badge as a model (the server renders the PDF). */
  badge: publicProcedure
    .input(AttendeeTokenInput)
    .output(BadgeSheets)
    .query(({ ctx, input }) => ownBadge(ctx, input.token)),

  /** The attendee's attendance certificate, once checked in. */
  certificate: publicProcedure
    .input(AttendeeTokenInput)
    .output(CertificateBook)
    .query(({ ctx, input }) => ownCertificate(ctx, input.token)),

  /** Organisers: badges of everyone holding a place, a subdivision, or since a day. Audited. */
  badges: manager
    .input(BadgesQuery)
    .output(BadgeSheets)
    .query(({ ctx, input }) => badgeSheets(ctx, input)),

  /** Organisers: every checked-in attendee's certificate. Audited. */
  certificates: manager
    .input(CertificatesQuery)
    .output(CertificateBook)
    .query(({ ctx, input }) => certificateBook(ctx, input)),
} satisfies TRPCRouterRecord;
