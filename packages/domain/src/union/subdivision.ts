import { z } from "zod";
import { Email } from "../auth/account";
import { int, text } from "../kernel/input";

/**
 * A subdivision: one university city or region where interns do their residency, and the
 * local union (syndicat or association) that represents its GP interns in the federation.
 */
export const Subdivision = z.object({
  id: z.uuid(),
  /** Stable, ASCII, used by CSV imports and URLs ("saint-etienne"). */
  slug: text({ max: 60 }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: "L'identifiant s'écrit en minuscules sans accent, chiffres et tirets (saint-etienne).",
  }),
  /** The city or region, as people name it ("Saint-Étienne", "Paris (Île-de-France)"). */
  name: text({ max: 120 }).min(1, { error: "Le nom est obligatoire." }),
  /** The local union's name. */
  unionName: text({ max: 200 }),
  university: text({ max: 200 }),
  contactEmail: z.union([Email, z.literal("")]),
  /** Headcount the local union declares to the federation (members are imported separately). */
  declaredMembers: int({
    min: 0,
    max: 100_000,
    error: "Le nombre d'adhérent·es est un nombre entier.",
    tooSmall: "Le nombre d'adhérent·es ne peut être négatif.",
    tooBig: "Au plus 100 000 adhérent·es.",
  }),
  /** Other names a spreadsheet may use for it ("idf", "la reunion"), for CSV imports. */
  aliases: z.array(text({ max: 60 }).min(1)).max(20),
});
export type Subdivision = z.infer<typeof Subdivision>;

export const SubdivisionUpdate = Subdivision.pick({
  unionName: true,
  university: true,
  contactEmail: true,
  declaredMembers: true,
  aliases: true,
})
  .partial()
  .extend({ id: z.uuid() });
export type SubdivisionUpdate = z.infer<typeof SubdivisionUpdate>;

/** The slug a name gives when none is typed: "Montpellier-Nîmes" → "montpellier-nimes". */
export const slugOfName = (name: string): string => normaliseName(name).replaceAll(" ", "-");

/**
 * A subdivision the union admits to the federation. Only the name is required: the slug is
 * derived from it when left empty, the rest is filled in later on the subdivision's page.
 */
export const SubdivisionInput = z
  .object({
    name: Subdivision.shape.name,
    slug: z.union([Subdivision.shape.slug, z.literal("")]).default(""),
    unionName: Subdivision.shape.unionName.default(""),
    university: Subdivision.shape.university.default(""),
    contactEmail: Subdivision.shape.contactEmail.default(""),
    declaredMembers: Subdivision.shape.declaredMembers.default(0),
    aliases: Subdivision.shape.aliases.default([]),
  })
  .transform(({ slug, ...rest }) => ({ ...rest, slug: slug || slugOfName(rest.name) }))
  .refine((s) => s.slug !== "", {
    path: ["slug"],
    error: "Donnez un identifiant (lettres et chiffres) : le nom n'en contient pas.",
  });
export type SubdivisionInput = z.input<typeof SubdivisionInput>;
export type NewSubdivision = z.output<typeof SubdivisionInput>;

/** What the public registration form needs: no counts, no contacts. */
export const SubdivisionOption = Subdivision.pick({ id: true, slug: true, name: true });
export type SubdivisionOption = z.infer<typeof SubdivisionOption>;

export const SubdivisionSummary = Subdivision.extend({
  /** Member records held for the subdivision. */
  members: z.int().nonnegative(),
  representatives: z.int().nonnegative(),
});
export type SubdivisionSummary = z.infer<typeof SubdivisionSummary>;

export const Representative = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
});
export type Representative = z.infer<typeof Representative>;

export const SubdivisionDetail = SubdivisionSummary.extend({
  representativeList: z.array(Representative),
  /** Members by year of training (index 0 is the 1st year). */
  membersByYear: z.array(z.int().nonnegative()).length(4),
});
export type SubdivisionDetail = z.infer<typeof SubdivisionDetail>;

/** Lower case, no accents, words separated by one space: "Saint-Étienne" → "saint etienne". */
export function normaliseName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Finds a subdivision by what a person would type in a spreadsheet: its name, slug or one of
 * its aliases, whatever the case, accents or punctuation ("saint etienne", "Île-de-France").
 */
export function subdivisionMatcher<
  S extends { slug: string; name: string; aliases?: readonly string[] },
>(subdivisions: readonly S[]): (value: string) => S | null {
  const index = new Map<string, S>();
  for (const s of subdivisions) {
    for (const key of [s.slug, s.name, ...(s.aliases ?? [])]) index.set(normaliseName(key), s);
  }
  return (value) => index.get(normaliseName(value)) ?? null;
}
