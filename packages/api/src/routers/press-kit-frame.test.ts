import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import {
  formatFigure,
  type ManualFigureInput,
  type SectionOfKind,
} from "@tribune/domain/press-kit";
import { FIGURES_2026, pressKitEditorial2026 } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { systemContext } from "../services/kit";
import { openFiguresCsv, openFiguresJson } from "../services/surveys/open-figures";
import { rejection, useSeededApi } from "../test-support";

const edition = (year: number) => ({
  number: year - 2000,
  year,
  theme: "Soigner demain",
  city: "Lyon",
  venue: "Centre de congrès de Lyon",
  firstDay: `${year}-01-21`,
  lastDay: `${year}-01-22`,
});

const contacts2026 = pressKitEditorial2026().contacts;
const drees = (year: number): ManualFigureInput => ({
  year,
  id: `drees-burnout-${year}`,
  label: "des internes déclarent des symptômes d'épuisement",
  value: 66.2,
  unit: "percent",
  decimals: 1,
  sourceOrganisation: "DREES",
  sourceTitle: "Santé des internes en médecine",
  sample: "2 145 internes interrogé·es en ligne",
  publishedOn: "2025-03-12",
  url: "",
});

describe.each(testBackends())("the press kit's frame and manual figures on %s", (backend) => {
  const api = useSeededApi(backend);
  const kitOf = async (year: number) => (await api.callerAs("press")).pressKit.model({ year });
  const contactsOf = async (year: number) =>
    ((await kitOf(year)).sections.find((s) => s.kind === "contacts") as SectionOfKind<"contacts">)
      .content;

  it("gives a 2027 edition created from scratch a neutral frame: no 2026 contact, no 2026 figure", async () => {
    const organiser = await api.callerAs("organiser");
    await organiser.edition.create({ ...edition(2027), capacity: 500 });
    const kit = await kitOf(2027);
    expect(await contactsOf(2027)).toEqual({ people: [], websites: [], social: [] });
    const printed = JSON.stringify(kit.sections);
    for (const person of contacts2026.people) expect(printed).not.toContain(person.email);
    expect(printed).not.toContain("Le congrès 2026");
    // The union's name is kept; the 2026 figure definitions are not.
    expect(kit.meta.author).toBe("ISNAR-IMG");
    const defined = new Set(FIGURES_2026.map((f) => f.label));
    expect(kit.figures.some((f) => defined.has(f.label))).toBe(false);
    const frame = await (await api.callerAs("press")).pressKit.frame({ year: 2027 });
    expect(frame).toMatchObject({ stored: true, organisation: "ISNAR-IMG", figures: [] });
    // 2026 still prints its own.
    expect((await contactsOf(2026)).people).toEqual(contacts2026.people);
  });

  it("copies the frame when an edition is created from a previous one", async () => {
    const organiser = await api.callerAs("organiser");
    const { copied } = await organiser.edition.createFrom({ ...edition(2028), fromYear: 2026 });
    expect(copied.frame).toBe(true);
    const press = await api.callerAs("press");
    const [from, to] = await Promise.all([
      press.pressKit.frame({ year: 2026 }),
      press.pressKit.frame({ year: 2028 }),
    ]);
    const strip = ({ updatedAt: _a, updatedBy: _b, ...f }: typeof from) => f;
    expect(strip(to)).toEqual(strip(from));
    expect(to.figures.map((f) => f.id)).toEqual(FIGURES_2026.map((f) => f.id));
  });

  it("lets the press edit the frame's contacts and headings, audited; a template section starts from them", async () => {
    const press = await api.callerAs("press");
    const {
      stored: _s,
      updatedAt: _a,
      updatedBy: _b,
      figures: _f,
      ...fields
    } = await press.pressKit.frame({ year: 2027 });
    const saved = await press.pressKit.updateFrame({
      ...fields,
      year: 2027,
      headings: { ...fields.headings, planning: { title: "Le planning 2027", kicker: null } },
      contacts: {
        people: [{ name: "Camille Martin", role: "Présidente", email: "c@ex.fr", phone: "" }],
        websites: ["www.exemple.fr"],
        social: [],
      },
    });
    expect(saved).toMatchObject({ stored: true, updatedBy: expect.stringContaining("@") });
    expect((await contactsOf(2027)).people.map((p) => p.name)).toEqual(["Camille Martin"]);
    const planning = (await kitOf(2027)).sections.find((s) => s.id === "planning");
    expect(planning?.title).toBe("Le planning 2027");
    const audit = await listAudit(api.db, { entity: "press_kit_section", limit: 200 });
    expect(audit.some((e) => e.entityId === "2027/cadre" && e.action === "update")).toBe(true);

    const same = await rejection(press.pressKit.updateFrame({ ...fields, ...saved, year: 2027 }));
    expect(same.message).toBe("Aucune modification à enregistrer.");
    const member = await rejection(
      (await api.callerAs("organiser")).pressKit.updateFrame({ ...fields, year: 2027 }),
    );
    expect(member.data.code).toBe("FORBIDDEN");
  });

  it("refuses a manual figure without its source, in French, and to the press", async () => {
    const bureau = await api.callerAs("bureau");
    const refused = await rejection(
      bureau.pressKit.createManualFigure({ ...drees(2027), sourceOrganisation: "", sample: " " }),
    );
    expect(refused.data.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(
      "Un chiffre cité doit dire d'où il vient : indiquez l'organisation source, l'échantillon.",
    );
    expect(refused.data.fieldErrors).toMatchObject({
      sourceOrganisation: ["Indiquez l'organisation source (obligatoire)."],
    });
    const press = await rejection(
      (await api.callerAs("press")).pressKit.createManualFigure(drees(2027)),
    );
    expect(press.data.code).toBe("FORBIDDEN");
    // An id the 2026 frame defines is taken in an edition that defines it.
    const taken = await rejection(
      bureau.pressKit.createManualFigure({ ...drees(2026), id: FIGURES_2026[0]?.id ?? "" }),
    );
    expect(taken.data.code).toBe("CONFLICT");
    expect(await bureau.pressKit.manualFigures({ year: 2027 })).toEqual([]);
  });

  it("prints a manual figure quoted in a section with its value and provenance, in the kit and the open data", async () => {
    const bureau = await api.callerAs("bureau");
    const created = await bureau.pressKit.createManualFigure(drees(2027));
    expect(created).toMatchObject({ id: "drees-burnout-2027", sourceOrganisation: "DREES" });
    await bureau.pressKit.updateSection({
      year: 2027,
      sectionId: "ouverture",
      title: "Ouverture",
      kicker: null,
      text: "Selon la DREES, {{drees-burnout-2027}}.",
      signature: { name: "Camille Martin", role: "Présidente" },
    });
    const kit = await kitOf(2027);
    const figure = kit.figures.find((f) => f.id === "drees-burnout-2027");
    expect(figure).toMatchObject({
      value: 66.2,
      synthetic: false,
      citation: {
        organisation: "DREES",
        title: "Santé des internes en médecine",
        sample: "2 145 internes interrogé·es en ligne",
        publishedOn: "2025-03-12",
        url: null,
      },
    });
    expect(JSON.stringify(kit.sections.find((s) => s.id === "ouverture"))).toContain(
      '"figureId":"drees-burnout-2027"',
    );
    const quotable = await bureau.pressKit.figures({ year: 2027 });
    expect(quotable.find((f) => f.id === "drees-burnout-2027")).toMatchObject({
      printed: formatFigure({ value: 66.2, unit: "percent", decimals: 1 }),
      citation: { organisation: "DREES" },
    });
    // Not another edition's: 2028 cannot quote it in its texts.
    const elsewhere = await rejection(
      bureau.pressKit.updateSection({
        year: 2028,
        sectionId: "ouverture",
        title: "Ouverture",
        kicker: null,
        text: "{{drees-burnout-2027}}",
        signature: { name: "X", role: "" },
      }),
    );
    expect(elsewhere.data.code).toBe("BAD_REQUEST");

    const ctx = systemContext(api.db);
    const json = JSON.parse(await openFiguresJson(ctx, { year: 2027 }));
    expect(json.figures).toContainEqual(
      expect.objectContaining({
        id: "drees-burnout-2027",
        origin: "manual",
        value: 66.2,
        provenance: expect.stringMatching(/^Chiffre cité — DREES, « Santé des internes/),
      }),
    );
    const csv = await openFiguresCsv(ctx, { year: 2027 });
    expect(csv).toMatch(/drees-burnout-2027;.*;chiffre cité;DREES;Santé des internes en médecine;/);

    // Edited, then deleted: audited; the text then prints the marked placeholder.
    await bureau.pressKit.updateManualFigure({ ...drees(2027), value: 70 });
    expect((await kitOf(2027)).figures.find((f) => f.id === "drees-burnout-2027")?.value).toBe(70);
    await bureau.pressKit.deleteManualFigure({ year: 2027, id: "drees-burnout-2027" });
    const gone = (await kitOf(2027)).figures.find((f) => f.id === "drees-burnout-2027");
    expect(gone?.value).toBeNull();
    expect(gone?.citation).toBeUndefined();
    const audit = await listAudit(api.db, { entity: "press_kit_section", limit: 200 });
    expect(
      audit
        .filter((e) => e.entityId === "2027/chiffre-cite/drees-burnout-2027")
        .map((e) => e.action)
        .sort(),
    ).toEqual(["create", "delete", "update"]);
  });

  it("gives a dossier's reader the figure values of the edition asked for, the current edition's without one", async () => {
    const bureau = await api.callerAs("bureau");
    // One id, quoted in two editions with different values.
    const lecture = (year: number, value: number): ManualFigureInput => ({
      ...drees(year),
      id: "drees-lecture",
      value,
    });
    await bureau.pressKit.createManualFigure(lecture(2027, 12));
    await bureau.pressKit.createManualFigure(lecture(2028, 34));
    const organiser = await api.callerAs("organiser");
    const valueIn = async (input?: { year: number }) =>
      (await organiser.pressKit.figures(input)).find((f) => f.id === "drees-lecture")?.printed;
    expect(await valueIn({ year: 2027 })).toBe(
      formatFigure({ value: 12, unit: "percent", decimals: 1 }),
    );
    expect(await valueIn({ year: 2028 })).toBe(
      formatFigure({ value: 34, unit: "percent", decimals: 1 }),
    );
    // 2026 quotes no such figure.
    expect(await valueIn({ year: 2026 })).toBeUndefined();
    const current = await organiser.edition.current();
    expect(await organiser.pressKit.figures()).toEqual(
      await organiser.pressKit.figures({ year: current?.year ?? 0 }),
    );
    const unknown = await rejection(organiser.pressKit.figures({ year: 2031 }));
    expect(unknown.data.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe("L'édition 2031 introuvable.");
    for (const year of [2027, 2028])
      await bureau.pressKit.deleteManualFigure({ year, id: "drees-lecture" });
  });

  it("keeps the frame and manual figures of an archived edition read-only", async () => {
    const organiser = await api.callerAs("organiser");
    const past = await organiser.edition.create({ ...edition(2024), capacity: 100 });
    const bureau = await api.callerAs("bureau");
    await bureau.pressKit.createManualFigure(drees(2024));
    await (await api.callerAs("admin")).edition.archive({ id: past.id });
    const {
      stored: _s,
      updatedAt: _a,
      updatedBy: _b,
      figures: _f,
      ...fields
    } = await bureau.pressKit.frame({ year: 2024 });
    const locked = "L'édition 2024 est archivée : elle se consulte mais ne se modifie plus.";
    for (const call of [
      () => bureau.pressKit.updateFrame({ ...fields, year: 2024, organisation: "Autre" }),
      () => bureau.pressKit.createManualFigure({ ...drees(2024), id: "autre" }),
      () => bureau.pressKit.updateManualFigure({ ...drees(2024), value: 1 }),
      () => bureau.pressKit.deleteManualFigure({ year: 2024, id: "drees-burnout-2024" }),
    ]) {
      const error = await rejection(call());
      expect(error.data.code).toBe("CONFLICT");
      expect(error.message).toBe(locked);
    }
  });
});
