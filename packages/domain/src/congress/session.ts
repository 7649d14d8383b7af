import { z } from "zod";
import { formatDate } from "../format/dates";
import { int, text } from "../kernel/input";
import { endOfLocalDay, Instant, instantFromLocal, PARIS } from "../kernel/time";
import { editableFields } from "./editable";

export const SESSION_KINDS = [
  "pleniere",
  "table_ronde",
  "boite_a_outils",
  "atelier",
  "flash_actualite",
  "conference_partenaire",
  "intervention_partenaire",
  "prix",
  "accueil",
  "pause",
  "repas",
  "cloture",
  "soiree",
] as const;
export const SessionKind = z.enum(SESSION_KINDS, { error: "Type de session inconnu." });
export type SessionKind = z.infer<typeof SessionKind>;

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  pleniere: "Plénière",
  table_ronde: "Table ronde",
  boite_a_outils: "Boîte à outils",
  atelier: "Atelier",
  flash_actualite: "Flash actualité",
  conference_partenaire: "Conférence partenaire",
  intervention_partenaire: "Intervention partenaire",
  prix: "Prix",
  accueil: "Accueil",
  pause: "Pause",
  repas: "Repas",
  cloture: "Clôture",
  soiree: "Soirée",
};

/** Kinds whose attendance is limited by the room (sign-up needed). */
export const CAPACITY_LIMITED_KINDS: readonly SessionKind[] = ["atelier", "boite_a_outils"];

export const THEMES = [
  "ia",
  "climat",
  "sante_mentale",
  "acces_aux_soins",
  "prevention",
  "numerique",
  "exercice",
  "droits_des_internes",
  "formation",
  "discriminations",
  "sante_sexuelle",
  "recherche",
] as const;
export const Theme = z.enum(THEMES, { error: "Thème inconnu." });
export type Theme = z.infer<typeof Theme>;
export const THEME_LABELS: Record<Theme, string> = {
  ia: "Intelligence artificielle",
  climat: "Climat et santé environnementale",
  sante_mentale: "Santé mentale",
  acces_aux_soins: "Accès aux soins",
  prevention: "Prévention",
  numerique: "Transformation numérique",
  exercice: "Modèles d'exercice",
  droits_des_internes: "Droits des internes",
  formation: "Formation",
  discriminations: "Lutte contre les discriminations",
  sante_sexuelle: "Santé sexuelle",
  recherche: "Recherche",
};

const sessionFields = {
  editionId: z.uuid(),
  kind: SessionKind,
  title: text({ max: 300 }).min(1, { error: "Le titre est obligatoire." }),
  description: text({ max: 10_000, multiline: true }).default(""),
  startsAt: Instant,
  endsAt: Instant,
  roomIds: z.array(z.uuid()).default([]),
  /** Takes every room at once (welcome, breaks, lunch, plenaries): nothing may run beside it. */
  wholeVenue: z.boolean().default(false),
  speakerIds: z.array(z.uuid()).default([]),
  themes: z.array(Theme).default([]),
  partnerId: z.uuid().nullable().default(null),
  capacityOverride: int({
    min: 1,
    max: 100_000,
    tooSmall: "La capacité doit être positive.",
    tooBig: "Au plus 100 000 places.",
  })
    .nullable()
    .default(null),
  published: z.boolean().default(false),
};

type Timed = { startsAt: string; endsAt: string };
type Placed = { roomIds: string[]; wholeVenue: boolean };
const endAfterStart = (s: Timed) => Date.parse(s.endsAt) > Date.parse(s.startsAt);
const hasPlace = (s: Placed) => s.wholeVenue || s.roomIds.length > 0;
const END_ERROR = { error: "La fin doit être après le début.", path: ["endsAt"] };
const PLACE_ERROR = {
  error: "Choisissez au moins une salle, ou tout le lieu.",
  path: ["roomIds"],
};

export const Session = z.object({ id: z.uuid(), ...sessionFields });
export type Session = z.infer<typeof Session>;

/** What an organiser submits to create a session (the admin form uses this very schema). */
export const SessionInput = z
  .object(sessionFields)
  .refine(endAfterStart, END_ERROR)
  .refine(hasPlace, PLACE_ERROR);
export type SessionInput = z.infer<typeof SessionInput>;

/** A partial edit: any field but the edition; the merged result is validated again. */
export const SessionUpdate = z
  .object(editableFields(sessionFields))
  .omit({ editionId: true })
  .partial()
  .extend({ id: z.uuid() });
export type SessionUpdate = z.infer<typeof SessionUpdate>;

/** Drag-and-drop: new times and, optionally, new rooms. */
export const SessionMove = z
  .object({
    id: z.uuid(),
    startsAt: Instant,
    endsAt: Instant,
    roomIds: z.array(z.uuid()).optional(),
  })
  .refine(endAfterStart, END_ERROR);
export type SessionMove = z.infer<typeof SessionMove>;

/** Re-checks a merged session (after update or move) with the create rules; throws a ZodError. */
export function assertValidSession(session: Session): void {
  SessionInput.parse(session);
}

/**
 * Why a session's times fall outside its edition (a French message), or null. A session starts
 * and ends within the congress's days, in the edition's zone: from the first day's midnight to
 * the end of the last day.
 */
export function outsideEditionMessage(
  session: { startsAt: string; endsAt: string },
  edition: { firstDay: string; lastDay: string; timeZone?: string },
): string | null {
  const zone = edition.timeZone ?? PARIS;
  const opens = Date.parse(instantFromLocal(edition.firstDay, "00:00", zone));
  const closes = Date.parse(endOfLocalDay(edition.lastDay, zone));
  if (Date.parse(session.startsAt) >= opens && Date.parse(session.endsAt) <= closes) return null;
  const days =
    edition.firstDay === edition.lastDay
      ? `le ${formatDate(edition.firstDay)}`
      : `entre le ${formatDate(edition.firstDay)} et le ${formatDate(edition.lastDay)}`;
  return `La session doit avoir lieu pendant le congrès, ${days}.`;
}
