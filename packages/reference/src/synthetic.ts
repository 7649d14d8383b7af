import { SUBDIVISIONS_REFERENCE } from "./subdivisions";

/**
 * Synthetic attendees for demos and benches: plausible, deterministic (the same count and seed
 * always give the same people) and unmistakably fake — every email is at the reserved
 * `.example` domain and every record is flagged `synthetic`.
 */
export interface SyntheticAttendee {
  firstName: string;
  lastName: string;
  email: string;
  /** Slug of a reference subdivision, drawn in proportion to its members. */
  subdivisionSlug: string;
  yearOfTraining: 1 | 2 | 3;
  meals: boolean;
  gala: boolean;
  /** When they registered: between mid-October 2025 and mid-January 2026. */
  registeredAt: string;
}

const FIRST_NAMES = [
  "Camille",
  "Léa",
  "Manon",
  "Chloé",
  "Emma",
  "Inès",
  "Sarah",
  "Lucie",
  "Julie",
  "Clara",
  "Alizée",
  "Lison",
  "Margaux",
  "Laura",
  "Nisrine",
  "Océane",
  "Pauline",
  "Mathilde",
  "Anaïs",
  "Marie",
  "Thomas",
  "Hugo",
  "Lucas",
  "Antoine",
  "Maxime",
  "Nicolas",
  "Julien",
  "Romain",
  "Mehdi",
  "Yanis",
  "Pierre",
  "Louis",
  "Arthur",
  "Théo",
  "Baptiste",
  "Guillaume",
  "Adrien",
  "Quentin",
  "Karim",
  "Samuel",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "André",
  "Lefèvre",
  "Mercier",
  "Dupont",
  "Lambert",
  "Bonnet",
  "François",
  "Martinez",
  "Legrand",
  "Garnier",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu",
  "Clément",
  "Gauthier",
  "Dumont",
  "Lopez",
  "Fontaine",
  "Chevalier",
  "Robin",
];

/** mulberry32: a tiny, good-enough deterministic generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");

const REGISTRATION_OPENS = Date.parse("2025-10-15T08:00:00Z");
const REGISTRATION_CLOSES = Date.parse("2026-01-15T22:00:00Z");

/**
 * `count` synthetic attendees, most in their first year (as the 2026 reports suggest), from
 * every subdivision in proportion to its size, in order of registration.
 */
export function generateSyntheticRegistrations(count: number, seed = 2026): SyntheticAttendee[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const total = SUBDIVISIONS_REFERENCE.reduce((sum, s) => sum + s.declaredMembers, 0);
  const subdivision = () => {
    let draw = next() * total;
    for (const s of SUBDIVISIONS_REFERENCE) {
      draw -= s.declaredMembers;
      if (draw < 0) return s.slug;
    }
    return SUBDIVISIONS_REFERENCE.at(-1)?.slug ?? "paris";
  };
  const times = Array.from(
    { length: count },
    () => REGISTRATION_OPENS + Math.floor(next() * (REGISTRATION_CLOSES - REGISTRATION_OPENS)),
  ).sort((a, b) => a - b);

  return times.map((time, index) => {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const yearDraw = next();
    return {
      firstName,
      lastName,
      email: `${ascii(firstName)}.${ascii(lastName)}.${index + 1}@synthetique.example`,
      subdivisionSlug: subdivision(),
      yearOfTraining: yearDraw < 0.6 ? 1 : yearDraw < 0.85 ? 2 : 3,
      meals: next() < 0.9,
      gala: next() < 0.55,
      registeredAt: new Date(time).toISOString(),
    };
  });
}
