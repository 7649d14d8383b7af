import { pressKitEditorial2026 } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDossierBySlug, listDossiers, updateDossier } from "../repos/dossiers";
import { listCaMeetings, listMotions } from "../repos/motions";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import { seedReferenceDossiers } from "./dossiers";
import { seedReferenceEdition } from "./reference";

describe.each(testBackends())("press-kit dossiers seed on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedReferenceEdition(database.db);
  });
  afterAll(() => database.close());

  it("holds every pillar item of the kit, in the kit's order, with its text as printed", async () => {
    const kit = pressKitEditorial2026().pillars;
    const dossiers = await listDossiers(database.db);
    expect(dossiers.map((d) => [d.pillar, d.title, d.body])).toEqual(
      kit.flatMap((p) => p.items.map((i) => [p.id, i.title, i.blocks])),
    );
    expect(dossiers).toHaveLength(22);
  });

  it("gives the statuses, partners, figures and timeline the kit reports", async () => {
    const gardes = await findDossierBySlug(database.db, "gardes");
    expect(gardes).toMatchObject({
      title: "PÉRENNISATION DE LA REVALORISATION DES GARDES",
      status: "won",
      events: [{ date: "2023-10-13", label: "Grève des internes" }],
    });
    const chu = await findDossierBySlug(database.db, "attaque-chu");
    expect(chu).toMatchObject({
      status: "in_progress",
      partners: ["ISNI", "FNSIP-BM"],
      events: [{ date: "2024-02-01", label: "Début des procès contre les 28 CHU de France" }],
      summary:
        "En association avec l'ISNI et la FNSIP-BM, nous avons attaqué en justice tous les CHU de France pour non respect du temps de travail.",
    });
    const travail = await findDossierBySlug(database.db, "enquete-temps-de-travail");
    // The figures the kit sets large beside the text (it quotes three more in the text).
    expect(travail?.figureIds).toEqual(["tt-moyenne", "tt-plus-80h", "tt-repos-demi-garde"]);
    expect(
      (await listDossiers(database.db, { pillar: "defendre", status: "won" })).map((d) => d.slug),
    ).toEqual(["gardes"]);
  });

  it("records the CA meeting of Cahors without inventing a date, and no motion", async () => {
    expect(await listCaMeetings(database.db)).toMatchObject([{ city: "Cahors", date: null }]);
    expect(await listMotions(database.db)).toEqual([]);
  });

  it("is idempotent and keeps what was edited", async () => {
    const pdsa = await findDossierBySlug(database.db, "pdsa");
    if (!pdsa) throw new Error("pdsa not seeded");
    await updateDossier(database.db, pdsa.id, { status: "won" });
    expect(await seedReferenceDossiers(database.db)).toEqual({ created: 0 });
    expect((await findDossierBySlug(database.db, "pdsa"))?.status).toBe("won");
    expect(await listCaMeetings(database.db)).toHaveLength(1);
    expect(await listDossiers(database.db)).toHaveLength(22);
  });
});
