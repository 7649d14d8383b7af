import { z } from "zod";
import { Email } from "../auth/account";
import { IdempotencyKey, int, text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import { localDay, localTime, PARIS } from "../kernel/time";
import { PersonName, YearOfTraining } from "./member";

export const REGISTRATION_STATUSES = [
  "registered",
  "waitlisted",
  "cancelled",
  "checked_in",
] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES, {
  error: "Statut d'inscription inconnu.",
});
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: "Inscrit·e",
  waitlisted: "Liste d'attente",
  cancelled: "Annulée",
  checked_in: "Arrivé·e",
};

/** Registered and checked-in people hold a place; the waitlisted and the cancelled do not. */
export const holdsPlace = (status: RegistrationStatus) =>
  status === "registered" || status === "checked_in";

// --- Registration codes --------------------------------------------------------------------

/** No 0/O, 1/I/L: a code read aloud or typed from a phone screen must not be ambiguous. */
export const REGISTRATION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

/**
 * A registration code ("K7QM-3XPA", 31⁸ ≈ 8.5 × 10¹¹ possibilities) from a source of random
 * bytes; bytes that would bias the draw are thrown away.
 */
export function generateRegistrationCode(randomBytes: (n: number) => Uint8Array): string {
  const size = REGISTRATION_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let out = "";
  while (out.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte < limit && out.length < CODE_LENGTH) out += REGISTRATION_CODE_ALPHABET[byte % size];
    }
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What a person types or a scanner sends: " k7qm 3xpa " → "K7QM-3XPA"; null if it cannot be a code. */
export function normaliseRegistrationCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== CODE_LENGTH) return null;
  for (const char of raw) if (!REGISTRATION_CODE_ALPHABET.includes(char)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export const RegistrationCode = text({ max: 40 }).transform((value, ctx) => {
  const code = normaliseRegistrationCode(value);
  if (!code) {
    ctx.addIssue({
      code: "custom",
      message: "Code d'inscription invalide (8 caractères, par exemple K7QM-3XPA).",
    });
    return z.NEVER;
  }
  return code;
});

// --- Entities and inputs -------------------------------------------------------------------

export const Registration = z.object({
  id: z.uuid(),
  editionId: z.uuid(),
  code: z.string(),
  /** The member record with the same email, when there is one. */
  memberId: z.uuid().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  subdivisionId: z.uuid(),
  yearOfTraining: YearOfTraining.nullable(),
  meals: z.boolean(),
  gala: z.boolean(),
  status: RegistrationStatus,
  /** 1 for the first person waiting; null unless waitlisted. */
  waitlistPosition: z.int().positive().nullable(),
  synthetic: z.boolean(),
  registeredAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationInput = z.object({
  editionId: z.uuid(),
  firstName: PersonName,
  lastName: PersonName,
  email: Email,
  subdivisionId: z.uuid({ error: "Choisissez votre subdivision." }),
  yearOfTraining: YearOfTraining.nullable().default(null),
  meals: z.boolean().default(true),
  gala: z.boolean().default(false),
  /**
   * Chosen by the client once per form submission and sent again on every retry of it: the
   * server then answers the first outcome instead of registering twice.
   */
  idempotencyKey: IdempotencyKey.optional(),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** What a person who registered themselves may see: their own registration, nothing else. */
export const RegistrationReceipt = Registration.pick({
  editionId: true,
  code: true,
  firstName: true,
  lastName: true,
  email: true,
  subdivisionId: true,
  meals: true,
  gala: true,
  status: true,
  waitlistPosition: true,
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceipt>;

/**
 * The public form's answer, the same for every address (registered before or not): a message
 * is on its way to `email`, with the code and the link to the attendee's space (issue 15).
 */
export const RegistrationAcknowledgement = RegistrationReceipt.pick({
  editionId: true,
  firstName: true,
  email: true,
});
export type RegistrationAcknowledgement = z.infer<typeof RegistrationAcknowledgement>;

export const CancelByCodeInput = z.object({
  code: RegistrationCode,
  idempotencyKey: IdempotencyKey.optional(),
});
export const CancelInput = z.object({ id: z.uuid() });
export const EditionCapacityQuery = z.object({ editionId: z.uuid() });

/** The registrations as a spreadsheet: one edition, optionally one subdivision and status. */
export const RegistrationExportInput = z.object({
  editionId: z.uuid(),
  subdivisionId: z.uuid().optional(),
  status: RegistrationStatus.optional(),
});
export type RegistrationExportInput = z.infer<typeof RegistrationExportInput>;
export const RegistrationExport = z.object({
  filename: z.string(),
  /** UTF-8 with a byte-order mark, semicolon separated. */
  csv: z.string(),
  rows: z.int().nonnegative(),
});
export type RegistrationExport = z.infer<typeof RegistrationExport>;

export const RegistrationQuery = z.object({
  editionId: z.uuid(),
  subdivisionId: z.uuid().optional(),
  status: RegistrationStatus.optional(),
  search: text({ max: 100 }).optional(),
  limit: int({ min: 1, max: 1000 }).default(100),
  offset: int({ min: 0, max: 1_000_000 }).default(0),
});
export type RegistrationQuery = z.input<typeof RegistrationQuery>;
export const RegistrationPage = z.object({
  items: z.array(Registration),
  total: z.int().nonnegative(),
});

export const CapacityInput = z.object({
  editionId: z.uuid(),
  /** null: no limit. */
  capacity: int({
    min: 0,
    max: 1_000_000,
    tooSmall: "La capacité ne peut être négative.",
    tooBig: "Au plus 1 000 000 de places.",
  }).nullable(),
});

export const EditionCapacity = z.object({
  editionId: z.uuid(),
  capacity: z.int().nonnegative().nullable(),
  confirmed: z.int().nonnegative(),
  waitlisted: z.int().nonnegative(),
  checkedIn: z.int().nonnegative(),
  cancelled: z.int().nonnegative(),
});
export type EditionCapacity = z.infer<typeof EditionCapacity>;

// --- Capacity and waitlist rules -----------------------------------------------------------

/** The status a new registration gets, given the places already held. */
export function admissionStatus(confirmed: number, capacity: number | null): RegistrationStatus {
  return capacity === null || confirmed < capacity ? "registered" : "waitlisted";
}

/** Places still free; null when the edition has no limit. */
export function placesLeft(confirmed: number, capacity: number | null): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/**
 * Who moves from the waitlist to a confirmed place once places free up (a cancellation, a
 * raised capacity): the first in arrival order, as many as there are free places.
 */
export function promotions<T extends { queuedSeq: number }>(
  waitlist: readonly T[],
  confirmed: number,
  capacity: number | null,
): T[] {
  const free = capacity === null ? waitlist.length : Math.max(0, capacity - confirmed);
  return [...waitlist].sort((a, b) => a.queuedSeq - b.queuedSeq).slice(0, free);
}

// --- Registering and cancelling: the decisions ---------------------------------------------

/** Every refusal of registrations and check-in, by stable reason, with its French wording. */
export const REGISTRATION_REFUSALS = {
  /** One registration per email and edition; a cancelled one may come back. */
  alreadyRegistered: (email: string, status: RegistrationStatus): Refusal => ({
    reason: "already_registered",
    code: "already_exists",
    message: `Une inscription existe déjà pour l'adresse ${email} (statut : ${REGISTRATION_STATUS_LABELS[status].toLowerCase()}). Retrouvez votre code dans l'e-mail de confirmation ou adressez-vous à l'organisation.`,
  }),
  unknownSubdivision: (): Refusal => ({
    reason: "unknown_subdivision",
    code: "invalid",
    message: "Subdivision inconnue : choisissez-en une dans la liste.",
  }),
  notFound: (): Refusal => ({
    reason: "registration_not_found",
    code: "not_found",
    message: "Inscription introuvable.",
  }),
  /** A public cancellation with a code that matches nobody. */
  noSuchCode: (): Refusal => ({
    reason: "registration_code_unknown",
    code: "not_found",
    message: "Aucune inscription ne correspond à ce code.",
  }),
  /** The desk's scan of a code that matches nobody in the edition. */
  unknownCodeAtDesk: (code: string): Refusal => ({
    reason: "registration_code_unknown",
    code: "not_found",
    message: `Aucune inscription au code ${code}.`,
  }),
  /** Someone who came is part of the congress's record. */
  checkedInCannotCancel: (): Refusal => ({
    reason: "checked_in_cannot_cancel",
    code: "invalid",
    message:
      "Cette personne est déjà arrivée au congrès : son inscription ne peut plus être annulée.",
  }),
  waitlistedAtDesk: (name: string, position: number | null): Refusal => ({
    reason: "check_in_waitlisted",
    code: "invalid",
    message: `${name} est en liste d'attente (position ${position}) : pas de place confirmée.`,
  }),
  cancelledAtDesk: (name: string): Refusal => ({
    reason: "check_in_cancelled",
    code: "invalid",
    message: `L'inscription de ${name} a été annulée.`,
  }),
} as const;

/** What the registration rule needs to know, read under the edition's quota lock. */
export interface RegistrationFacts {
  /** Lower-cased. */
  email: string;
  /** The edition's registration with this email, if any (cancelled ones included). */
  existing: { id: string; status: RegistrationStatus } | null;
  /** Places held in the edition (registered or checked in). */
  confirmed: number;
  /** People waiting in the edition. */
  waitlisted: number;
  /** The edition's places; null: no limit. */
  capacity: number | null;
}

/**
 * Whether a person may register, and how: a place while one is free, the end of the waitlist
 * otherwise. One registration per email and edition: an active one is refused; a cancelled
 * one comes back (`reactivate`: its id), at the end of the queue, with its code.
 */
export function registrationOutcome(facts: RegistrationFacts): Decision<{
  status: "registered" | "waitlisted";
  waitlistPosition: number | null;
  reactivate: string | null;
}> {
  const { existing } = facts;
  if (existing && existing.status !== "cancelled")
    return {
      ok: false,
      refusal: REGISTRATION_REFUSALS.alreadyRegistered(facts.email, existing.status),
    };
  const status = admissionStatus(facts.confirmed, facts.capacity) as "registered" | "waitlisted";
  return {
    ok: true,
    status,
    // A newcomer on the waitlist goes to its end.
    waitlistPosition: status === "waitlisted" ? facts.waitlisted + 1 : null,
    reactivate: existing?.id ?? null,
  };
}

/**
 * Whether a registration may be cancelled, and what follows: cancelling twice changes
 * nothing; a person already checked in cannot be cancelled; a confirmed place freed goes to
 * the first person waiting (`freesPlace`).
 */
export function cancellationOutcome(
  registration: Pick<Registration, "status">,
): Decision<{ alreadyCancelled: boolean; freesPlace: boolean }> {
  if (registration.status === "checked_in")
    return { ok: false, refusal: REGISTRATION_REFUSALS.checkedInCannotCancel() };
  return {
    ok: true,
    alreadyCancelled: registration.status === "cancelled",
    freesPlace: registration.status === "registered",
  };
}

/** Why a registration cannot be cancelled, or null when it can (see cancellationOutcome). */
export function cancellationRefusal(registration: Pick<Registration, "status">): Refusal | null {
  const outcome = cancellationOutcome(registration);
  return outcome.ok ? null : outcome.refusal;
}

/**
 * The desk's decision once the arrival was attempted: `arrivedNow` when this request checked
 * the person in; already checked in is no error (the desk says when); waitlisted, cancelled
 * and unknown people are refused, by name when known, by the code scanned otherwise.
 */
export function checkInOutcome(
  attempt: {
    registration: Pick<Registration, "firstName" | "lastName" | "status" | "waitlistPosition">;
    arrivedNow: boolean;
  } | null,
  target: { code?: string },
): Decision<{ alreadyCheckedIn: boolean }> {
  if (!attempt)
    return {
      ok: false,
      refusal: target.code
        ? REGISTRATION_REFUSALS.unknownCodeAtDesk(target.code)
        : REGISTRATION_REFUSALS.notFound(),
    };
  const { registration, arrivedNow } = attempt;
  if (arrivedNow) return { ok: true, alreadyCheckedIn: false };
  if (registration.status === "checked_in") return { ok: true, alreadyCheckedIn: true };
  const name = `${registration.firstName} ${registration.lastName}`;
  return {
    ok: false,
    refusal:
      registration.status === "waitlisted"
        ? REGISTRATION_REFUSALS.waitlistedAtDesk(name, registration.waitlistPosition)
        : REGISTRATION_REFUSALS.cancelledAtDesk(name),
  };
}

// --- Check-in ------------------------------------------------------------------------------

export const CheckInSearch = z.object({
  editionId: z.uuid(),
  query: text({ max: 100 }).min(1),
  limit: int({ min: 1, max: 50 }).default(12),
});

export const CheckInByCode = z.object({ editionId: z.uuid(), code: RegistrationCode });
export const CheckInById = z.object({ registrationId: z.uuid() });
/** The desk's "dernières arrivées". */
export const RecentCheckInsInput = z.object({
  editionId: z.uuid(),
  limit: z.int().min(1).max(50).default(8),
});

export const CheckInResult = z.object({
  registration: Registration,
  alreadyCheckedIn: z.boolean(),
  message: z.string(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

/**
 * The desk's answer: a welcome the first time, "déjà enregistré·e à 08:12" (Paris time) after;
 * a check-in on an earlier day names the day.
 */
export function checkInMessage(
  registration: Pick<Registration, "firstName" | "lastName" | "checkedInAt">,
  alreadyCheckedIn: boolean,
  now: string = new Date().toISOString(),
  timeZone = PARIS,
): string {
  const name = `${registration.firstName} ${registration.lastName}`;
  const at = registration.checkedInAt;
  if (!alreadyCheckedIn || !at) return `Bienvenue, ${name} ! Arrivée enregistrée.`;
  const time = localTime(at, timeZone);
  if (localDay(at, timeZone) === localDay(now, timeZone))
    return `${name} : déjà enregistré·e à ${time}.`;
  const [, month, day] = localDay(at, timeZone).split("-");
  return `${name} : déjà enregistré·e le ${day}/${month} à ${time}.`;
}

// --- Live counts ---------------------------------------------------------------------------

export const LiveCountsInput = z.object({ editionId: z.uuid() });
export const LiveCounts = z.object({
  editionId: z.uuid(),
  at: z.string(),
  capacity: z.int().nonnegative().nullable(),
  /** `confirmed` counts everyone holding a place: registered, checked in or not. */
  totals: z.object({
    confirmed: z.int().nonnegative(),
    waitlisted: z.int().nonnegative(),
    cancelled: z.int().nonnegative(),
    checkedIn: z.int().nonnegative(),
  }),
  bySubdivision: z.array(
    z.object({
      subdivisionId: z.uuid(),
      name: z.string(),
      confirmed: z.int().nonnegative(),
      waitlisted: z.int().nonnegative(),
      checkedIn: z.int().nonnegative(),
    }),
  ),
});
export type LiveCounts = z.infer<typeof LiveCounts>;
