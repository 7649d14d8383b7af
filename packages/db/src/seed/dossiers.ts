import type { DossierEventInput, DossierStatus } from "@tribune/domain/dossiers";
import type { EditorialBlock } from "@tribune/domain/press-kit";
import { pressKitEditorial2026, referenceSubdivision } from "@tribune/reference";
import type { Executor } from "../client";
import { findDossierBySlug, insertDossier } from "../repos/dossiers";
import { caMeetings } from "../schema";

/**
 * What the 2026 press kit says of each item, beyond its text: the status it implies, the
 * organisations it names as partners, the dated events it reports. Items not listed are the
 * union's standing activities (in progress).
 */
const KIT_FACTS: Record<
  string,
  { status: DossierStatus; partners?: string[]; events?: DossierEventInput[] }
> = {
  "enquete-temps-de-travail": { status: "mobilisation", partners: ["ISNI", "FNSIP-BM"] },
  "enquete-sante-mentale": { status: "mobilisation", partners: ["ISNI", "ANEMF"] },
  "enquete-dixieme-annee": { status: "in_progress" },
  "attaque-chu": {
    status: "in_progress",
    partners: ["ISNI", "FNSIP-BM"],
    events: [{ date: "2024-02-01", label: "Début des procès contre les 28 CHU de France" }],
  },
  pdsa: { status: "mobilisation" },
  gardes: {
    status: "won",
    events: [{ date: "2023-10-13", label: "Grève des internes" }],
  },
  "quatrieme-annee": { status: "in_progress" },
  determinants: { status: "in_progress", partners: ["ANEMF", "ReAGJIR"] },
  decryptage: { status: "watch" },
};

/** The first sentence of the first paragraph, as the press summary (the kit's own words). */
function firstSentence(blocks: readonly EditorialBlock[]): string {
  const first = blocks.find((b): b is string => typeof b === "string");
  if (!first) return "";
  const plain = first.replaceAll("**", "");
  const end = plain.search(/[.!?](\s|$)/);
  return (end === -1 ? plain : plain.slice(0, end + 1)).trim();
}

/** A CA meeting the press reported (seed 003, La Dépêche): no date given, so none stored. */
const CAHORS_MEETING_ID = "6a1c3e0e-7d0b-4c55-9a43-0c2f8d1e0003";

/**
 * Every item of the 2026 press kit's three pillars as a dossier, its text carried over as the
 * kit prints it (`pressKitEditorial2026`), and the CA meeting of Cahors. No motion: the
 * sources quote none. Idempotent: an existing dossier (same slug) is left as edited.
 */
export async function seedReferenceDossiers(db: Executor): Promise<{ created: number }> {
  let created = 0;
  for (const pillar of pressKitEditorial2026().pillars) {
    for (const [position, item] of pillar.items.entries()) {
      if (await findDossierBySlug(db, item.id)) continue;
      const facts = KIT_FACTS[item.id] ?? { status: "in_progress" as const };
      // The figures the kit sets large; the others are quoted by the text only.
      const figureIds = [...(item.figureIds ?? [])];
      await insertDossier(db, {
        slug: item.id,
        title: item.title,
        pillar: pillar.id,
        status: facts.status,
        summary: firstSentence(item.blocks),
        body: item.blocks,
        partners: facts.partners ?? [],
        figureIds,
        position,
        events: facts.events ?? [],
      });
      created++;
    }
  }
  await db
    .insert(caMeetings)
    .values({
      id: CAHORS_MEETING_ID,
      date: null,
      city: "Cahors",
      // "L'association des internes de Midi-Pyrénées a choisi Cahors": Toulouse's union.
      hostSubdivisionId: referenceSubdivision("toulouse").id,
      note: "Conseil d'Administration et Bureau National accueillis par le Département du Lot (La Dépêche) ; date non précisée par la source.",
    })
    .onConflictDoNothing();
  return { created };
}
