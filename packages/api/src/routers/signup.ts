import {
  findEdition,
  findRegistration,
  findRegistrationByCode,
  idempotent,
  joinSession,
  leaveSession,
  listSessionSignups,
  recordAudit,
  retryTransaction,
  type SignupOptions,
  type SignupOutcome,
  sessionPlaces,
  setSessionCapacity,
  signupSession,
  signupsOfRegistration,
} from "@tribune/db";
import {
  DomainError,
  REGISTRATION_MANAGERS,
  RegistrationCode,
  SessionCapacityInput,
  SessionPlaces,
  SessionSignup,
  SessionSignupEntry,
  SignupByHandInput,
  SignupJoinInput,
  SignupLeaveInput,
  SignupReceipt,
  SignupRemoveInput,
  SignupStatus,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Context } from "../context";
import { found } from "../found";
import { auditLeave, auditPromotions } from "../services/signup-audit";
import { procedureFor, rateLimitedPublicProcedure } from "../trpc";

const manager = procedureFor(...REGISTRATION_MANAGERS);
const viewer = procedureFor(...REGISTRATION_MANAGERS, "bureau");

const NO_SUCH_CODE = "Aucune inscription au congrès ne correspond à ce code.";

async function registrationOfCode(ctx: Context, code: string) {
  const registration = await findRegistrationByCode(ctx.db, code);
  if (!registration) throw new DomainError("not_found", NO_SUCH_CODE);
  return registration;
}

const receiptOf = (outcome: SignupOutcome): SignupReceipt => ({
  sessionId: outcome.session.id,
  title: outcome.session.title,
  status: outcome.signup.status,
  waitlistPosition: outcome.signup.waitlistPosition,
  alreadySignedUp: outcome.alreadySignedUp,
});

/** Signs up, once per idempotency key, in one transaction with its audit entry. */
async function join(
  ctx: Context,
  scope: string,
  registrationId: string,
  sessionId: string,
  idempotencyKey: string | undefined,
  options: SignupOptions = {},
): Promise<SignupReceipt> {
  const { value } = await idempotent(
    ctx.db,
    scope,
    idempotencyKey,
    { registrationId, sessionId },
    async (tx) => {
      const outcome = await joinSession(tx, registrationId, sessionId, options);
      if (!outcome.alreadySignedUp)
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "registration",
          entityId: registrationId,
          action: "update",
          after: { sessionSignup: outcome.signup },
        });
      return receiptOf(outcome);
    },
  );
  return value;
}

async function leave(
  ctx: Context,
  registrationId: string,
  sessionId: string,
  options: SignupOptions = {},
) {
  return retryTransaction(ctx.db, async (tx) => {
    const outcome = await leaveSession(tx, registrationId, sessionId, options);
    if (!outcome.before)
      throw new DomainError("not_found", "Cette personne n'est pas inscrite à cette session.");
    await auditLeave(tx, auditActor(ctx.actor), registrationId, outcome);
    return outcome;
  });
}

/** A session's places and the attendee's own status there (the confirmation page). */
export const SignupOption = SessionPlaces.extend({
  status: SignupStatus.nullable(),
  waitlistPosition: z.int().positive().nullable(),
});

export const signupRouter = {
  /**
   * Public: an attendee with a congress place signs up for a workshop or toolbox with their
   * registration code; the waitlist when it is full. Send an idempotency key with retries. A
   * draft session answers as one that does not exist.
   */
  join: rateLimitedPublicProcedure("code")
    .input(SignupJoinInput)
    .output(SignupReceipt)
    .mutation(async ({ ctx, input }) => {
      const registration = await registrationOfCode(ctx, input.code);
      return join(ctx, "signup.join", registration.id, input.sessionId, input.idempotencyKey, {
        publishedOnly: true,
      });
    }),

  /** Public: leaves the session; the first person waiting gets the place. */
  leave: rateLimitedPublicProcedure("code")
    .input(SignupLeaveInput)
    .output(SignupReceipt)
    .mutation(async ({ ctx, input }) => {
      const registration = await registrationOfCode(ctx, input.code);
      const outcome = await leave(ctx, registration.id, input.sessionId, {
        publishedOnly: true,
      });
      return {
        sessionId: outcome.session.id,
        title: outcome.session.title,
        status: "cancelled" as const,
        waitlistPosition: null,
        alreadySignedUp: outcome.before?.status === "cancelled",
      };
    }),

  /**
   * Public, with a registration code: the edition's published workshops and toolboxes with
   * their places left, and the attendee's own status in each. Counts only, no names.
   */
  options: rateLimitedPublicProcedure("code")
    .input(z.object({ code: RegistrationCode }))
    .output(z.array(SignupOption))
    .query(async ({ ctx, input }) => {
      const registration = await registrationOfCode(ctx, input.code);
      const [places, mine] = [
        await sessionPlaces(ctx.db, registration.editionId, { publishedOnly: true }),
        await signupsOfRegistration(ctx.db, registration.id),
      ];
      return places.map((p) => {
        const own = mine.find((s) => s.sessionId === p.sessionId);
        return {
          ...p,
          status: own?.status ?? null,
          waitlistPosition: own?.waitlistPosition ?? null,
        };
      });
    }),

  /** An organiser signs someone up by hand (same rules: capacity, overlaps, one per person). */
  add: manager
    .input(SignupByHandInput)
    .output(SignupReceipt)
    .mutation(async ({ ctx, input }) => {
      found(await findRegistration(ctx.db, input.registrationId), "Inscription");
      return join(ctx, "signup.add", input.registrationId, input.sessionId, input.idempotencyKey);
    }),

  remove: manager
    .input(SignupRemoveInput)
    .output(z.object({ signup: SessionSignup.nullable(), promoted: z.array(SessionSignup) }))
    .mutation(async ({ ctx, input }) => {
      const { signup, promoted } = await leave(ctx, input.registrationId, input.sessionId);
      return { signup, promoted };
    }),

  /**
   * Sets a session's places (null: its override or rooms decide); when they grow, the people
   * waiting get them in order, in the same transaction.
   */
  setCapacity: manager
    .input(SessionCapacityInput)
    .output(z.object({ places: SessionPlaces, promoted: z.array(SessionSignup) }))
    .mutation(async ({ ctx, input }) => {
      const { session, promoted } = await retryTransaction(ctx.db, async (tx) => {
        const change = await setSessionCapacity(tx, input.sessionId, input.capacity);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "session",
          entityId: input.sessionId,
          action: "update",
          before: { capacity: change.before },
          after: { capacity: change.after },
        });
        await auditPromotions(tx, auditActor(ctx.actor), change.promoted);
        return { session: await signupSession(tx, input.sessionId), promoted: change.promoted };
      });
      const places = (await sessionPlaces(ctx.db, session.editionId)).find(
        (p) => p.sessionId === session.id,
      );
      if (!places) throw new DomainError("not_found", "Session introuvable.");
      return { places, promoted };
    }),

  /** A session's sign-ups with names: confirmed, then the waitlist in order, then those who left. */
  list: manager
    .input(z.object({ sessionId: z.uuid() }))
    .output(z.object({ places: SessionPlaces, items: z.array(SessionSignupEntry) }))
    .query(async ({ ctx, input }) => {
      const session = await signupSession(ctx.db, input.sessionId);
      const places = (await sessionPlaces(ctx.db, session.editionId)).find(
        (p) => p.sessionId === session.id,
      );
      if (!places) throw new DomainError("not_found", "Session introuvable.");
      return { places, items: await listSessionSignups(ctx.db, session.id) };
    }),

  /** Capacity, confirmed and waiting for every workshop and toolbox of the edition. */
  overview: viewer
    .input(z.object({ editionId: z.uuid() }))
    .output(z.array(SessionPlaces))
    .query(async ({ ctx, input }) => {
      found(await findEdition(ctx.db, input.editionId), "Édition");
      return sessionPlaces(ctx.db, input.editionId);
    }),
} satisfies TRPCRouterRecord;
