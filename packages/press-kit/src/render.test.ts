import {
  buildPressKitModel,
  moveSection,
  type PressKitModel,
  type SectionId,
  sectionStates,
} from "@tribune/domain/press-kit";
import {
  FRIDAY,
  PROGRAMME_2026,
  pressKitEditorial2026,
  referenceProgramme2026,
  THURSDAY,
} from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { PageLog } from "./context";
import { contentsSettled, type RenderedPressKit, renderPressKitWithReport } from "./render";
import { compact, extractPdfText, normalizeSpaces, type PdfItem, type PdfText } from "./testing";

const reference = referenceProgramme2026();
const modelWith = (editorial = pressKitEditorial2026(), computedFigures = undefined as never) =>
  buildPressKitModel({ ...reference, editorial, computedFigures });

/** The page (1-based) whose compacted text contains `needle`, searching from `from`. */
const pageWith = (text: PdfText, needle: string, from = 1) =>
  text.pages.findIndex((page, i) => i + 1 >= from && compact(page).includes(compact(needle))) + 1;

/** Each entry of the contents page names the page where that heading really is in the PDF. */
function expectContentsRight(model: PressKitModel, rendered: RenderedPressKit, text: PdfText) {
  const contents = model.sections.find((s) => s.kind === "contents");
  if (contents?.kind !== "contents") throw new Error("no contents");
  const contentsPage = compact(text.pages[(rendered.pages.sommaire ?? 0) - 1] ?? "");
  let at = 0;
  for (const entry of contents.content.entries) {
    const label = compact(entry.label);
    const found = contentsPage.indexOf(label, at);
    expect(found, entry.label).toBeGreaterThanOrEqual(0);
    const printed = Number(contentsPage.slice(found + label.length).match(/^\d+/)?.[0]);
    at = found + label.length;
    const title = entry.level === 0 && !entry.targetId.includes("/") ? undefined : entry.label;
    const target = model.sections.find((s) => s.id === entry.targetId);
    const heading = title ?? target?.title ?? entry.label;
    expect(printed, entry.label).toBe(pageWith(text, heading, 3));
    expect(printed, entry.label).toBe(rendered.pages[entry.targetId]);
  }
}

describe("the 2026 press kit as a PDF", () => {
  const model = modelWith();
  let rendered: RenderedPressKit;
  let text: PdfText;
  const createdAt = new Date("2026-01-05T09:30:00Z");

  beforeAll(async () => {
    rendered = await renderPressKitWithReport(model, { createdAt });
    text = await extractPdfText(rendered.pdf);
  });

  it("is an A4 document of the pages the report counts", () => {
    expect(rendered.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text.pages).toHaveLength(rendered.pageCount);
    expect(rendered.pageCount).toBeGreaterThanOrEqual(12);
    expect(rendered.passes).toBeLessThanOrEqual(2);
  });

  it("carries title, author ISNAR-IMG, language and creation date", () => {
    expect(text.info).toMatchObject({
      Title: "DOSSIER DE PRESSE — 26e Congrès des Internes de Médecine Générale, Dijon 2026",
      Author: "ISNAR-IMG",
      Language: "fr",
      CreationDate: expect.stringMatching(/^D:20260105093000/),
    });
    expect(text.language).toBe("fr");
  });

  it("prints every section title, in the model's order, on the page the section starts", () => {
    const starts = model.sections.map((s) => rendered.pages[s.id] ?? 0);
    expect(starts[0]).toBe(1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const section of model.sections) {
      const start = rendered.pages[section.id] ?? 0;
      expect(compact(text.pages[start - 1] ?? ""), section.title).toContain(compact(section.title));
    }
    // Read straight through the pages after the contents, the titles come in order.
    const body = compact(text.pages.slice(2).join(" "));
    let at = 0;
    for (const section of model.sections.slice(2)) {
      const found = body.indexOf(compact(section.title), at);
      expect(found, section.title).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  it("prints on its contents page the page where each section and item starts", () => {
    expectContentsRight(model, rendered, text);
  });

  it("draws every planning entry of both days in the row of its start time", () => {
    const planningStart = rendered.pages.planning ?? 0;
    const dayPages: Record<string, number> = {
      [THURSDAY]: planningStart,
      [FRIDAY]: planningStart + 1,
    };
    expect(compact(text.pages[planningStart - 1] ?? "")).toContain(
      compact("JEUDI 22 JANVIER 2026"),
    );
    expect(compact(text.pages[planningStart] ?? "")).toContain(compact("VENDREDI 23 JANVIER 2026"));
    for (const entry of PROGRAMME_2026) {
      const items = text.items[(dayPages[entry.day] ?? 0) - 1] ?? [];
      expect(rowTimesOf(items, entry.title), entry.title).toContain(entry.start);
    }
  });

  it("keeps every French character: accents, œ, « », ’, ·", () => {
    const all = normalizeSpaces(text.pages.join(" "));
    for (const phrase of [
      "Plénière d'ouverture",
      "Déjeuner puis Café dans le Hall Partenaires",
      "placer au cœur des réflexions",
      "« Demain se soigne aujourd'hui, choix du présent, enjeux du futur »",
      "Trois façons d’être médecin en Porte de DrômArdèche",
      "CHARGÉ·ES DE MISSION",
      "des patient·es toujours plus éloigné·es du soin",
      "Intelligence artificielle : assistant ou prescripteur ?",
      "VIOLENT'HOSPITOMÈTRE",
      "Chargée de mission Congrès",
      "22 & 23 janvier 2026",
    ]) {
      expect(all, phrase).toContain(phrase);
    }
    // Narrow no-break spaces print as spaces, never as Helvetica's "/".
    expect(all).not.toMatch(/prescripteur\s*\/\s*\?/);
  });

  it("signs the opening text and the president's word", () => {
    const all = normalizeSpaces(text.pages.join(" "));
    expect(all).toContain("Johanna TROVATELLO – Chargée de mission Congrès");
    expect(all).toContain("ATIKA BOKHARI PRÉSIDENTE DE L'ISNAR-IMG");
  });

  it("marks every survey figure as a placeholder, with its provenance", () => {
    const representer = text.pages
      .slice((rendered.pages.representer ?? 0) - 1, (rendered.pages.defendre ?? 0) - 1)
      .map(normalizeSpaces)
      .join(" ");
    const placeholders = representer.match(/chiffre à venir/g) ?? [];
    // Each figure in the text, plus the large ones set beside it.
    const large = model.sections.flatMap((s) =>
      s.kind === "pillar" ? s.content.items.flatMap((i) => i.figureIds) : [],
    );
    expect(placeholders.length).toBe(model.figures.length + large.length);
    expect(compact(representer)).toContain(compact("ENQUÊTE NON IMPORTÉE"));
    expect(representer).toContain(
      "Source : Enquête sur le temps de travail des internes (ISNI, FNSIP-BM, ISNAR-IMG, 2024)",
    );
    for (const typed of ["59 heures", "89.4%", "66%"]) expect(representer).not.toContain(typed);
  });

  it("has no draft watermark when every section is validated", () => {
    expect(compact(text.pages.join(""))).not.toContain("BROUILLON");
  });

  it("ends with the contacts", () => {
    const last = normalizeSpaces(text.pages.at(-1) ?? "");
    expect(last).toContain("Nous contacter");
    expect(last).toContain("president@isnar-img.com");
    expect(last).toContain("06 80 82 61 68");
  });
});

describe("a press kit with a draft section and a computed figure", () => {
  let rendered: RenderedPressKit;
  let text: PdfText;
  const model = buildPressKitModel({
    ...reference,
    editorial: pressKitEditorial2026({ statuses: { defendre: "draft" } }),
    computedFigures: [
      { id: "dix-retrocession", value: 89.4, respondents: 1234 },
      { id: "dix-ambulatoire", value: 71, respondents: 1200, synthetic: true },
    ],
  });

  beforeAll(async () => {
    rendered = await renderPressKitWithReport(model);
    text = await extractPdfText(rendered.pdf);
  });

  it("puts the BROUILLON watermark on the draft section's pages, and only there", () => {
    const draftPages = text.pages.flatMap((page, i) =>
      compact(page).includes("BROUILLON") ? [i + 1] : [],
    );
    const first = rendered.pages.defendre ?? 0;
    const next = rendered.pages.informer ?? 0;
    expect(draftPages).toEqual(Array.from({ length: next - first }, (_, i) => first + i));
  });

  it("prints a computed figure in French, with a narrow space before %", () => {
    const all = normalizeSpaces(text.pages.join(" "));
    expect(all).toContain("89,4 % des internes préféraient un modèle de rémunération");
    expect(all).toContain("n = 1 234");
    expect(all).not.toContain("89,4/%");
  });

  it("says beside a figure computed from synthetic responses, and only there, that it is demo data", () => {
    const all = normalizeSpaces(text.pages.join(" "));
    expect(all.match(/données synthétiques de démonstration/g)).toHaveLength(1);
    expect(all).toContain("n = 1 200 · données synthétiques de démonstration");
  });
});

describe("contentsSettled", () => {
  const model: PressKitModel = modelWith();
  it("holds only when the contents printed the final page of every entry", () => {
    const log = new PageLog();
    const contents = model.sections.find((s) => s.kind === "contents");
    if (contents?.kind !== "contents") throw new Error("no contents");
    contents.content.entries.forEach((e, i) => {
      log.starts.set(e.targetId, i + 3);
      log.printed.set(e.targetId, i + 3);
    });
    expect(contentsSettled(model, log)).toBe(true);
    log.printed.set("contacts", 99);
    expect(contentsSettled(model, log)).toBe(false);
  });
});

/**
 * The start times of the grid rows in which a cell titled `title` begins: the time labels sit in
 * the left column at the top of each row, a cell's first line just below its row's top.
 */
function rowTimesOf(items: PdfItem[], title: string): string[] {
  const timeColumn = items.filter((i) => i.x < 80 && /^[\dh]+$/.test(i.str.trim()));
  const labels = new Map<number, string>();
  for (const item of timeColumn) {
    const y = Math.round(item.y);
    labels.set(y, (labels.get(y) ?? "") + item.str.trim());
  }
  const rows = [...labels]
    .filter(([, label]) => /^\d{1,2}h\d\d$/.test(label))
    .map(([y, label]) => ({ y, time: label.replace(/^(\d)h/, "0$1h").replace("h", ":") }))
    .sort((a, b) => b.y - a.y);
  const firstLines = items.filter(
    // A first line may end with a hyphenated syllable ("Session Droit des In-").
    (i) =>
      i.x >= 80 && i.str.trim().length >= 3 && title.startsWith(i.str.trim().replace(/-$/, "")),
  );
  return firstLines.flatMap((line) => {
    const row = rows.filter((r) => r.y >= line.y - 1).at(-1);
    return row ? [row.time] : [];
  });
}

describe("a press kit whose sections were moved", () => {
  let states = sectionStates([], pressKitEditorial2026());
  const move = (sectionId: SectionId, direction: "up" | "down") => {
    const moved = moveSection(states, sectionId, direction);
    if (!moved.ok) throw new Error(moved.problem);
    states = states.map((s) => moved.moved.find((m) => m.sectionId === s.sectionId) ?? s);
  };
  // Contacts before the pillars, the planning before the opening text.
  for (let i = 0; i < 3; i++) move("contacts", "up");
  for (let i = 0; i < 2; i++) move("planning", "up");
  const model = buildPressKitModel({
    ...reference,
    editorial: pressKitEditorial2026(),
    sections: states.map((s) => ({ ...s, status: "validated" as const })),
  });
  let rendered: RenderedPressKit;
  let text: PdfText;

  beforeAll(async () => {
    rendered = await renderPressKitWithReport(model);
    text = await extractPdfText(rendered.pdf);
  });

  it("prints them in the new order, the contents page numbers still right", () => {
    expect(model.sections.map((s) => s.id)).toEqual([
      "couverture",
      "sommaire",
      "planning",
      "ouverture",
      "temps-forts",
      "mot-presidente",
      "mot-bureau",
      "contacts",
      "representer",
      "defendre",
      "informer",
    ]);
    const starts = model.sections.map((s) => rendered.pages[s.id] ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(compact(text.pages[(rendered.pages.planning ?? 0) - 1] ?? "")).toContain(
      compact("JEUDI 22 JANVIER 2026"),
    );
    expectContentsRight(model, rendered, text);
  });
});

describe("a new edition's press kit, before anything is published", () => {
  // 2027 prepared from 2026: its texts as drafts, no published session on its days.
  const model = buildPressKitModel({
    edition: {
      ...reference.edition,
      number: 27,
      year: 2027,
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
    },
    rooms: reference.rooms,
    sessions: [],
    editorial: pressKitEditorial2026(),
    sections: sectionStates([], pressKitEditorial2026()).map((s) => ({ ...s, status: "draft" })),
  });
  let rendered: RenderedPressKit;
  let text: PdfText;

  beforeAll(async () => {
    rendered = await renderPressKitWithReport(model);
    text = await extractPdfText(rendered.pdf);
  });

  it("prints the planning as « Programme en préparation », its contents right", () => {
    const planning = rendered.pages.planning ?? 0;
    expect(compact(text.pages[planning - 1] ?? "")).toContain(compact("Programme en préparation"));
    expectContentsRight(model, rendered, text);
  });

  it("prints every page under the BROUILLON watermark", () => {
    const unmarked = text.pages.flatMap((page, i) =>
      compact(page).includes("BROUILLON") ? [] : [i + 1],
    );
    expect(unmarked).toEqual([]);
  });
});
