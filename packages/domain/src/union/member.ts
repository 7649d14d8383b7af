import { z } from "zod";
import { Email } from "../auth/account";
import { editableFields } from "../congress/editable";
import { int, text } from "../kernel/input";

/** The DES of general practice lasts four years (the fourth from November 2026). */
export const YEARS_OF_TRAINING = [1, 2, 3, 4] as const;
export const YearOfTraining = z
  .int({
    // A form left on "—" sends nothing: say it is required, not that it is malformed.
    error: (issue) =>
      issue.input === undefined
        ? "Indiquez l'année de DES (1 à 4)."
        : "L'année de formation est un nombre de 1 à 4.",
  })
  .min(1, { error: "L'année de formation va de 1 à 4 (DES de médecine générale)." })
  .max(4, { error: "L'année de formation va de 1 à 4 (DES de médecine générale)." });
export type YearOfTraining = z.infer<typeof YearOfTraining>;
export const YEAR_OF_TRAINING_LABELS: Record<number, string> = {
  1: "1re année",
  2: "2e année",
  3: "3e année",
  4: "4e année",
};

export const MEMBERSHIP_STATUSES = ["active", "pending", "lapsed"] as const;
export const MembershipStatus = z.enum(MEMBERSHIP_STATUSES, {
  error: "Statut d'adhésion inconnu (à jour, en attente ou échue).",
});
export type MembershipStatus = z.infer<typeof MembershipStatus>;
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  active: "À jour de cotisation",
  pending: "Adhésion en attente",
  lapsed: "Adhésion échue",
};

export const PersonName = text({ max: 100 }).min(1, { error: "Ce champ est obligatoire." });

/**
 * A member of a local union. Trade-union membership is a special category of personal data
 * (GDPR art. 9): keep it minimal, and only admins, organisers and the subdivision's own
 * representatives read it.
 */
export const Member = z.object({
  id: z.uuid(),
  subdivisionId: z.uuid({ error: "Choisissez une subdivision." }),
  firstName: PersonName,
  lastName: PersonName,
  email: Email,
  yearOfTraining: YearOfTraining,
  membershipStatus: MembershipStatus,
  membershipYear: int({
    min: 2000,
    max: 2100,
    error: "L'année d'adhésion est une année (2026).",
    tooSmall: "Année d'adhésion invalide.",
    tooBig: "Année d'adhésion invalide.",
  }),
  /** Generated for demos and benches, not a real person. */
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberInput = Member.omit({ id: true, createdAt: true, updatedAt: true }).extend({
  synthetic: z.boolean().default(false),
});
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberUpdate = z
  .object(editableFields(MemberInput.omit({ synthetic: true }).shape))
  .partial()
  .extend({ id: z.uuid() });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const MemberQuery = z.object({
  subdivisionId: z.uuid().optional(),
  /** Matches first name, last name or email, accents and case ignored. */
  search: text({ max: 100 }).optional(),
  yearOfTraining: YearOfTraining.optional(),
  membershipStatus: MembershipStatus.optional(),
  synthetic: z.boolean().optional(),
  limit: int({ min: 1, max: 500 }).default(50),
  offset: int({ min: 0, max: 1_000_000 }).default(0),
});
export type MemberQuery = z.input<typeof MemberQuery>;

export const MemberPage = z.object({ items: z.array(Member), total: z.int().nonnegative() });
export type MemberPage = z.infer<typeof MemberPage>;
