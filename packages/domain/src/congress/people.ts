import { z } from "zod";
import { OptionalWebAddress, text } from "../kernel/input";
import { Instant } from "../kernel/time";
import { editableFields } from "./editable";

export const TimeWindow = z
  .object({ startsAt: Instant, endsAt: Instant, reason: text({ max: 200 }).default("") })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    error: "La fin doit être après le début.",
    path: ["endsAt"],
  });
export type TimeWindow = z.infer<typeof TimeWindow>;

export const Speaker = z.object({
  id: z.uuid(),
  name: text({ max: 120 }).min(1, { error: "Le nom est obligatoire." }),
  affiliation: text({ max: 200 }).default(""),
  bio: text({ max: 4000, multiline: true }).default(""),
  /** Windows during which the speaker cannot take part. */
  unavailable: z.array(TimeWindow).default([]),
});
export type Speaker = z.infer<typeof Speaker>;
export const SpeakerInput = Speaker.omit({ id: true });
export type SpeakerInput = z.infer<typeof SpeakerInput>;
export const SpeakerUpdate = z
  .object(editableFields(SpeakerInput.shape))
  .partial()
  .extend({ id: z.uuid() });

export const PARTNER_KINDS = [
  "mutuelle",
  "collectivite",
  "institution",
  "entreprise",
  "association",
] as const;
export const PartnerKind = z.enum(PARTNER_KINDS, { error: "Type de partenaire inconnu." });
export type PartnerKind = z.infer<typeof PartnerKind>;
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  mutuelle: "Mutuelle",
  collectivite: "Collectivité territoriale",
  institution: "Institution",
  entreprise: "Entreprise",
  association: "Association",
};

export const Partner = z.object({
  id: z.uuid(),
  name: text({ max: 200 }).min(1, { error: "Le nom est obligatoire." }),
  kind: PartnerKind,
  /** As stored; "" for none. A read must not fail on an address saved before the rule below. */
  website: z.string(),
});
export type Partner = z.infer<typeof Partner>;
export const PartnerInput = Partner.omit({ id: true }).extend({
  /** http(s) only: the admin makes a link of it. */
  website: OptionalWebAddress.default(""),
});
export type PartnerInput = z.infer<typeof PartnerInput>;
export const PartnerUpdate = z
  .object(editableFields(PartnerInput.shape))
  .partial()
  .extend({ id: z.uuid() });
