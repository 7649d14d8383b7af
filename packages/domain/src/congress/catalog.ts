import { z } from "zod";
import { formatCount, pluralForm } from "../format";
import type { Decision, Refusal } from "../kernel/refusal";
import { Conflict, findConflicts, type ScheduleData } from "../schedule/conflicts";
import type { Partner, Speaker } from "./people";
import type { Room } from "./room";
import { outsideEditionMessage, Session, type SessionMove, type SessionUpdate } from "./session";

/**
 * The rules of the programme's catalogue (rooms, speakers, partners) and of its sessions, as
 * pure decisions: services load the facts (how many sessions use a room, which rooms an
 * edition has), call these, and act on the answer.
 */

/** The French names of the programme's records, as a "not found" message names them. */
export const PROGRAMME_LABELS = {
  edition: "Édition",
  room: "Salle",
  session: "Session",
  speaker: "Intervenant·e",
  partner: "Partenaire",
} as const;

/** One speaker, partner or session, by id. */
export const CatalogRef = z.object({ id: z.uuid() });
export type CatalogRef = z.infer<typeof CatalogRef>;
export const SessionRef = CatalogRef;
export type SessionRef = CatalogRef;

/** Deleting a room, speaker or partner: `confirm` once the caller has shown the consequences. */
export const CatalogDeleteInput = z.object({
  id: z.uuid(),
  /** Required when the thing is still referenced: the caller has shown the consequences. */
  confirm: z.boolean().default(false),
});
export type CatalogDeleteInput = z.infer<typeof CatalogDeleteInput>;

/** What a deletion did: the sessions it took the thing out of. */
export const CatalogDeleteResult = z.object({ id: z.uuid(), detachedSessions: z.int() });
export type CatalogDeleteResult = z.infer<typeof CatalogDeleteResult>;

const sessions = (n: number) => formatCount(n, "session", "sessions");
/** "cette session" or "ces sessions", agreeing with the count just said. */
const those = (n: number) => pluralForm(n, "cette session", "ces sessions");

/** Every refusal of the programme's catalogue and sessions, by stable reason, in French. */
export const PROGRAMME_REFUSALS = {
  roomInUse: (room: Pick<Room, "name">, uses: number): Refusal => ({
    reason: "room_in_use",
    code: "referenced",
    message: `La salle « ${room.name} » accueille ${sessions(uses)}. Confirmez pour la supprimer et la retirer de ${those(uses)}.`,
  }),
  speakerInUse: (speaker: Pick<Speaker, "name">, uses: number): Refusal => ({
    reason: "speaker_in_use",
    code: "referenced",
    message: `${speaker.name} intervient dans ${sessions(uses)}. Confirmez pour la ou le retirer de ${those(uses)} et supprimer sa fiche.`,
  }),
  partnerInUse: (partner: Pick<Partner, "name">, uses: number): Refusal => ({
    reason: "partner_in_use",
    code: "referenced",
    message: `Le partenaire « ${partner.name} » est associé à ${sessions(uses)}. Confirmez pour le retirer de ${those(uses)} et le supprimer.`,
  }),
  /** A typo'd year, a day after the congress: said on the start field. */
  sessionOutsideEdition: (problem: string): Refusal => ({
    reason: "session_outside_edition",
    code: "invalid",
    message: problem,
    fieldErrors: { startsAt: [problem] },
  }),
  unknownRoom: (): Refusal => ({
    reason: "unknown_room",
    code: "invalid",
    message: "Une des salles choisies n'existe pas dans cette édition.",
  }),
  unknownSpeaker: (): Refusal => ({
    reason: "unknown_speaker",
    code: "invalid",
    message: "Un·e des intervenant·es choisi·es n'existe pas.",
  }),
  unknownPartner: (): Refusal => ({
    reason: "unknown_partner",
    code: "invalid",
    message: "Le partenaire choisi n'existe pas.",
  }),
} as const;

/**
 * Whether a room, speaker or partner may go: one that sessions still use goes only once the
 * caller confirmed (it is then taken out of them: `detachedSessions`).
 */
function decideCatalogDeletion(
  uses: number,
  confirm: boolean,
  inUse: () => Refusal,
): Decision<{ detachedSessions: number }> {
  if (uses > 0 && !confirm) return { ok: false, refusal: inUse() };
  return { ok: true, detachedSessions: uses };
}

export const decideRoomDeletion = (room: Pick<Room, "name">, uses: number, confirm: boolean) =>
  decideCatalogDeletion(uses, confirm, () => PROGRAMME_REFUSALS.roomInUse(room, uses));

export const decideSpeakerDeletion = (
  speaker: Pick<Speaker, "name">,
  uses: number,
  confirm: boolean,
) => decideCatalogDeletion(uses, confirm, () => PROGRAMME_REFUSALS.speakerInUse(speaker, uses));

export const decidePartnerDeletion = (
  partner: Pick<Partner, "name">,
  uses: number,
  confirm: boolean,
) => decideCatalogDeletion(uses, confirm, () => PROGRAMME_REFUSALS.partnerInUse(partner, uses));

/** A session takes place during its edition's days (in the edition's zone). */
export function decideSessionDates(
  session: Pick<Session, "startsAt" | "endsAt">,
  edition: { firstDay: string; lastDay: string; timeZone?: string },
): Decision {
  const problem = outsideEditionMessage(session, edition);
  if (problem) return { ok: false, refusal: PROGRAMME_REFUSALS.sessionOutsideEdition(problem) };
  return { ok: true };
}

/** What a session may name: its edition's rooms, the speakers and partners on record. */
export interface KnownReferences {
  rooms: readonly { id: string }[];
  speakers: readonly { id: string }[];
  partners: readonly { id: string }[];
}

/** A session names rooms of its own edition, and speakers and a partner that exist. */
export function decideSessionReferences(
  session: Pick<Session, "roomIds" | "speakerIds" | "partnerId">,
  known: KnownReferences,
): Decision {
  const isKnown = (list: readonly { id: string }[]) => (id: string) =>
    list.some((k) => k.id === id);
  if (!session.roomIds.every(isKnown(known.rooms)))
    return { ok: false, refusal: PROGRAMME_REFUSALS.unknownRoom() };
  if (!session.speakerIds.every(isKnown(known.speakers)))
    return { ok: false, refusal: PROGRAMME_REFUSALS.unknownSpeaker() };
  if (session.partnerId && !isKnown(known.partners)(session.partnerId))
    return { ok: false, refusal: PROGRAMME_REFUSALS.unknownPartner() };
  return { ok: true };
}

/** A saved session and the conflicts it is part of: saved anyway, shown as warnings. */
export const SavedSession = z.object({ session: Session, conflicts: z.array(Conflict) });
export type SavedSession = z.infer<typeof SavedSession>;

/** The conflicts of an edition's programme that a session is part of. */
export const sessionConflicts = (schedule: ScheduleData, sessionId: string): Conflict[] =>
  findConflicts(schedule).filter((c) => c.sessionIds.includes(sessionId));

/**
 * A stored session with an edit applied (any field but its edition). The result is checked
 * again as a new session would be (`assertValidSession`, `decideSessionDates`,
 * `decideSessionReferences`).
 */
export const sessionAfterUpdate = (
  before: Session,
  { id: _id, ...patch }: SessionUpdate,
): Session => ({ ...before, ...patch });

/** A stored session dropped elsewhere on the grid: new times, and its new rooms if given. */
export const sessionAfterMove = (before: Session, move: SessionMove): Session => ({
  ...before,
  startsAt: move.startsAt,
  endsAt: move.endsAt,
  roomIds: move.roomIds ?? before.roomIds,
});
