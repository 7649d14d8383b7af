import {
  allRegistrations,
  cancelRegistration,
  editionCapacity,
  findEdition,
  findRegistration,
  findRegistrationByCode,
  findSubdivision,
  idempotent,
  listRegistrations,
  listSubdivisions,
  liveCounts,
  recordAudit,
  registerAttendee,
  releaseSignupsOf,
  retryTransaction,
  setEditionCapacity,
} from "@tribune/db";
import {
  CancelByCodeInput,
  CapacityInput,
  DomainError,
  EditionCapacity,
  LIVE_VIEWERS,
  LiveCounts,
  LiveCountsInput,
  REGISTRATION_MANAGERS,
  REGISTRATION_READERS,
  REGISTRATION_STATUS_LABELS,
  Registration,
  RegistrationInput,
  RegistrationPage,
  RegistrationQuery,
  RegistrationReceipt,
  RegistrationStatus,
  type Registration as RegistrationType,
  YEAR_OF_TRAINING_LABELS,
} from "@tribune/domain";
import { formatDateTime } from "@tribune/domain/format";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Context } from "../context";
import { toSpreadsheetCsv } from "../csv";
import { found } from "../found";
import { editionChanges, publishRegistrationChange, whileUnavailable } from "../live";
import { scopedSubdivision } from "../scope";
import { auditLeave } from "../services/signup-audit";
import { procedureFor, rateLimitedPublicProcedure } from "../trpc";

const manager = procedureFor(...REGISTRATION_MANAGERS);
const reader = procedureFor(...REGISTRATION_READERS);

const toReceipt = (r: RegistrationType): z.infer<typeof RegistrationReceipt> => ({
  editionId: r.editionId,
  code: r.code,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  subdivisionId: r.subdivisionId,
  meals: r.meals,
  gala: r.gala,
  status: r.status,
  waitlistPosition: r.waitlistPosition,
});

/** The edition and subdivision must exist; a bad subdivision is the form's field error. */
async function checkTargets(ctx: Context, editionId: string, subdivisionId: string) {
  found(await findEdition(ctx.db, editionId), "Édition");
  if (!(await findSubdivision(ctx.db, subdivisionId)))
    throw new DomainError("invalid", "Subdivision inconnue : choisissez-en une dans la liste.");
}

/** Registers, once per idempotency key, in one transaction with its audit entry. */
async function register(
  ctx: Context,
  input: z.output<typeof RegistrationInput>,
  createdBy: string | null,
): Promise<RegistrationType> {
  const { idempotencyKey, ...fields } = input;
  await checkTargets(ctx, fields.editionId, fields.subdivisionId);
  const scope = createdBy ? "registration.create" : "registration.register";
  const { value, replayed } = await idempotent(
    ctx.db,
    scope,
    idempotencyKey,
    fields,
    async (tx) => {
      const { registration, reactivated } = await registerAttendee(tx, fields, { createdBy });
      await recordAudit(tx, auditActor(ctx.actor), {
        entity: "registration",
        entityId: registration.id,
        action: reactivated ? "update" : "create",
        after: registration,
      });
      return registration;
    },
  );
  if (!replayed) publishRegistrationChange(ctx, fields.editionId, [fields.subdivisionId]);
  return value;
}

/**
 * Cancels, and frees the person's workshop places, in one transaction: a place given back to
 * the congress or a workshop goes to the first person waiting, or nothing happens at all.
 */
async function cancel(ctx: Context, id: string) {
  const actor = auditActor(ctx.actor);
  const outcome = await retryTransaction(ctx.db, async (tx) => {
    const result = await cancelRegistration(tx, id);
    if (result.before.status !== "cancelled") {
      await recordAudit(tx, actor, {
        entity: "registration",
        entityId: id,
        action: "cancel",
        before: result.before,
        after: result.registration,
      });
      for (const promoted of result.promoted) {
        await recordAudit(tx, actor, {
          entity: "registration",
          entityId: promoted.id,
          action: "update",
          before: { ...promoted, status: "waitlisted" },
          after: promoted,
        });
      }
      for (const left of await releaseSignupsOf(tx, id)) await auditLeave(tx, actor, id, left);
    }
    return result;
  });
  if (outcome.before.status !== "cancelled") {
    publishRegistrationChange(ctx, outcome.registration.editionId, [
      outcome.registration.subdivisionId,
      ...outcome.promoted.map((p) => p.subdivisionId),
    ]);
  }
  return outcome;
}

const EXPORT_HEADER = [
  "Code",
  "Prénom",
  "Nom",
  "E-mail",
  "Subdivision",
  "Année de formation",
  "Statut",
  "Position en liste d'attente",
  "Repas",
  "Soirée de gala",
  "Inscription",
  "Arrivée",
  "Donnée synthétique",
];

const parisDateTime = (instant: string | null) => (instant ? formatDateTime(instant) : "");

export const RegistrationExport = z.object({
  filename: z.string(),
  /** UTF-8 with a byte-order mark, semicolon separated. */
  csv: z.string(),
  rows: z.int().nonnegative(),
});

/** Emits nothing more often than this while changes keep coming (a burst of check-ins). */
const LIVE_COALESCE_MS = 200;

export const registrationRouter = {
  /**
   * Public self-registration (no account): a place, or the waitlist when the edition is full.
   * Send an idempotency key so that a retried submission cannot register twice.
   */
  register: rateLimitedPublicProcedure("register")
    .input(RegistrationInput)
    .output(RegistrationReceipt)
    .mutation(async ({ ctx, input }) => toReceipt(await register(ctx, input, null))),

  /** Public: cancels with the registration code; the first person waiting gets the place. */
  cancelByCode: rateLimitedPublicProcedure("code")
    .input(CancelByCodeInput)
    .output(RegistrationReceipt)
    .mutation(async ({ ctx, input }) => {
      const registration = await findRegistrationByCode(ctx.db, input.code);
      if (!registration)
        throw new DomainError("not_found", "Aucune inscription ne correspond à ce code.");
      return toReceipt((await cancel(ctx, registration.id)).registration);
    }),

  /** An organiser registers someone by hand (same rules: capacity, one per email). */
  create: manager
    .input(RegistrationInput)
    .output(Registration)
    .mutation(({ ctx, input }) => register(ctx, input, ctx.actor.id)),

  cancel: manager
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ registration: Registration, promoted: z.array(Registration) }))
    .mutation(async ({ ctx, input }) => {
      found(await findRegistration(ctx.db, input.id), "Inscription");
      const { registration, promoted } = await cancel(ctx, input.id);
      return { registration, promoted };
    }),

  list: reader
    .input(RegistrationQuery)
    .output(RegistrationPage)
    .query(async ({ ctx, input }) => {
      const scope = scopedSubdivision(ctx.actor, input.subdivisionId);
      if (!scope) return { items: [], total: 0 };
      return listRegistrations(ctx.db, { ...input, subdivisionId: scope.subdivisionId });
    }),

  /** Registrations and arrivals per subdivision, once (the live procedure streams them). */
  counts: procedureFor(...LIVE_VIEWERS)
    .input(LiveCountsInput)
    .output(LiveCounts)
    .query(async ({ ctx, input }) => {
      found(await findEdition(ctx.db, input.editionId), "Édition");
      return liveCounts(ctx.db, input.editionId);
    }),

  capacity: procedureFor(...REGISTRATION_MANAGERS, "bureau")
    .input(z.object({ editionId: z.uuid() }))
    .output(EditionCapacity)
    .query(async ({ ctx, input }) => {
      found(await findEdition(ctx.db, input.editionId), "Édition");
      return editionCapacity(ctx.db, input.editionId);
    }),

  /** Changes the edition's capacity; a larger one promotes people from the waitlist. */
  setCapacity: manager
    .input(CapacityInput)
    .output(z.object({ capacity: EditionCapacity, promoted: z.array(Registration) }))
    .mutation(async ({ ctx, input }) => {
      found(await findEdition(ctx.db, input.editionId), "Édition");
      const promoted = await ctx.db.transaction(async (tx) => {
        const result = await setEditionCapacity(tx, input.editionId, input.capacity);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "edition",
          entityId: input.editionId,
          action: "update",
          before: { capacity: result.before },
          after: { capacity: input.capacity, promoted: result.promoted.map((p) => p.id) },
        });
        return result.promoted;
      });
      if (promoted.length > 0)
        publishRegistrationChange(
          ctx,
          input.editionId,
          promoted.map((p) => p.subdivisionId),
        );
      return { capacity: await editionCapacity(ctx.db, input.editionId), promoted };
    }),

  /**
   * The registrations as a CSV for spreadsheets (UTF-8 with BOM, semicolons), filtered by
   * subdivision and status. Personal data leaves the system: every export is audited.
   */
  export: reader
    .input(
      z.object({
        editionId: z.uuid(),
        subdivisionId: z.uuid().optional(),
        status: RegistrationStatus.optional(),
      }),
    )
    .output(RegistrationExport)
    .mutation(async ({ ctx, input }) => {
      const edition = found(await findEdition(ctx.db, input.editionId), "Édition");
      const scope = scopedSubdivision(ctx.actor, input.subdivisionId);
      if (!scope)
        throw new DomainError("forbidden", "Votre compte n'est rattaché à aucune subdivision.");
      const filters = { ...input, subdivisionId: scope.subdivisionId };
      const [registrations, subdivisions] = await Promise.all([
        allRegistrations(ctx.db, filters),
        listSubdivisions(ctx.db),
      ]);
      const nameOf = new Map(subdivisions.map((s) => [s.id, s.name]));
      const csv = toSpreadsheetCsv(
        EXPORT_HEADER,
        registrations.map((r) => [
          r.code,
          r.firstName,
          r.lastName,
          r.email,
          nameOf.get(r.subdivisionId) ?? "",
          r.yearOfTraining ? (YEAR_OF_TRAINING_LABELS[r.yearOfTraining] ?? "") : "",
          REGISTRATION_STATUS_LABELS[r.status],
          r.waitlistPosition ?? "",
          r.meals ? "oui" : "non",
          r.gala ? "oui" : "non",
          parisDateTime(r.registeredAt),
          parisDateTime(r.checkedInAt),
          r.synthetic ? "oui" : "non",
        ]),
      );
      await recordAudit(ctx.db, auditActor(ctx.actor), {
        entity: "registration",
        entityId: input.editionId,
        action: "export",
        after: { filters, rows: registrations.length },
      });
      const parts = [
        "inscriptions",
        String(edition.year),
        filters.subdivisionId
          ? (subdivisions.find((s) => s.id === filters.subdivisionId)?.slug ?? "")
          : "",
        input.status ?? "",
      ].filter(Boolean);
      return { filename: `${parts.join("-")}.csv`, csv, rows: registrations.length };
    }),

  /**
   * Live counts per subdivision (SSE): a snapshot at once, then a fresh one after every change
   * to the edition's registrations, from this server or, on PostgreSQL, any other instance.
   */
  live: procedureFor(...LIVE_VIEWERS)
    .input(LiveCountsInput)
    .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<LiveCounts> {
      found(await findEdition(ctx.db, input.editionId), "Édition");
      // Counts now, then again after each burst of registration changes (never per check-in).
      const changes = editionChanges(
        ctx,
        "registrations.changed",
        input.editionId,
        signal,
        LIVE_COALESCE_MS,
      );
      for await (const _ of changes)
        yield await whileUnavailable(() => liveCounts(ctx.db, input.editionId), signal);
    }),
} satisfies TRPCRouterRecord;
