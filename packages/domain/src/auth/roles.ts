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

/** Who may change the congress programme (rooms, sessions, speakers, partners). */
export const PROGRAMME_EDITORS: readonly Role[] = ["admin", "organiser"];
/** Who may read the whole programme, drafts included. */
export const PROGRAMME_READERS: readonly Role[] = ["admin", "organiser", "bureau", "press"];
