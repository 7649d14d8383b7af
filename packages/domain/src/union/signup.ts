import { z } from "zod";
import { CAPACITY_LIMITED_KINDS, SESSION_KIND_LABELS, SessionKind } from "../congress/session";
import { IdempotencyKey, int } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import {
  admissionStatus,
  holdsPlace,
  REGISTRATION_STATUS_LABELS,
  RegistrationCode,
  type RegistrationStatus,
} from "./registration";

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
export const SignupOptionsInput = z.object({ code: RegistrationCode });
export const SessionSignupsQuery = z.object({ sessionId: z.uuid() });
export const SignupOverviewQuery = z.object({ editionId: z.uuid() });
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

/**
 * Places for many workshops at once: every session taking sign-ups of the edition, of one kind
 * (all workshops, all toolboxes) and/or in one room. `capacity` null gives each back to what
 * it inherits (its own override, else its rooms' capacity).
 */
export const SessionCapacitiesInput = z.object({
  editionId: z.uuid(),
  kind: SessionKind.optional(),
  roomId: z.uuid().optional(),
  capacity: SessionCapacityInput.shape.capacity,
});
export type SessionCapacitiesInput = z.infer<typeof SessionCapacitiesInput>;

/** What a bulk capacity change answers: the places of the sessions changed, who got a place. */
export const SessionCapacitiesResult = z.object({
  places: z.array(SessionPlaces),
  promoted: z.array(SessionSignup),
});
export type SessionCapacitiesResult = z.infer<typeof SessionCapacitiesResult>;

/**
 * The sessions a bulk capacity applies to: those taking sign-ups, of the kind and in the room
 * asked. A kind that takes no sign-up is refused (in French) rather than matching nothing.
 */
export function sessionsForCapacities<
  S extends { id: string; kind: SessionKind; roomIds: readonly string[] },
>(
  sessions: readonly S[],
  { kind, roomId }: { kind?: SessionKind | undefined; roomId?: string | undefined },
): Decision<{ sessions: S[] }> {
  if (kind && !needsSignup(kind))
    return { ok: false, refusal: SIGNUP_REFUSALS.kindWithoutPlaces(kind) };
  return {
    ok: true,
    sessions: sessions.filter(
      (s) =>
        needsSignup(s.kind) &&
        (!kind || s.kind === kind) &&
        (!roomId || s.roomIds.includes(roomId)),
    ),
  };
}

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

/** A session's places and the attendee's own status there (the confirmation page). */
export const SignupOption = SessionPlaces.extend({
  status: SignupStatus.nullable(),
  waitlistPosition: z.int().positive().nullable(),
});
export type SignupOption = z.infer<typeof SignupOption>;

// --- Signing up and leaving: the decisions -------------------------------------------------

/** Every refusal of workshop sign-ups, by stable reason, with its French wording. */
export const SIGNUP_REFUSALS = {
  /** Places are set for workshops and toolboxes only. */
  kindWithoutPlaces: (kind: SessionKind): Refusal => ({
    reason: "kind_without_places",
    code: "invalid",
    message: `Les sessions « ${SESSION_KIND_LABELS[kind]} » ne prennent pas d'inscription : seuls les ateliers et les boîtes à outils ont des places.`,
  }),
  /** Also said of a draft to the public: it does not exist for them. */
  sessionNotFound: (): Refusal => ({
    reason: "session_not_found",
    code: "not_found",
    message: "Session introuvable.",
  }),
  notSignupSession: (title: string): Refusal => ({
    reason: "no_signup_needed",
    code: "invalid",
    message: notSignupSessionMessage(title),
  }),
  unknownCapacity: (title: string): Refusal => ({
    reason: "unknown_capacity",
    code: "invalid",
    message: unknownCapacityMessage(title),
  }),
  /** A code of nobody, or of another edition's registration. */
  noSuchRegistration: (): Refusal => ({
    reason: "registration_code_unknown",
    code: "not_found",
    message: "Aucune inscription au congrès ne correspond à ce code.",
  }),
  noCongressPlace: (status: RegistrationStatus): Refusal => ({
    reason: "no_congress_place",
    code: "invalid",
    message: `Votre inscription au congrès n'est pas confirmée (${REGISTRATION_STATUS_LABELS[
      status
    ].toLowerCase()}) : l'inscription aux ateliers est réservée aux personnes ayant une place.`,
  }),
  overlap: (title: string): Refusal => ({
    reason: "overlap",
    code: "invalid",
    message: overlapMessage(title),
  }),
  notSignedUp: (): Refusal => ({
    reason: "not_signed_up",
    code: "not_found",
    message: "Cette personne n'est pas inscrite à cette session.",
  }),
} as const;

/** What sign-ups read of a session. */
export interface SignupSessionFacts {
  kind: SessionKind;
  title: string;
  published: boolean;
}

/**
 * Whether a session takes sign-ups: workshops and toolboxes only. For the public
 * (`publishedOnly`), a draft is refused exactly as a session that does not exist.
 */
export function signupSessionOutcome(
  session: SignupSessionFacts | null,
  { publishedOnly = false }: { publishedOnly?: boolean } = {},
): Decision {
  if (!session || (publishedOnly && !session.published))
    return { ok: false, refusal: SIGNUP_REFUSALS.sessionNotFound() };
  if (!needsSignup(session.kind))
    return { ok: false, refusal: SIGNUP_REFUSALS.notSignupSession(session.title) };
  return { ok: true };
}

/** What the sign-up rule needs to know, read under the session's and the person's locks. */
export interface SignupFacts {
  session: { editionId: string; title: string };
  /** The session's places; null: unknown. */
  capacity: number | null;
  /** The person's congress registration; null when there is none. */
  registration: { editionId: string; status: RegistrationStatus } | null;
  /** The person's sign-up to this session, if any (cancelled ones included). */
  existing: SessionSignup | null;
  /** The title of a session at the same time where the person holds a confirmed place. */
  overlap: string | null;
  /** Confirmed places already given in the session. */
  confirmed: number;
}

/**
 * Whether a person may sign up, and how: a place while one is free, the end of the waitlist
 * otherwise. Refused while the capacity is unknown, to anyone without a congress place in the
 * session's edition, and to a person confirmed in an overlapping session. Signing up again is
 * no error (`already`: the sign-up as it is, nothing changes); after leaving, one comes back
 * at the end of the queue (`rejoin`: the old sign-up's id).
 */
export function signupOutcome(
  facts: SignupFacts,
): Decision<
  | { already: SessionSignup }
  | { already: null; status: "registered" | "waitlisted"; rejoin: string | null }
> {
  const { session, registration, existing } = facts;
  if (facts.capacity === null)
    return { ok: false, refusal: SIGNUP_REFUSALS.unknownCapacity(session.title) };
  if (!registration || registration.editionId !== session.editionId)
    return { ok: false, refusal: SIGNUP_REFUSALS.noSuchRegistration() };
  if (!holdsPlace(registration.status))
    return { ok: false, refusal: SIGNUP_REFUSALS.noCongressPlace(registration.status) };
  if (existing && existing.status !== "cancelled") return { ok: true, already: existing };
  if (facts.overlap) return { ok: false, refusal: SIGNUP_REFUSALS.overlap(facts.overlap) };
  return {
    ok: true,
    already: null,
    status: admissionStatus(facts.confirmed, facts.capacity) as "registered" | "waitlisted",
    rejoin: existing?.id ?? null,
  };
}

/**
 * Whether a person may leave a session: only someone signed up (leaving twice is harmless,
 * `alreadyLeft`); a confirmed place freed goes to the first person waiting (`freesPlace`).
 */
export function leaveOutcome(
  signup: Pick<SessionSignup, "status"> | null,
): Decision<{ alreadyLeft: boolean; freesPlace: boolean }> {
  if (!signup) return { ok: false, refusal: SIGNUP_REFUSALS.notSignedUp() };
  return {
    ok: true,
    alreadyLeft: signup.status === "cancelled",
    freesPlace: signup.status === "registered",
  };
}

/**
 * Whether the next person waiting takes a freed place: not when they lost their congress
 * place, nor while they hold a confirmed place at the same time elsewhere (`overlap`); they
 * then keep their rank.
 */
export function takesFreedPlace(waiting: {
  registrationStatus: RegistrationStatus | null;
  overlap: string | null;
}): boolean {
  return (
    waiting.registrationStatus !== null &&
    holdsPlace(waiting.registrationStatus) &&
    waiting.overlap === null
  );
}
