import { z } from "zod";

export const ROLES = ["admin", "organiser", "bureau", "press", "representative", "member"] as const;
export const Role = z.enum(ROLES, { error: "Rôle inconnu." });
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administration",
  organiser: "Organisation du congrès",
  bureau: "Bureau National",
  press: "Presse",
  representative: "Représentant·e de subdivision",
  member: "Adhérent·e",
};

/** Who reads the audit log (each entry only if they may read its entity: see AUDIT_READERS). */
export const AUDIT_LOG_READERS: readonly Role[] = ["admin", "organiser"];
/** Who sees an edition's budget; everyone else gets the edition without it. */
export const EDITION_BUDGET_READERS: readonly Role[] = ["admin", "bureau"];

/** Who may change the congress programme (rooms, sessions, speakers, partners). */
export const PROGRAMME_EDITORS: readonly Role[] = ["admin", "organiser"];
/** Who may read the whole programme, drafts included. */
export const PROGRAMME_READERS: readonly Role[] = ["admin", "organiser", "bureau", "press"];
/** Who may read and download the press kit. */
export const PRESS_KIT_READERS: readonly Role[] = ["admin", "bureau", "press"];

/** Who may read and change member records (a representative: their subdivision only). */
export const MEMBER_MANAGERS: readonly Role[] = ["admin", "organiser", "representative"];
/** Who may read the list of subdivisions with their counts. */
export const SUBDIVISION_READERS: readonly Role[] = [
  "admin",
  "organiser",
  "bureau",
  "representative",
];
/** Who adds a subdivision to the federation's list, or removes one recorded by mistake. */
export const SUBDIVISION_EDITORS: readonly Role[] = ["admin", "organiser"];
/** Who runs registrations and the check-in desk. */
export const REGISTRATION_MANAGERS: readonly Role[] = ["admin", "organiser"];
/** Who may read registrations (a representative: their subdivision only). */
export const REGISTRATION_READERS: readonly Role[] = ["admin", "organiser", "representative"];
/** Who watches the live counters (check-in desk, bureau dashboard). */
export const LIVE_VIEWERS: readonly Role[] = ["admin", "organiser", "bureau"];
/** Who may read surveys (questionnaires, response counts). */
export const SURVEY_READERS: readonly Role[] = ["admin", "organiser", "bureau", "press"];
/** Who runs surveys: issues response tokens, edits key figures. */
export const SURVEY_MANAGERS: readonly Role[] = ["admin", "bureau"];
/** Who reads aggregated results (with disclosure control applied). */
export const SURVEY_RESULT_READERS: readonly Role[] = ["admin", "organiser", "bureau"];
/** Health data (mental-health surveys): breakdowns only for these roles. */
export const HEALTH_DATA_READERS: readonly Role[] = ["admin", "bureau"];
/** Who reads key figures; `press` sees the published ones of published surveys only. */
export const KEY_FIGURE_READERS: readonly Role[] = ["admin", "bureau", "press"];
/** Who reads policy dossiers (issue 6). */
export const DOSSIER_READERS: readonly Role[] = [
  "admin",
  "organiser",
  "bureau",
  "press",
  "representative",
];
/** Who writes dossiers and tables motions before the Conseil d'Administration. */
export const DOSSIER_EDITORS: readonly Role[] = ["admin", "bureau"];
/** Who reads motions and their votes (the CA is the representatives of the subdivisions). */
export const MOTION_READERS: readonly Role[] = ["admin", "bureau", "representative"];
/** Who records votes: a representative their own subdivision's only; admin any. */
export const VOTE_RECORDERS: readonly Role[] = ["admin", "representative"];
