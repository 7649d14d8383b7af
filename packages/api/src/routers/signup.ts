import { REGISTRATION_MANAGERS } from "@tribune/domain/auth";
import {
  SessionCapacityInput,
  SessionPlaces,
  SessionSignup,
  SessionSignupEntry,
  SessionSignupsQuery,
  SignupByHandInput,
  SignupJoinInput,
  SignupLeaveInput,
  SignupOption,
  SignupOptionsInput,
  SignupOverviewQuery,
  SignupReceipt,
  SignupRemoveInput,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { addByHand, joinByCode } from "../services/signups/join";
import { leaveByCode, removeByHand } from "../services/signups/leave";
import { sessionSignups, signupOptions, signupOverview } from "../services/signups/queries";
import { setSessionPlaces } from "../services/signups/set-capacity";
import { procedureFor, rateLimitedPublicProcedure } from "../trpc";

const manager = procedureFor(...REGISTRATION_MANAGERS);
const viewer = procedureFor(...REGISTRATION_MANAGERS, "bureau");

export const signupRouter = {
  /**
   * Public: an attendee with a congress place signs up for a workshop or toolbox with their
   * registration code; the waitlist when it is full. Send an idempotency key with retries. A
   * draft session answers as one that does not exist.
   */
  join: rateLimitedPublicProcedure("code")
    .input(SignupJoinInput)
    .output(SignupReceipt)
    .mutation(({ ctx, input }) => joinByCode(ctx, input)),

  /** Public: leaves the session; the first person waiting gets the place. */
  leave: rateLimitedPublicProcedure("code")
    .input(SignupLeaveInput)
    .output(SignupReceipt)
    .mutation(({ ctx, input }) => leaveByCode(ctx, input)),

  /**
   * Public, with a registration code: the edition's published workshops and toolboxes with
   * their places left, and the attendee's own status in each. Counts only, no names.
   */
  options: rateLimitedPublicProcedure("code")
    .input(SignupOptionsInput)
    .output(z.array(SignupOption))
    .query(({ ctx, input }) => signupOptions(ctx, input)),

  /** An organiser signs someone up by hand (same rules: capacity, overlaps, one per person). */
  add: manager
    .input(SignupByHandInput)
    .output(SignupReceipt)
    .mutation(({ ctx, input }) => addByHand(ctx, input)),

  remove: manager
    .input(SignupRemoveInput)
    .output(z.object({ signup: SessionSignup.nullable(), promoted: z.array(SessionSignup) }))
    .mutation(({ ctx, input }) => removeByHand(ctx, input)),

  /**
   * Sets a session's places (null: its override or rooms decide); when they grow, the people
   * waiting get them in order, in the same transaction.
   */
  setCapacity: manager
    .input(SessionCapacityInput)
    .output(z.object({ places: SessionPlaces, promoted: z.array(SessionSignup) }))
    .mutation(({ ctx, input }) => setSessionPlaces(ctx, input)),

  /** A session's sign-ups with names: confirmed, then the waitlist in order, then those who left. */
  list: manager
    .input(SessionSignupsQuery)
    .output(z.object({ places: SessionPlaces, items: z.array(SessionSignupEntry) }))
    .query(({ ctx, input }) => sessionSignups(ctx, input)),

  /** Capacity, confirmed and waiting for every workshop and toolbox of the edition. */
  overview: viewer
    .input(SignupOverviewQuery)
    .output(z.array(SessionPlaces))
    .query(({ ctx, input }) => signupOverview(ctx, input)),
} satisfies TRPCRouterRecord;
