import {
  buildPressKitModel,
  datesLabel,
  dayLabel,
  FIGURE_PLACEHOLDER,
  FIGURE_UNPUBLISHED,
  figuresIn,
  formatFigure,
  type PressKitInput,
  PressKitModel,
  parseRich,
  plainText,
  type SectionOfKind,
} from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";
import { FIGURES_2026, pressKitEditorial2026 } from "../../pressKit2026";

const ref = referenceProgramme2026();
const input = (overrides: Partial<PressKitInput> = {}): PressKitInput => ({
  edition: ref.edition,
  rooms: ref.rooms,
  sessions: ref.sessions,
  editorial: pressKitEditorial2026(),
  ...overrides,
});
const model = buildPressKitModel(input());
const section = <K extends PressKitModel["sections"][number]["kind"]>(kind: K) =>
  model.sections.find((s) => s.kind === kind) as SectionOfKind<K>;

describe("buildPressKitModel on the 2026 reference", () => {
  it("produces a model the wire schema accepts", () => {
    expect(PressKitModel.parse(model)).toEqual(model);
  });

  it("has the press kit's sections in the kit's order", () => {
    expect(model.sections.map((s) => [s.kind, s.title])).toEqual([
      ["cover", "DOSSIER DE PRESSE"],
      ["contents", "Sommaire"],
      ["opening", "Texte d'ouverture"],
      ["highlights", "Les temps forts du programme"],
      ["planning", "Le planning"],
      ["president", "Mot de la Présidente"],
      ["bureau", "Mot du Bureau National"],
      ["pillar", "REPRÉSENTER"],
      ["pillar", "DÉFENDRE"],
      ["pillar", "INFORMER"],
      ["contacts", "Nous contacter"],
    ]);
    expect(new Set(model.sections.map((s) => s.id)).size).toBe(model.sections.length);
  });

  it("sets the cover from the edition", () => {
    expect(section("cover").content).toEqual({
      organisation: "ISNAR-IMG",
      theme: "Demain se soigne aujourd'hui",
      subtitle: "choix du présent, enjeu du futur",
      dates: "22 & 23 janvier 2026",
      venue: "Palais des congrès de Dijon",
      congress: "26e Congrès des Internes de Médecine Générale",
      documentTitle: "DOSSIER DE PRESSE",
    });
    expect(model.edition.days).toEqual(["2026-01-22", "2026-01-23"]);
  });

  it("fills the PDF information: title, author ISNAR-IMG, French", () => {
    expect(model.meta).toMatchObject({
      title: "DOSSIER DE PRESSE — 26e Congrès des Internes de Médecine Générale, Dijon 2026",
      author: "ISNAR-IMG",
      language: "fr",
    });
  });

  it("lists the contents like the kit: groups, sections and every pillar item with a text", () => {
    const entries = section("contents").content.entries;
    expect(entries.slice(0, 7).map((e) => `${e.level}:${e.label}`)).toEqual([
      "0:Le congrès 2026",
      "1:Texte d'ouverture",
      "1:Les temps forts du programme",
      "1:Le planning",
      "0:L'ISNAR-IMG",
      "1:Mot de la Présidente",
      "1:Mot du Bureau National",
    ]);
    expect(entries.filter((e) => e.level === 0).map((e) => e.label)).toEqual([
      "Le congrès 2026",
      "L'ISNAR-IMG",
      "REPRÉSENTER",
      "DÉFENDRE",
      "INFORMER",
      "Nous contacter",
    ]);
    expect(entries.filter((e) => e.targetId.startsWith("informer/")).map((e) => e.label)).toContain(
      "CHARGÉ·ES DE MISSION",
    );
    // "PRÉCIS À L'USAGE DES FUTUR·ES INTERNES" has no text: a validated INFORMER leaves it out.
    expect(entries).toHaveLength(6 + 5 + 7 + 5 + 9);
    expect(entries.map((e) => e.label)).not.toContain("PRÉCIS À L'USAGE DES FUTUR·ES INTERNES");
    const targets = new Set(
      model.sections.flatMap((s) => [
        s.id,
        ...(s.kind === "pillar" ? s.content.items.map((i) => `${s.id}/${i.id}`) : []),
      ]),
    );
    for (const entry of entries) expect(targets, entry.label).toContain(entry.targetId);
  });

  it("gathers the highlights by kind from the sessions, as the kit lists them", () => {
    const groups = section("highlights").content.groups;
    expect(groups.map((g) => [g.label, g.entries.length])).toEqual([
      ["Les tables rondes", 2],
      ["Les boîtes à outils", 6],
      ["Les ateliers", 5],
      ["Flash actualités", 3],
    ]);
    expect(groups[0]?.entries.map((e) => e.title)).toEqual([
      "Intelligence artificielle : assistant ou prescripteur ?",
      "Comment réapprendre à habiter la planète et à soigner aux vues des enjeux environnementaux actuels ?",
    ]);
    expect(groups[0]?.entries[0]).toMatchObject({
      dayLabel: "Jeudi 22 janvier",
      start: "11:30",
      end: "13:00",
      rooms: ["Amphi Romanée Conti"],
    });
    expect(groups[3]?.topics).toEqual([
      "4A",
      "Accès aux Soins",
      "Santé Mentale et Lutte contre les Discriminations",
    ]);
    expect(groups[1]?.topics).toEqual([]);
  });

  it("draws the planning of both days with the 34 entries and a legend of the kinds drawn", () => {
    const days = section("planning").content.days;
    expect(days.map((d) => d.label)).toEqual(["Jeudi 22 janvier 2026", "Vendredi 23 janvier 2026"]);
    expect(days.map((d) => d.grid.cells.length)).toEqual([20, 14]);
    expect(days[0]?.grid.columns).toHaveLength(4);
    expect(days[1]?.grid.columns).toHaveLength(3);
    expect(days[0]?.legend.map((l) => l.kind)).toContain("conference_partenaire");
    expect(days[1]?.legend.map((l) => l.kind)).not.toContain("conference_partenaire");
    expect(days[1]?.legend.find((l) => l.kind === "boite_a_outils")?.label).toBe("Boîte à outils");
  });

  it("signs the opening text, the president's word, and leaves the bureau's unsigned", () => {
    expect(section("opening").content.signature).toEqual({
      name: "Johanna TROVATELLO",
      role: "Chargée de mission Congrès",
    });
    expect(section("president").content.signature).toEqual({
      name: "ATIKA BOKHARI",
      role: "PRÉSIDENTE DE L'ISNAR-IMG",
    });
    expect(section("bureau").content.signature).toBeNull();
  });

  it("keeps bold runs and lists of the editorial text", () => {
    const [first] = section("opening").content.blocks;
    expect(first).toEqual({
      type: "paragraph",
      runs: [
        {
          type: "text",
          bold: false,
          text: expect.stringContaining("C'est avec une immense fierté"),
        },
        {
          type: "text",
          bold: true,
          text: "la 26e édition du Congrès national des internes de Médecine Générale",
        },
        { type: "text", bold: false, text: "." },
      ],
    });
    const pillars = model.sections.filter((s) => s.kind === "pillar");
    const ascendant = pillars[0]?.content.items.find((i) => i.id === "modele-ascendant");
    expect(ascendant?.blocks[1]).toMatchObject({
      type: "list",
      items: [expect.any(Array), expect.any(Array)],
    });
    expect(pillars.map((p) => p.content.items.length)).toEqual([7, 5, 9]);
  });
});

describe("a pillar item without text", () => {
  const PRECIS = "PRÉCIS À L'USAGE DES FUTUR·ES INTERNES";
  const itemsOf = (built: PressKitModel) =>
    (built.sections.find((s) => s.id === "informer") as SectionOfKind<"pillar">).content.items.map(
      (i) => i.title,
    );

  it("is not printed by a validated pillar: a validated kit holds no « Texte à venir »", () => {
    expect(itemsOf(model)).not.toContain(PRECIS);
  });

  it("is printed, to be written, while its pillar is a draft", () => {
    const draft = buildPressKitModel(
      input({ editorial: pressKitEditorial2026({ statuses: { informer: "draft" } }) }),
    );
    expect(itemsOf(draft)).toContain(PRECIS);
    const contents = draft.sections.find((s) => s.kind === "contents") as SectionOfKind<"contents">;
    expect(contents.content.entries.map((e) => e.label)).toContain(PRECIS);
  });
});

describe("survey figures", () => {
  const representer = model.sections.find((s) => s.id === "representer") as SectionOfKind<"pillar">;
  const item = (id: string) => representer.content.items.find((i) => i.id === id);

  it("are placeholders marked as such while the surveys are not imported", () => {
    expect(model.figures).toHaveLength(FIGURES_2026.length);
    for (const figure of model.figures) {
      expect(figure.value, figure.id).toBeNull();
      expect(figure.placeholder).toBe(FIGURE_PLACEHOLDER);
      expect(figure.placeholder).toBe("chiffre à venir — enquête non importée");
      expect(figure.source.respondents).toBeNull();
      expect(formatFigure(figure)).toBe("chiffre à venir");
    }
  });

  it("keep the survey sentences, with a reference where the kit printed a number", () => {
    const paragraph = item("enquete-temps-de-travail")?.blocks[1];
    if (paragraph?.type !== "paragraph") throw new Error("expected a paragraph");
    const text = plainText(paragraph.runs, (id) => `[${id}]`);
    expect(text).toContain(
      "la moyenne du temps de travail d'un-e interne en 2023 est de [tt-moyenne] heures par semaine",
    );
    expect(text).toContain("48 heures par semaine maximum");
    // No survey result is typed into the text.
    for (const typed of ["59", "10%", "41%", "43%", "25%", "44%"])
      expect(text).not.toContain(typed);
    expect(item("enquete-temps-de-travail")?.figureIds).toEqual([
      "tt-moyenne",
      "tt-plus-80h",
      "tt-repos-demi-garde",
    ]);
  });

  it("carry their provenance", () => {
    const figure = model.figures.find((f) => f.id === "tt-moyenne");
    expect(figure?.source).toEqual({
      survey: "Enquête sur le temps de travail des internes",
      partners: ["ISNI", "FNSIP-BM", "ISNAR-IMG"],
      year: 2024,
      respondents: null,
    });
  });

  it("take their value and count of responses once computed", () => {
    const computed = buildPressKitModel(
      input({ computedFigures: [{ id: "dix-retrocession", value: 89.4, respondents: 1234 }] }),
    );
    const figure = computed.figures.find((f) => f.id === "dix-retrocession");
    expect(figure).toMatchObject({ value: 89.4, source: { respondents: 1234 } });
    expect(formatFigure(figure as NonNullable<typeof figure>)).toBe("89,4\u202F%");
  });

  it("print a figure a text quotes but that is no longer published as a marked placeholder", () => {
    const editorial = pressKitEditorial2026();
    editorial.opening.blocks = ["Un chiffre {{depublie}} glissé."];
    const built = buildPressKitModel(input({ editorial }));
    expect(built.figures.find((f) => f.id === "depublie")).toMatchObject({
      value: null,
      placeholder: FIGURE_UNPUBLISHED,
    });
    expect(() => parseRich("{{inconnu}}", new Set())).toThrow(/Unknown figure "inconnu"/);
    expect(() => parseRich("du **gras sans fin", new Set())).toThrow(/Unclosed/);
  });

  it("refuse a figure shown beside an item that its text does not mention", () => {
    const editorial = pressKitEditorial2026();
    const pillar = editorial.pillars[0];
    if (pillar?.items[0]) pillar.items[0].figureIds = ["tt-moyenne"];
    expect(() => buildPressKitModel(input({ editorial }))).toThrow(/not in its text/);
  });

  it("are all referenced somewhere in the text", () => {
    const referenced = new Set(
      model.sections.flatMap((s) =>
        s.kind === "pillar" ? s.content.items.flatMap((i) => figuresIn(i.blocks)) : [],
      ),
    );
    expect([...referenced].sort()).toEqual(model.figures.map((f) => f.id).sort());
  });
});

describe("section statuses", () => {
  it("are all validated by default", () => {
    expect(model.sections.every((s) => s.status === "validated")).toBe(true);
  });

  it("mark the sections the editorial leaves in draft", () => {
    const draft = buildPressKitModel(
      input({ editorial: pressKitEditorial2026({ statuses: { defendre: "draft" } }) }),
    );
    expect(draft.sections.filter((s) => s.status === "draft").map((s) => s.id)).toEqual([
      "defendre",
    ]);
  });
});

describe("the programme in the model", () => {
  it("leaves unpublished sessions out", () => {
    const [gala] = ref.sessions.filter((s) => s.title === "Gala");
    const sessions = ref.sessions.map((s) => (s === gala ? { ...s, published: false } : s));
    const built = buildPressKitModel(input({ sessions }));
    const planning = built.sections.find((s) => s.kind === "planning") as SectionOfKind<"planning">;
    expect(planning.content.days.flatMap((d) => d.grid.cells).map((c) => c.title)).not.toContain(
      "Gala",
    );
    expect(planning.content.days.flatMap((d) => d.grid.cells)).toHaveLength(33);
  });

  it("skips a day without published sessions and a highlight kind without sessions", () => {
    const thursdayOnly = ref.sessions.filter((s) => s.startsAt < "2026-01-23");
    const built = buildPressKitModel(input({ sessions: thursdayOnly }));
    const planning = built.sections.find((s) => s.kind === "planning") as SectionOfKind<"planning">;
    expect(planning.content.days.map((d) => d.day)).toEqual(["2026-01-22"]);
    const highlights = built.sections.find(
      (s) => s.kind === "highlights",
    ) as SectionOfKind<"highlights">;
    expect(highlights.content.groups.find((g) => g.kind === "table_ronde")?.entries).toHaveLength(
      1,
    );
  });

  it("lists no conflict for the reference programme", () => {
    expect(model.programmeConflicts).toEqual([]);
  });

  it("lists, in French, the published sessions that share a room at the same time", () => {
    const amphi = ref.sessions.find((s) => s.title.startsWith("Évolution de la pratique"));
    const sessions = ref.sessions.map((s) =>
      s.title === "1,2,3 rempla" ? { ...s, roomIds: amphi?.roomIds ?? [] } : s,
    );
    const built = buildPressKitModel(input({ sessions }));
    expect(built.programmeConflicts).toHaveLength(1);
    expect(built.programmeConflicts[0]).toMatch(/« 1,2,3 rempla ».*même temps/);
    // An unpublished session is not printed, so its clash does not concern the kit.
    const unpublished = sessions.map((s) =>
      s.title === "1,2,3 rempla" ? { ...s, published: false } : s,
    );
    expect(buildPressKitModel(input({ sessions: unpublished })).programmeConflicts).toEqual([]);
  });
});

describe("French labels", () => {
  it("spell dates as the kit does", () => {
    expect(datesLabel(["2026-01-22", "2026-01-23"])).toBe("22 & 23 janvier 2026");
    expect(datesLabel(["2026-01-21", "2026-01-22", "2026-01-23"])).toBe("21, 22 & 23 janvier 2026");
    expect(datesLabel(["2027-01-31", "2027-02-01"])).toBe("31 janvier & 1er février 2027");
    expect(datesLabel(["2026-01-22"])).toBe("22 janvier 2026");
    expect(dayLabel("2026-01-23", { year: true })).toBe("Vendredi 23 janvier 2026");
  });

  it("format figures with a decimal comma and a narrow no-break space before %", () => {
    expect(formatFigure({ value: 59, unit: "number", decimals: 0 })).toBe("59");
    expect(formatFigure({ value: 1234.5, unit: "number", decimals: 1 })).toBe("1\u202F234,5");
    expect(formatFigure({ value: 43, unit: "percent", decimals: 0 })).toBe("43\u202F%");
  });
});
