import { checkInRegistration, recentCheckIns, searchForCheckIn } from "@tribune/db";
import {
  CheckInByCode,
  CheckInById,
  CheckInResult,
  CheckInSearch,
  checkInMessage,
  REGISTRATION_MANAGERS,
  Registration,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Actor, Context } from "../context";
import { publishRegistrationChange } from "../live";
import { procedureFor } from "../trpc";

const desk = procedureFor(...REGISTRATION_MANAGERS);

/**
 * Checks in once; a second time writes nothing and says when the first one was. The check-in
 * and its audit entry are one statement: the desk's request costs one round trip after the
 * session lookup.
 */
async function checkIn(
  ctx: Context & { actor: Actor },
  target: { id: string } | { editionId: string; code: string },
) {
  const { registration, alreadyCheckedIn } = await checkInRegistration(
    ctx.db,
    target,
    auditActor(ctx.actor),
  );
  if (!alreadyCheckedIn)
    publishRegistrationChange(ctx, registration.editionId, [registration.subdivisionId]);
  return {
    registration,
    alreadyCheckedIn,
    message: checkInMessage(registration, alreadyCheckedIn),
  };
}

export const checkInRouter = {
  /** By name, email or code: people still expected first. */
  search: desk
    .input(CheckInSearch)
    .output(z.array(Registration))
    .query(({ ctx, input }) => searchForCheckIn(ctx.db, input.editionId, input.query, input.limit)),

  /** The code typed or scanned from the attendee's QR code. */
  byCode: desk
    .input(CheckInByCode)
    .output(CheckInResult)
    .mutation(({ ctx, input }) => checkIn(ctx, input)),

  /** One tap on a search result. */
  byId: desk
    .input(CheckInById)
    .output(CheckInResult)
    .mutation(({ ctx, input }) => checkIn(ctx, { id: input.registrationId })),

  recent: desk
    .input(z.object({ editionId: z.uuid(), limit: z.int().min(1).max(50).default(8) }))
    .output(z.array(Registration))
    .query(({ ctx, input }) => recentCheckIns(ctx.db, input.editionId, input.limit)),
} satisfies TRPCRouterRecord;
