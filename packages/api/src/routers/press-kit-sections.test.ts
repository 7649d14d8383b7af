import { listAudit } from "@tribune/db/repos/audit";
import { findDossierBySlug } from "@tribune/db/repos/dossiers";
import * as schema from "@tribune/db/schema";
import { seedReferenceEdition, seedReferenceSurveys } from "@tribune/db/seed";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import {
  formatFigure,
  type KeyFigure,
  type PressKitModel,
  type SectionOfKind,
} from "@tribune/domain/press-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, testApi } from "../test-support";

const pillar = (model: PressKitModel, id: string) =>
  model.sections.find((s) => s.id === id) as SectionOfKind<"pillar">;
const statusOf = (model: PressKitModel, id: string) =>
  model.sections.find((s) => s.id === id)?.status;

describe.each(testBackends())("the press kit's stored sections and dossiers on %s", (backend) => {
  let close: () => Promise<void>;
  let api: ReturnType<typeof testApi>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    close = opened.close;
    await seedReferenceEdition(opened.db);
    await seedReferenceSurveys(opened.db);
    api = testApi(opened.db);
  });
  afterAll(() => close());

  const model = async () => (await api.callerAs("press")).pressKit.model({ year: 2026 });

  it("prints a dossier as edited in the admin in the next kit", async () => {
    const bureau = await api.callerAs("bureau");
    const chu = await findDossierBySlug(api.db, "attaque-chu");
    if (!chu) throw new Error("seed missing");
    await bureau.dossier.update({
      id: chu.id,
      title: "ATTAQUE EN JUSTICE DES CHU",
      body: ["Nouvelle **victoire** à Rennes.", { list: ["Poitiers", "Rennes"] }],
    });
    const item = pillar(await model(), "defendre").content.items.find(
      (i) => i.id === "attaque-chu",
    );
    expect(item?.title).toBe("ATTAQUE EN JUSTICE DES CHU");
    expect(item?.blocks).toEqual([
      {
        type: "paragraph",
        runs: [
          { type: "text", text: "Nouvelle ", bold: false },
          { type: "text", text: "victoire", bold: true },
          { type: "text", text: " à Rennes.", bold: false },
        ],
      },
      {
        type: "list",
        items: [
          [{ type: "text", text: "Poitiers", bold: false }],
          [{ type: "text", text: "Rennes", bold: false }],
        ],
      },
    ]);
    // A new dossier joins its pillar at its position (here the last).
    await bureau.dossier.create({
      slug: "nouveau-combat",
      title: "NOUVEAU COMBAT",
      pillar: "defendre",
      status: "mobilisation",
      summary: "",
      body: ["Texte."],
      partners: [],
      figureIds: [],
      position: 10,
    });
    expect(pillar(await model(), "defendre").content.items.at(-1)?.title).toBe("NOUVEAU COMBAT");
  });

  it("refuses a dossier text the kit could not print, in French", async () => {
    const bureau = await api.callerAs("bureau");
    const chu = await findDossierBySlug(api.db, "attaque-chu");
    if (!chu) throw new Error("seed missing");
    const unclosed = await rejection(bureau.dossier.update({ id: chu.id, body: ["**ouvert"] }));
    expect(unclosed.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(unclosed.message).toMatch(/n'est pas refermé/);
    const shown = await rejection(bureau.dossier.update({ id: chu.id, figureIds: ["tt-moyenne"] }));
    expect(shown.message).toMatch(/mis en avant mais le texte ne le cite pas/);
  });

  it("prints a key figure created in the admin in a dossier that quotes it, with its value", async () => {
    const bureau = await api.callerAs("bureau");
    const dossier = {
      slug: "gardes-longues",
      title: "GARDES LONGUES",
      pillar: "defendre" as const,
      status: "mobilisation" as const,
      summary: "",
      body: ["Aujourd'hui, {{tt-au-dela-70h}} des internes."],
      partners: [],
      figureIds: ["tt-au-dela-70h"],
      position: 20,
    };
    const unknown = await rejection(bureau.dossier.create(dossier));
    expect(unknown.message).toBe("Chiffre clé inconnu : {{tt-au-dela-70h}}.");
    const definition = {
      id: "tt-au-dela-70h",
      surveySlug: "temps-de-travail-2024",
      questionId: "heures_semaine",
      statistic: { kind: "share_above" as const, threshold: 70 },
      scale: 100,
      template: "{value} % des internes travaillent plus de 70 heures par semaine",
    };
    // Not published yet: not for the press, so not quotable.
    await bureau.survey.saveKeyFigure({ definition });
    expect((await rejection(bureau.dossier.create(dossier))).message).toBe(
      "Chiffre clé inconnu : {{tt-au-dela-70h}}.",
    );
    const saved = await bureau.survey.saveKeyFigure({
      definition: { ...definition, published: true },
      previousId: definition.id,
    });
    await bureau.dossier.create(dossier);
    const quotable = await bureau.pressKit.figures();
    expect(quotable).toContainEqual(
      expect.objectContaining({
        id: "tt-au-dela-70h",
        label: "des internes travaillent plus de 70 heures par semaine",
      }),
    );

    const kit = await model();
    const figure = kit.figures.find((f) => f.id === "tt-au-dela-70h");
    // The admin shows what the PDF prints in place of {{tt-au-dela-70h}}: the same value.
    const offered = quotable.find((f) => f.id === "tt-au-dela-70h");
    expect(offered?.value).toBe(figure?.value);
    expect(offered?.printed).toBe(formatFigure(figure as KeyFigure));
    expect(offered?.printed).toMatch(/^\d+(,\d)?\u202F%$/);
    // Whoever reads the dossiers sees their figures.
    expect((await (await api.callerAs("organiser")).pressKit.figures()).length).toBe(
      quotable.length,
    );
    expect(saved.value).not.toBeNull();
    expect(figure).toMatchObject({
      value: saved.value,
      unit: "percent",
      label: "des internes travaillent plus de 70 heures par semaine",
      source: {
        survey: saved.provenance.survey,
        respondents: saved.provenance.respondents,
      },
    });
    expect(figure?.statistic).toMatch(/^Part des répondant·es ayant répondu plus de 70 à « /);
    const item = pillar(kit, "defendre").content.items.find((i) => i.id === "gardes-longues");
    expect(item?.figureIds).toEqual(["tt-au-dela-70h"]);
    expect(item?.blocks[0]).toMatchObject({
      runs: [{ text: "Aujourd'hui, " }, { type: "figure", figureId: "tt-au-dela-70h" }, {}],
    });
  });

  it("says beside a figure computed from synthetic responses that it is demo data", async () => {
    const figures = (await model()).figures;
    const computed = figures.filter((f) => f.value !== null);
    expect(computed.length).toBeGreaterThan(0);
    expect(computed.every((f) => f.synthetic)).toBe(true);
  });

  it("starts with the 2026 sections validated, the kit's texts in them", async () => {
    const sections = await (await api.callerAs("press")).pressKit.sections({ year: 2026 });
    expect(sections).toHaveLength(11);
    expect(sections.every((s) => s.status === "validated" && s.stored)).toBe(true);
    expect(sections.find((s) => s.sectionId === "mot-presidente")?.signature?.name).toBe(
      "ATIKA BOKHARI",
    );
  });

  it("puts an edited section back in draft until the bureau validates it, audited", async () => {
    const press = await api.callerAs("press");
    const edited = await press.pressKit.updateSection({
      year: 2026,
      sectionId: "mot-presidente",
      title: "Mot de la Présidente",
      kicker: "L'ISNAR-IMG",
      text: "Un mot **nouveau**.\n\n- un\n- deux",
      signature: { name: "ATIKA BOKHARI", role: "PRÉSIDENTE DE L'ISNAR-IMG" },
    });
    expect(edited).toMatchObject({ status: "draft", updatedBy: "press@tribune.test" });
    let kit = await model();
    expect(statusOf(kit, "mot-presidente")).toBe("draft");
    expect(kit.sections.filter((s) => s.status === "draft")).toHaveLength(1);

    const refused = await rejection(
      press.pressKit.setSectionStatus({
        year: 2026,
        sectionId: "mot-presidente",
        status: "validated",
      }),
    );
    expect(refused.data.code).toBe("FORBIDDEN");

    const bureau = await api.callerAs("bureau");
    const validated = await bureau.pressKit.setSectionStatus({
      year: 2026,
      sectionId: "mot-presidente",
      status: "validated",
    });
    expect(validated).toMatchObject({ status: "validated", validatedBy: "bureau@tribune.test" });
    kit = await model();
    expect(kit.sections.every((s) => s.status === "validated")).toBe(true);

    const again = await rejection(
      bureau.pressKit.setSectionStatus({
        year: 2026,
        sectionId: "mot-presidente",
        status: "validated",
      }),
    );
    expect(again.message).toBe("« Mot de la présidence » est déjà validée.");

    const audit = await listAudit(api.db, { entity: "press_kit_section", limit: 10 });
    expect(audit.map((e) => [e.actorEmail, e.entityId])).toEqual([
      ["bureau@tribune.test", "2026/mot-presidente"],
      ["press@tribune.test", "2026/mot-presidente"],
    ]);
    expect(audit[0]?.before).toMatchObject({ status: "draft" });
    expect(audit[0]?.after).toMatchObject({ status: "validated" });
  });

  it("shows the bureau the section as last validated, to compare with the press's draft", async () => {
    const press = await api.callerAs("press");
    const bureau = await api.callerAs("bureau");
    const ref = { year: 2026, sectionId: "mot-bureau" } as const;
    // Seeded as validated and never touched: no earlier version to compare with.
    expect(await bureau.pressKit.lastValidated(ref)).toBeNull();

    const [seeded] = (await bureau.pressKit.sections({ year: 2026 })).filter(
      (s) => s.sectionId === "mot-bureau",
    );
    if (!seeded) throw new Error("no mot-bureau");
    const edit = (text: string) =>
      press.pressKit.updateSection({
        ...ref,
        title: seeded.title,
        kicker: seeded.kicker,
        text,
        signature: seeded.signature,
      });
    // The press edits it: the validated text is the one before the edit.
    await edit("Premier jet du **bureau**.");
    expect(await press.pressKit.lastValidated(ref)).toMatchObject({ text: seeded.text });

    // Validated, then edited again: the comparison starts from the second validation.
    await bureau.pressKit.setSectionStatus({ ...ref, status: "validated" });
    await edit("Second jet du **bureau**.");
    expect(await bureau.pressKit.lastValidated(ref)).toMatchObject({
      text: "Premier jet du **bureau**.",
      validatedBy: "bureau@tribune.test",
    });
    await bureau.pressKit.setSectionStatus({ ...ref, status: "validated" });
  });

  it("keeps a validated section validated when saved unchanged", async () => {
    const bureau = await api.callerAs("bureau");
    const [cover] = await bureau.pressKit.sections({ year: 2026 });
    if (!cover) throw new Error("no cover");
    const saved = await bureau.pressKit.updateSection({ year: 2026, ...cover });
    expect(saved.status).toBe("validated");
  });

  it("refuses to validate a pillar while one of its items has no text, then validates it once written", async () => {
    const PRECIS = "PRÉCIS À L'USAGE DES FUTUR·ES INTERNES";
    const titles = async () => pillar(await model(), "informer").content.items.map((i) => i.title);
    // Validated, INFORMER prints only what has a text: no « Texte à venir » in a validated kit.
    expect(await titles()).not.toContain(PRECIS);

    const press = await api.callerAs("press");
    const [informer] = (await press.pressKit.sections({ year: 2026 })).filter(
      (s) => s.sectionId === "informer",
    );
    if (!informer) throw new Error("no informer");
    await press.pressKit.updateSection({ year: 2026, ...informer, text: "S'informer, informer." });
    // In draft, the item to write shows, under the watermark.
    expect(await titles()).toContain(PRECIS);

    const bureau = await api.callerAs("bureau");
    const refused = await rejection(
      bureau.pressKit.setSectionStatus({ year: 2026, sectionId: "informer", status: "validated" }),
    );
    expect(refused.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(refused.message).toBe(
      `« Pilier Informer » ne peut pas être validée : « ${PRECIS} » n'a pas encore de texte (le PDF imprimerait « Texte à venir »). Écrivez-le dans Dossiers, ou retirez-le du pilier.`,
    );
    const sections = await press.pressKit.sections({ year: 2026 });
    expect(sections.find((s) => s.sectionId === "informer")?.status).toBe("draft");

    const precis = await findDossierBySlug(api.db, "precis");
    if (!precis) throw new Error("seed missing");
    await bureau.dossier.update({ id: precis.id, body: ["Un guide pour choisir sa subdivision."] });
    await bureau.pressKit.setSectionStatus({
      year: 2026,
      sectionId: "informer",
      status: "validated",
    });
    expect(await titles()).toContain(PRECIS);
    // Back as it was, for the tests after this one.
    await press.pressKit.updateSection({ year: 2026, ...informer });
    await bureau.pressKit.setSectionStatus({
      year: 2026,
      sectionId: "informer",
      status: "validated",
    });
    await bureau.dossier.update({ id: precis.id, body: [] });
  });

  it("refuses a text the kit could not print, on its field", async () => {
    const press = await api.callerAs("press");
    const error = await rejection(
      press.pressKit.updateSection({
        year: 2026,
        sectionId: "ouverture",
        title: "Texte d'ouverture",
        kicker: null,
        text: "Avec {{chiffre-invente}} internes.",
        signature: null,
      }),
    );
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      appCode: "invalid",
      fieldErrors: { text: ["Chiffre clé inconnu : {{chiffre-invente}}."] },
    });
  });

  it("prints the contacts and flash topics as the press edits them; refuses contacts that do not read", async () => {
    const press = await api.callerAs("press");
    const sections = await press.pressKit.sections({ year: 2026 });
    const contacts = sections.find((s) => s.sectionId === "contacts");
    const topics = sections.find((s) => s.sectionId === "temps-forts");
    if (!contacts || !topics) throw new Error("sections missing");
    const edit = (section: typeof contacts, text: string) =>
      press.pressKit.updateSection({
        year: 2026,
        sectionId: section.sectionId,
        title: section.title,
        kicker: section.kicker,
        text,
        signature: null,
      });
    const wrong = await rejection(edit(contacts, `${contacts.text}\nTikTok : @isnarimg`));
    expect(wrong.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(wrong.data.fieldErrors?.text?.[0]).toMatch(/^Ligne 9 \(« TikTok : @isnarimg »\)/);

    const saved = await edit(contacts, `${contacts.text}\nSite : www.congres-2027.fr`);
    expect(saved.status).toBe("draft");
    await edit(topics, "Docteur Junior\n- Accès aux soins");
    const kit = await model();
    const printed = kit.sections.find((s) => s.kind === "contacts");
    expect(printed?.kind === "contacts" && printed.content.websites).toEqual([
      "www.congres.isnar-img.com",
      "www.isnar-img.com",
      "www.congres-2027.fr",
    ]);
    expect(printed?.status).toBe("draft");
    const highlights = kit.sections.find((s) => s.kind === "highlights");
    const flash =
      highlights?.kind === "highlights"
        ? highlights.content.groups.find((g) => g.kind === "flash_actualite")
        : undefined;
    expect(flash?.topics).toEqual(["Docteur Junior", "Accès aux soins"]);
    // Back as it was, for the tests after this one.
    await edit(contacts, contacts.text);
    await edit(topics, topics.text);
    const bureau = await api.callerAs("bureau");
    for (const sectionId of ["contacts", "temps-forts"] as const)
      await bureau.pressKit.setSectionStatus({ year: 2026, sectionId, status: "validated" });
  });

  it("prints the sections in the order the press sets, cover and contents first, audited", async () => {
    const press = await api.callerAs("press");
    const moved = await press.pressKit.moveSection({
      year: 2026,
      sectionId: "planning",
      direction: "up",
    });
    expect(moved.map((s) => s.sectionId).slice(2, 5)).toEqual([
      "ouverture",
      "planning",
      "temps-forts",
    ]);
    expect(moved.every((s) => s.status === "validated")).toBe(true);
    const kit = await model();
    expect(kit.sections.map((s) => s.id).slice(0, 5)).toEqual([
      "couverture",
      "sommaire",
      "ouverture",
      "planning",
      "temps-forts",
    ]);
    const cover = await rejection(
      press.pressKit.moveSection({ year: 2026, sectionId: "couverture", direction: "down" }),
    );
    expect(cover.message).toBe("« Couverture » reste en tête du dossier de presse.");
    const last = await rejection(
      press.pressKit.moveSection({ year: 2026, sectionId: "contacts", direction: "down" }),
    );
    expect(last.message).toBe("« Contacts » est déjà la dernière section.");
    const [entry] = await listAudit(api.db, { entity: "press_kit_section", limit: 1 });
    expect(entry).toMatchObject({ action: "move", entityId: "2026/planning" });
    const member = await api.callerAs("organiser");
    expect(
      (
        await rejection(
          member.pressKit.moveSection({ year: 2026, sectionId: "planning", direction: "down" }),
        )
      ).data.code,
    ).toBe("FORBIDDEN");
    await (await api.callerAs("bureau")).pressKit.moveSection({
      year: 2026,
      sectionId: "planning",
      direction: "down",
    });
    expect((await model()).sections.map((s) => s.id).slice(3, 5)).toEqual([
      "temps-forts",
      "planning",
    ]);
  });

  it("gives an edition nobody wrote a kit for templates (never the 2026 texts), all in draft", async () => {
    const [edition] = await api.db.select().from(schema.editions);
    if (!edition) throw new Error("no edition");
    await api.db.insert(schema.editions).values({
      ...edition,
      id: "7d9f3c1e-2a4b-4c8d-9e0f-1a2b3c4d5e6f",
      year: 2027,
      number: 27,
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
    });
    const sections = await (await api.callerAs("bureau")).pressKit.sections({ year: 2027 });
    expect(sections.every((s) => s.status === "draft" && !s.stored)).toBe(true);
    const kit = await (await api.callerAs("press")).pressKit.model({ year: 2027 });
    expect(kit.sections.every((s) => s.status === "draft")).toBe(true);
  });

  it.each<Role>(["member", "representative", "organiser"])(
    "refuses %s the sections, to read or to write",
    async (role) => {
      const caller = await api.callerAs(role);
      expect((await rejection(caller.pressKit.sections({ year: 2026 }))).data.code).toBe(
        "FORBIDDEN",
      );
      const edit = caller.pressKit.updateSection({
        year: 2026,
        sectionId: "sommaire",
        title: "Sommaire",
        kicker: null,
        text: "",
        signature: null,
      });
      expect((await rejection(edit)).data.code).toBe("FORBIDDEN");
    },
  );
});
