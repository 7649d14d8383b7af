import type { EditionWithBudget, PartnerKind, SessionKind, Theme } from "@tribune/domain/congress";

/**
 * The 26th congress as the 2026 press kit prints it (shared/seeds/001_…): the reference data
 * the seed loads and the tests check against. Start times and rooms are the kit's. End times
 * are the next entry's start in the same column; the kit gives none for the last entry of a
 * day, so those three (`assumedEnd`) are our assumption and are marked as such.
 */
export const EDITION_2026: Omit<EditionWithBudget, "id"> = {
  number: 26,
  year: 2026,
  theme: "Demain se soigne aujourd'hui",
  subtitle: "choix du présent, enjeu du futur",
  city: "Dijon",
  venue: "Palais des congrès de Dijon",
  firstDay: "2026-01-22",
  lastDay: "2026-01-23",
  timeZone: "Europe/Paris",
  expectedAttendance: 1000,
  // The kit gives no registration dates. Opened in the autumn before and never closed: the
  // demo keeps taking registrations (an organiser sets a closing date in the admin).
  registrationOpensOn: "2025-10-01",
  registrationClosesOn: null,
  archivedAt: null,
  budgetEuros: 270_000,
};

export const THURSDAY = "2026-01-22";
export const FRIDAY = "2026-01-23";

export const ROOMS_2026 = [
  { key: "amphi", name: "Amphi Romanée Conti", order: 1, days: [] as string[] },
  { key: "salle2", name: "Salle 2 : Clos de Vougeot", order: 2, days: [] as string[] },
  { key: "salle3", name: "Salle 3 : Musigny – Pommard – Volnay", order: 3, days: [] as string[] },
  // Salle 4 appears only in Thursday's planning.
  { key: "salle4", name: "Salle 4 : Meursault Nuits Corton", order: 4, days: [THURSDAY] },
] as const;
export type RoomKey = (typeof ROOMS_2026)[number]["key"];

export const PARTNERS_2026: { key: string; name: string; kind: PartnerKind; website: string }[] = [
  { key: "gpm", name: "Groupe Pasteur Mutualité", kind: "mutuelle", website: "" },
  { key: "drome", name: "Porte de DrômArdèche", kind: "collectivite", website: "" },
  { key: "gip", name: "GIP Ma santé ma Région", kind: "institution", website: "" },
  { key: "filieris", name: "Filieris", kind: "institution", website: "" },
  // Named by the Ardèche report (seed 000) as an exhibitor in the partners' hall.
  { key: "ardeche", name: "Département de l'Ardèche", kind: "collectivite", website: "" },
];

export interface ReferenceEntry {
  day: string;
  start: string;
  end: string;
  /** True when the press kit gives no end time (last entry of a column). */
  assumedEnd?: true;
  kind: SessionKind;
  title: string;
  /** Rooms by key; "venue" for entries the planning spans across every room. */
  rooms: RoomKey[] | "venue";
  /** Where a venue-wide entry physically happens, when the kit says so. */
  venueRoom?: RoomKey;
  partner?: string;
  themes?: Theme[];
}

const T = THURSDAY;
const F = FRIDAY;

/** Both days of "LE PLANNING", row by row, left to right: 34 entries. */
// biome-ignore format: one line per entry mirrors the printed table
export const PROGRAMME_2026: ReferenceEntry[] = [
  { day: T, start: "08:00", end: "09:00", kind: "accueil", title: "Accueil des congressistes", rooms: "venue" },
  { day: T, start: "09:00", end: "10:00", kind: "pleniere", title: "Plénière d'ouverture", rooms: "venue", venueRoom: "amphi" },
  { day: T, start: "10:00", end: "10:15", kind: "intervention_partenaire", title: "Intervention Groupe Pasteur Mutualité", rooms: "venue", venueRoom: "amphi", partner: "gpm" },
  { day: T, start: "10:15", end: "10:30", kind: "prix", title: "Présentation du Prix Alexandre Varney", rooms: "venue", venueRoom: "amphi", themes: ["recherche"] },
  { day: T, start: "10:30", end: "11:00", kind: "flash_actualite", title: "Flash Actualité n°1", rooms: "venue", venueRoom: "amphi" },
  { day: T, start: "11:00", end: "11:30", kind: "pause", title: "Pause dans le Hall Partenaires", rooms: "venue" },
  { day: T, start: "11:30", end: "13:00", kind: "table_ronde", title: "Intelligence artificielle : assistant ou prescripteur ?", rooms: "venue", venueRoom: "amphi", themes: ["ia", "numerique"] },
  { day: T, start: "13:00", end: "14:00", kind: "repas", title: "Déjeuner puis Café dans le Hall Partenaires", rooms: "venue" },
  { day: T, start: "14:00", end: "14:30", kind: "conference_partenaire", title: "Conférence partenaire : Trois façons d’être médecin en Porte de DrômArdèche", rooms: ["salle4"], partner: "drome", themes: ["exercice", "acces_aux_soins"] },
  { day: T, start: "14:30", end: "16:00", kind: "atelier", title: "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste", rooms: ["amphi"], themes: ["exercice"] },
  { day: T, start: "14:30", end: "16:00", kind: "atelier", title: "Prix Alexandre VARNEY : Présentation des candidats", rooms: ["salle2"], themes: ["recherche"] },
  { day: T, start: "14:30", end: "16:00", kind: "boite_a_outils", title: "1,2,3 rempla", rooms: ["salle3"], themes: ["exercice"] },
  { day: T, start: "14:30", end: "15:00", kind: "conference_partenaire", title: "Conférence partenaire : GIP Ma santé ma Région", rooms: ["salle4"], partner: "gip", themes: ["acces_aux_soins"] },
  { day: T, start: "15:00", end: "15:30", kind: "conference_partenaire", title: "Conférence partenaire : L'utilisation sécurisée de l'IA par les praticiens", rooms: ["salle4"], themes: ["ia", "numerique"] },
  { day: T, start: "15:30", end: "16:00", kind: "conference_partenaire", title: "Conférence partenaire : Filieris", rooms: ["salle4"], partner: "filieris" },
  { day: T, start: "16:00", end: "16:30", kind: "pause", title: "Pause dans le Hall Partenaires", rooms: "venue" },
  { day: T, start: "16:30", end: "18:00", kind: "boite_a_outils", title: "Session Droit des Internes", rooms: ["amphi"], themes: ["droits_des_internes"] },
  { day: T, start: "16:30", end: "18:00", kind: "atelier", title: "Mieux communiquer pour mieux soigner ?", rooms: ["salle2"] },
  { day: T, start: "18:00", end: "18:30", assumedEnd: true, kind: "cloture", title: "Clôture de la première journée de congrès", rooms: "venue", venueRoom: "amphi" },
  { day: T, start: "20:00", end: "23:30", assumedEnd: true, kind: "soiree", title: "Gala", rooms: "venue" },

  { day: F, start: "08:00", end: "09:00", kind: "accueil", title: "Accueil des congressistes", rooms: "venue" },
  { day: F, start: "09:00", end: "10:30", kind: "atelier", title: "La santé : un marché comme un autre ?", rooms: ["amphi"], themes: ["acces_aux_soins"] },
  { day: F, start: "09:00", end: "10:30", kind: "atelier", title: "Parler sexe, prévenir mieux : repenser la santé sexuelle de demain", rooms: ["salle2"], themes: ["sante_sexuelle", "prevention"] },
  { day: F, start: "10:30", end: "11:00", kind: "pause", title: "Pause dans le Hall Partenaires", rooms: "venue" },
  { day: F, start: "11:00", end: "11:30", kind: "flash_actualite", title: "Flash Actualité n°2", rooms: "venue", venueRoom: "amphi" },
  { day: F, start: "11:30", end: "13:00", kind: "table_ronde", title: "Comment réapprendre à habiter la planète et à soigner aux vues des enjeux environnementaux actuels ?", rooms: ["amphi"], themes: ["climat"] },
  { day: F, start: "11:30", end: "13:00", kind: "boite_a_outils", title: "Pathologies et Traitements de demain", rooms: ["salle2"], themes: ["formation"] },
  { day: F, start: "13:00", end: "14:30", kind: "repas", title: "Déjeuner puis Café dans le Hall Partenaires", rooms: "venue" },
  { day: F, start: "14:30", end: "16:30", kind: "boite_a_outils", title: "1,2,3 thèse", rooms: ["amphi"], themes: ["recherche", "formation"] },
  { day: F, start: "14:30", end: "16:30", kind: "boite_a_outils", title: "Les Pseudo Sciences", rooms: ["salle2"], themes: ["formation"] },
  { day: F, start: "14:30", end: "16:30", kind: "boite_a_outils", title: "Décoloniser la Santé", rooms: ["salle3"], themes: ["discriminations"] },
  { day: F, start: "16:30", end: "17:00", kind: "flash_actualite", title: "Flash Actualité n°3", rooms: "venue", venueRoom: "amphi" },
  { day: F, start: "17:00", end: "17:30", kind: "prix", title: "Remise du prix A.Varney", rooms: "venue", venueRoom: "amphi", themes: ["recherche"] },
  { day: F, start: "17:30", end: "18:00", assumedEnd: true, kind: "cloture", title: "Discours de clôture du congrès", rooms: "venue", venueRoom: "amphi" },
];
