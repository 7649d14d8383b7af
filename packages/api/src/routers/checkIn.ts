import { REGISTRATION_MANAGERS } from "@tribune/domain/auth";
import {
  CheckInByCode,
  CheckInById,
  CheckInResult,
  CheckInSearch,
  CheckInUndoInput,
  RecentCheckInsInput,
  Registration,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { checkIn, recentArrivals, searchDesk } from "../services/registrations/check-in";
import { undoCheckIn } from "../services/registrations/undo-check-in";
import { procedureFor } from "../trpc";

const desk = procedureFor(...REGISTRATION_MANAGERS);

export const checkInRouter = {
  /** By name, email or code: people still expected first. */
  search: desk
    .input(CheckInSearch)
    .output(z.array(Registration))
    .query(({ ctx, input }) => searchDesk(ctx, input)),

  /** The code typed or scanned from the attendee's QR code. */
  byCode: desk
    .input(CheckInByCode)
    .output(CheckInResult)
    .mutation(({ ctx, input }) => checkIn(ctx, input)),

  /** One tap on a search result. */
  byId: desk
    .input(CheckInById)
    .output(CheckInResult)
    .mutation(({ ctx, input }) => checkIn(ctx, input)),

  /** Takes a check-in back: within a few minutes at the desk, any time for organisers. Audited. */
  undo: desk
    .input(CheckInUndoInput)
    .output(Registration)
    .mutation(({ ctx, input }) => undoCheckIn(ctx, input.registrationId)),

  recent: desk
    .input(RecentCheckInsInput)
    .output(z.array(Registration))
    .query(({ ctx, input }) => recentArrivals(ctx, input)),
} satisfies TRPCRouterRecord;
