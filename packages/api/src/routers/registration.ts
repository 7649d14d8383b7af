import { LIVE_VIEWERS, REGISTRATION_MANAGERS, REGISTRATION_READERS } from "@tribune/domain/auth";
import {
  CancelByCodeInput,
  CancelInput,
  CapacityInput,
  EditionCapacity,
  EditionCapacityQuery,
  LiveCounts,
  LiveCountsInput,
  Registration,
  RegistrationAcknowledgement,
  RegistrationExport,
  RegistrationExportInput,
  RegistrationInput,
  RegistrationPage,
  RegistrationQuery,
  RegistrationReceipt,
  RegistrationUpdateInput,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { cancelByCode, cancelRegistration } from "../services/registrations/cancel";
import { exportRegistrations } from "../services/registrations/export";
import { watchCounts } from "../services/registrations/live";
import { capacityOf, countsOf, listInScope } from "../services/registrations/queries";
import { registerByHand, registerSelf } from "../services/registrations/register";
import { setCapacity } from "../services/registrations/set-capacity";
import { updateRegistration } from "../services/registrations/update";
import { procedureFor, rateLimitedPublicProcedure } from "../trpc";

const manager = procedureFor(...REGISTRATION_MANAGERS);
const reader = procedureFor(...REGISTRATION_READERS);

export const registrationRouter = {
  /**
   * Public self-registration (no account): a place, or the waitlist when the edition is full.
   * The answer is the same for every address; the code goes to the address by e-mail.
   * Send an idempotency key so that a retried submission cannot register twice.
   */
  register: rateLimitedPublicProcedure("register")
    .input(RegistrationInput)
    .output(RegistrationAcknowledgement)
    .mutation(({ ctx, input }) => registerSelf(ctx, input)),

  /** Public: cancels with the registration code; the first person waiting gets the place. */
  cancelByCode: rateLimitedPublicProcedure("code")
    .input(CancelByCodeInput)
    .output(RegistrationReceipt)
    .mutation(({ ctx, input }) => cancelByCode(ctx, input.code)),

  /** An organiser registers someone by hand (same rules: capacity, one per email). */
  create: manager
    .input(RegistrationInput)
    .output(Registration)
    .mutation(({ ctx, input }) => registerByHand(ctx, input)),

  /** An organiser corrects a registration (an address, the meals): same code, same place. */
  update: manager
    .input(RegistrationUpdateInput)
    .output(Registration)
    .mutation(({ ctx, input }) => updateRegistration(ctx, input)),

  cancel: manager
    .input(CancelInput)
    .output(z.object({ registration: Registration, promoted: z.array(Registration) }))
    .mutation(({ ctx, input }) => cancelRegistration(ctx, input.id)),

  list: reader
    .input(RegistrationQuery)
    .output(RegistrationPage)
    .query(({ ctx, input }) => listInScope(ctx, input)),

  /** Registrations and arrivals per subdivision, once (the live procedure streams them). */
  counts: procedureFor(...LIVE_VIEWERS)
    .input(LiveCountsInput)
    .output(LiveCounts)
    .query(({ ctx, input }) => countsOf(ctx, input)),

  capacity: procedureFor(...REGISTRATION_MANAGERS, "bureau")
    .input(EditionCapacityQuery)
    .output(EditionCapacity)
    .query(({ ctx, input }) => capacityOf(ctx, input)),

  /** Changes the edition's capacity; a larger one promotes people from the waitlist. */
  setCapacity: manager
    .input(CapacityInput)
    .output(z.object({ capacity: EditionCapacity, promoted: z.array(Registration) }))
    .mutation(({ ctx, input }) => setCapacity(ctx, input)),

  /**
   * The registrations as a CSV for spreadsheets (UTF-8 with BOM, semicolons), filtered by
   * subdivision and status. Personal data leaves the system: every export is audited.
   */
  export: reader
    .input(RegistrationExportInput)
    .output(RegistrationExport)
    .mutation(({ ctx, input }) => exportRegistrations(ctx, input)),

  /**
   * Live counts per subdivision (SSE): a snapshot at once, then a fresh one after every change
   * to the edition's registrations, from this server or, on PostgreSQL, any other instance.
   */
  live: procedureFor(...LIVE_VIEWERS)
    .input(LiveCountsInput)
    .subscription(({ ctx, input, signal }) => watchCounts(ctx, input, signal)),
} satisfies TRPCRouterRecord;
