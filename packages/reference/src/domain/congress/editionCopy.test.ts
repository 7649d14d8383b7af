import { copyPlan, surveySeries, surveysForYear } from "@tribune/domain/congress";
import { localDay, localTime } from "@tribune/domain/kernel";
import type { ManualFigure } from "@tribune/domain/press-kit";
import { sectionsWithTemplates } from "@tribune/domain/press-kit";
import type { Survey } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";

const ref = referenceProgramme2026();
const target = {
  id: "00000001-0000-4000-8000-00000000001b",
  year: 2027,
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  timeZone: "Europe/Paris",
};
let n = 0;
const newId = () => `00000009-0000-4000-8000-${String(++n).padStart(12, "0")}`;

const survey = (slug: string, year: number | null, title = `Enquête ${slug}`): Survey => ({
  id: newId(),
  slug,
  title,
  year,
  partners: ["ISNI"],
  audience: "Internes",
  opensOn: "2024-03-01",
  closesOn: "2024-04-01",
  status: "published",
  anonymity: "anonymous",
  sensitivity: "standard",
  disclosureThreshold: 11,
  questions: [{ id: "q", type: "yes_no", label: "Oui ?", help: "", required: true }],
});

const source = (sections = sectionsWithTemplates([])) => ({
  edition: ref.edition,
  rooms: ref.rooms.map((r) => ({ ...r, capacity: 120 })),
  sessions: ref.sessions,
  sections: sections.map((s) => ({ ...s, status: "validated" as const, stored: true })),
  surveys: [survey("temps-de-travail-2024", 2024, "Temps de travail 2024")],
  partnerIds: ref.partners.map((p) => p.id),
  sessionPlaces: new Map<string, number>(),
  manualFigures: [],
});

const quoted: ManualFigure = {
  id: "drees-burnout",
  label: "des internes en burn-out",
  value: 66.2,
  unit: "percent",
  decimals: 1,
  sourceOrganisation: "DREES",
  sourceTitle: "Santé des internes",
  sample: "2 000 internes",
  publishedOn: "2025-06-01",
  url: "https://drees.example/burnout",
  updatedAt: "2025-07-01T10:00:00.000Z",
  updatedBy: "bureau@exemple.fr",
};

describe("copyPlan", () => {
  it("copies the rooms with their capacities, and their open days onto the new days", () => {
    const plan = copyPlan(
      source(),
      target,
      { partners: false, surveys: false, programme: false },
      newId,
    );
    expect(plan.rooms.map((r) => [r.name, r.capacity, r.days])).toEqual([
      ["Amphi Romanée Conti", 120, []],
      ["Salle 2 : Clos de Vougeot", 120, []],
      ["Salle 3 : Musigny – Pommard – Volnay", 120, []],
      ["Salle 4 : Meursault Nuits Corton", 120, ["2027-01-21"]],
    ]);
    for (const room of plan.rooms) {
      expect(room.editionId).toBe(target.id);
      expect(ref.rooms.map((r) => r.id)).not.toContain(room.id);
    }
    expect(plan.sessions).toEqual([]);
    expect(plan.partnerIds).toEqual([]);
    expect(plan.surveys).toEqual([]);
  });

  it("copies the press kit's sections as drafts, texts kept, the year moved", () => {
    const plan = copyPlan(
      source(),
      target,
      { partners: true, surveys: true, programme: false },
      newId,
    );
    expect(plan.sections.every((s) => s.status === "draft" && s.validatedBy === null)).toBe(true);
    expect(plan.partnerIds).toHaveLength(ref.partners.length);
  });

  it("on request, copies the programme as drafts on the same offsets, rooms mapped, speakers kept", () => {
    const plan = copyPlan(
      source(),
      target,
      { partners: false, surveys: false, programme: true },
      newId,
    );
    expect(plan.sessions).toHaveLength(ref.sessions.length);
    const opening = plan.sessions.find((s) => s.title === "Plénière d'ouverture");
    const before = ref.sessions.find((s) => s.title === "Plénière d'ouverture");
    expect(opening && localDay(opening.startsAt)).toBe("2027-01-21");
    expect(opening && localTime(opening.startsAt)).toBe(before && localTime(before.startsAt));
    expect(plan.sessions.every((s) => !s.published && s.editionId === target.id)).toBe(true);
    const roomIds = new Set(plan.rooms.map((r) => r.id));
    expect(plan.sessions.flatMap((s) => s.roomIds).every((id) => roomIds.has(id))).toBe(true);
    const friday = plan.sessions.filter((s) => localDay(s.startsAt) === "2027-01-22");
    expect(friday).toHaveLength(
      ref.sessions.filter((s) => localDay(s.startsAt) === "2026-01-23").length,
    );
  });

  it("keeps the places set for a workshop on its copy, and none where none was set", () => {
    const [workshop, other] = ref.sessions;
    const plan = copyPlan(
      { ...source(), sessionPlaces: new Map([[workshop?.id ?? "", 25]]) },
      target,
      { partners: false, surveys: false, programme: true },
      newId,
    );
    expect(plan.sessions.find((s) => s.title === workshop?.title)?.places).toBe(25);
    expect(plan.sessions.find((s) => s.title === other?.title)?.places).toBeNull();
    expect(plan.sessions.filter((s) => s.places !== null)).toHaveLength(1);
  });

  it("copies the manual key figures as they are, with their provenance, programme or not", () => {
    const plan = copyPlan(
      { ...source(), manualFigures: [quoted] },
      target,
      { partners: false, surveys: false, programme: false },
      newId,
    );
    expect(plan.manualFigures).toEqual([quoted]);
    expect(plan.manualFigures[0]).not.toBe(quoted);
  });

  it("leaves out the sessions of days the new edition does not have", () => {
    const oneDay = { ...target, lastDay: "2027-01-21" };
    const plan = copyPlan(
      source(),
      oneDay,
      { partners: false, surveys: false, programme: true },
      newId,
    );
    expect(plan.sessions.every((s) => localDay(s.startsAt) === "2027-01-21")).toBe(true);
    expect(plan.sessionsLeftOut.length).toBeGreaterThan(0);
  });
});

describe("surveys for a new year", () => {
  it("prepares the latest questionnaire of each series as a draft with the year, no dates", () => {
    const drafts = surveysForYear(
      [
        survey("temps-de-travail-2023", 2023),
        survey("temps-de-travail-2024", 2024, "Temps de travail 2024"),
        survey("dixieme-annee-mg", null),
      ],
      2027,
    );
    expect(drafts.map((d) => [d.slug, d.title, d.year, d.status, d.opensOn])).toEqual([
      ["temps-de-travail-2027", "Temps de travail 2027", 2027, "draft", null],
      ["dixieme-annee-mg-2027", "Enquête dixieme-annee-mg", 2027, "draft", null],
    ]);
  });

  it("skips a series already prepared for the year", () => {
    expect(surveysForYear([survey("sante-2024", 2024), survey("sante-2027", 2027)], 2027)).toEqual(
      [],
    );
    expect(surveySeries("sante-mentale-2024")).toBe("sante-mentale");
  });
});

describe("press kit templates", () => {
  it("gives a new kit empty drafts under each section's title, never another year's texts", () => {
    const sections = sectionsWithTemplates([]);
    expect(sections).toHaveLength(11);
    expect(sections.every((s) => s.text === "" && s.status === "draft" && !s.stored)).toBe(true);
    expect(sections[0]?.title).toBe("Dossier de presse");
  });
});
