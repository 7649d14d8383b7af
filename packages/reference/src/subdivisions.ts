import type { Subdivision } from "@tribune/domain/union";
import { stableUuid } from "./fixtures";

/**
 * The 23 subdivisions whose local unions make up the ISNAR-IMG (press kit, "vingt-trois
 * subdivisions"). The list is the one the Lille union (AIMGL) publishes for the federation's
 * Conseil d'Administration: Amiens, Angers, Besançon, Bordeaux, Brest, Caen, Clermont-Ferrand,
 * Dijon, Grenoble, Lille, Limoges, Nancy, Nantes, Océan Indien, Paris, Poitiers, Reims, Rennes,
 * Rouen, Saint-Étienne, Strasbourg, Toulouse and Tours. The other subdivisions of France
 * (Antilles-Guyane, Lyon, Marseille, Montpellier-Nîmes, Nice) have no union in the federation on
 * that list. Membership changes over the years: subdivisions are editable data, this is a seed.
 *
 * Local union names are given only where a public source names them (AIMGL for Lille,
 * SRP-IMG for Île-de-France, AJMGB for Dijon); the others get a neutral description that
 * organisers correct in the admin. Member counts are plausible figures summing to about
 * 6,000 ("plus de 6 000 internes", seed 003), roughly in proportion to each subdivision's
 * size; SRP-IMG reports over 1,000 members.
 */
export const SUBDIVISIONS_REFERENCE: readonly (Omit<
  Subdivision,
  "id" | "unionName" | "contactEmail" | "aliases"
> & { unionName?: string; aliases?: string[] })[] = [
  {
    slug: "amiens",
    name: "Amiens",
    university: "Université de Picardie Jules Verne",
    declaredMembers: 170,
    aliases: ["picardie"],
  },
  { slug: "angers", name: "Angers", university: "Université d'Angers", declaredMembers: 190 },
  {
    slug: "besancon",
    name: "Besançon",
    university: "Université Marie et Louis Pasteur",
    declaredMembers: 160,
    aliases: ["franche comte"],
  },
  {
    slug: "bordeaux",
    name: "Bordeaux",
    university: "Université de Bordeaux",
    declaredMembers: 380,
    aliases: ["aquitaine"],
  },
  {
    slug: "brest",
    name: "Brest",
    university: "Université de Bretagne Occidentale",
    declaredMembers: 140,
  },
  { slug: "caen", name: "Caen", university: "Université de Caen Normandie", declaredMembers: 190 },
  {
    slug: "clermont-ferrand",
    name: "Clermont-Ferrand",
    university: "Université Clermont Auvergne",
    declaredMembers: 200,
    aliases: ["clermont", "auvergne"],
  },
  {
    slug: "dijon",
    name: "Dijon",
    unionName: "AJMGB — Association des Jeunes Médecins Généralistes de Bourgogne",
    university: "Université Bourgogne Europe",
    declaredMembers: 190,
    aliases: ["bourgogne"],
  },
  {
    slug: "grenoble",
    name: "Grenoble",
    university: "Université Grenoble Alpes",
    declaredMembers: 240,
  },
  {
    slug: "lille",
    name: "Lille",
    unionName: "AIMGL",
    university: "Université de Lille",
    declaredMembers: 520,
  },
  {
    slug: "limoges",
    name: "Limoges",
    university: "Université de Limoges",
    declaredMembers: 120,
    aliases: ["limousin"],
  },
  {
    slug: "nancy",
    name: "Nancy",
    university: "Université de Lorraine",
    declaredMembers: 280,
    aliases: ["lorraine"],
  },
  { slug: "nantes", name: "Nantes", university: "Nantes Université", declaredMembers: 260 },
  {
    slug: "ocean-indien",
    name: "Océan Indien",
    university: "Université de La Réunion",
    declaredMembers: 130,
    aliases: ["la reunion", "reunion", "oi"],
  },
  {
    slug: "paris",
    name: "Paris (Île-de-France)",
    unionName: "SRP-IMG — Syndicat Représentatif Parisien des Internes de Médecine Générale",
    university: "Universités d'Île-de-France",
    declaredMembers: 1050,
    aliases: ["paris", "ile de france", "idf"],
  },
  {
    slug: "poitiers",
    name: "Poitiers",
    university: "Université de Poitiers",
    declaredMembers: 190,
  },
  {
    slug: "reims",
    name: "Reims",
    university: "Université de Reims Champagne-Ardenne",
    declaredMembers: 160,
    aliases: ["champagne ardenne"],
  },
  { slug: "rennes", name: "Rennes", university: "Université de Rennes", declaredMembers: 240 },
  {
    slug: "rouen",
    name: "Rouen",
    university: "Université de Rouen Normandie",
    declaredMembers: 220,
  },
  {
    slug: "saint-etienne",
    name: "Saint-Étienne",
    university: "Université Jean Monnet",
    declaredMembers: 150,
    aliases: ["st etienne"],
  },
  {
    slug: "strasbourg",
    name: "Strasbourg",
    university: "Université de Strasbourg",
    declaredMembers: 260,
    aliases: ["alsace"],
  },
  {
    slug: "toulouse",
    name: "Toulouse",
    university: "Université de Toulouse",
    declaredMembers: 360,
    aliases: ["midi pyrenees"],
  },
  { slug: "tours", name: "Tours", university: "Université de Tours", declaredMembers: 220 },
];

const SUBDIVISION_ENTITY = 0x10;

/** The 23 subdivisions with stable ids (the seed and the tests agree on every id). */
export function referenceSubdivisions(): Subdivision[] {
  return SUBDIVISIONS_REFERENCE.map((s, index) => ({
    id: stableUuid(SUBDIVISION_ENTITY, index + 1),
    slug: s.slug,
    name: s.name,
    unionName: s.unionName ?? `Structure locale des internes de médecine générale de ${s.name}`,
    university: s.university,
    contactEmail: "",
    declaredMembers: s.declaredMembers,
    aliases: s.aliases ?? [],
  }));
}

/** A reference subdivision by slug ("lille"); throws on a typo, for tests and seeds. */
export function referenceSubdivision(slug: string): Subdivision {
  const found = referenceSubdivisions().find((s) => s.slug === slug);
  if (!found) throw new Error(`No reference subdivision "${slug}"`);
  return found;
}
