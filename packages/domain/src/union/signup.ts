import { z } from "zod";
import { CAPACITY_LIMITED_KINDS, type SessionKind } from "../congress/session";
import { IdempotencyKey, int } from "../input";
import { RegistrationCode } from "./registration";

/** A sign-up to a capacity-limited session (workshop, toolbox). */
export const SIGNUP_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export const SignupStatus = z.enum(SIGNUP_STATUSES, { error: "Statut d'inscription inconnu." });
export type SignupStatus = z.infer<typeof SignupStatus>;
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  registered: "Place confirmée",
  waitlisted: "Liste d'attente",
  cancelled: "Désinscrit·e",
};

export const needsSignup = (kind: SessionKind) => CAPACITY_LIMITED_KINDS.includes(kind);

/**
 * A session's number of places: its override, else the smallest capacity of its rooms. null
 * when it cannot be known (no override, and no room or a room without a capacity): sign-ups
 * are then refused until an organiser sets one — an unknown capacity is never "unlimited".
 */
export function sessionCapacity(
  capacityOverride: number | null,
  roomCapacities: readonly (number | null)[],
): number | null {
  if (capacityOverride !== null) return capacityOverride;
  if (roomCapacities.length === 0 || roomCapacities.some((c) => c === null)) return null;
  return Math.min(...(roomCapacities as number[]));
}

export const unknownCapacityMessage = (title: string) =>
  `La capacité de la session « ${title} » n'est pas connue : les inscriptions ouvriront quand l'organisation aura renseigné la capacité de sa salle (ou une capacité propre à la session).`;

export const overlapMessage = (title: string) =>
  `Vous avez déjà une place confirmée à « ${title} », qui a lieu en même temps : désinscrivez-vous d'abord de cette session.`;

export const notSignupSessionMessage = (title: string) =>
  `La session « ${title} » ne demande pas d'inscription : seuls les ateliers et les boîtes à outils en ont une.`;

export const SessionSignup = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  registrationId: z.uuid(),
  status: SignupStatus,
  /** 1 for the first person waiting; null unless waitlisted. */
  waitlistPosition: z.int().positive().nullable(),
  createdAt: z.string(),
});
export type SessionSignup = z.infer<typeof SessionSignup>;

/** A sign-up with the attendee's name, for the organisers' list. */
export const SessionSignupEntry = SessionSignup.extend({
  code: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  subdivisionId: z.uuid(),
});
export type SessionSignupEntry = z.infer<typeof SessionSignupEntry>;

export const SessionPlaces = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** null: unknown, sign-ups refused until an organiser sets it. */
  capacity: z.int().nonnegative().nullable(),
  confirmed: z.int().nonnegative(),
  waitlisted: z.int().nonnegative(),
  placesLeft: z.int().nonnegative().nullable(),
});
export type SessionPlaces = z.infer<typeof SessionPlaces>;

export const SignupJoinInput = z.object({
  code: RegistrationCode,
  sessionId: z.uuid(),
  idempotencyKey: IdempotencyKey.optional(),
});
export const SignupLeaveInput = z.object({ code: RegistrationCode, sessionId: z.uuid() });
export const SignupByHandInput = z.object({
  registrationId: z.uuid(),
  sessionId: z.uuid(),
  idempotencyKey: IdempotencyKey.optional(),
});
export const SignupRemoveInput = z.object({ registrationId: z.uuid(), sessionId: z.uuid() });
/** An organiser's number of places for a workshop or toolbox; null: the override or rooms decide. */
export const SessionCapacityInput = z.object({
  sessionId: z.uuid(),
  capacity: int({
    min: 0,
    max: 10_000,
    error: "Le nombre de places doit être un nombre entier.",
    tooSmall: "Le nombre de places ne peut pas être négatif.",
    tooBig: "Au plus 10 000 places.",
  }).nullable(),
});

/** What the attendee sees after joining or leaving. */
export const SignupReceipt = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  status: SignupStatus,
  waitlistPosition: z.int().positive().nullable(),
  /** Set when the attendee was already signed up: nothing changed. */
  alreadySignedUp: z.boolean(),
});
export type SignupReceipt = z.infer<typeof SignupReceipt>;
