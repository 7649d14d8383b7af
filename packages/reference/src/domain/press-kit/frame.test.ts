import {
  buildPressKitModel,
  editorialOfFrame,
  FRAME_ORGANISATION_PLACEHOLDER,
  frameOfEditorial,
  frameTemplate,
  type PressKitDossier,
  PressKitFrame,
  type PressKitModel,
  type PressKitSectionState,
  SECTION_IDS,
  SECTION_TEMPLATE_TITLES,
  type SectionOfKind,
  sectionStates,
  sectionsWithTemplates,
} from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";
import { pressKitEditorial2026 } from "../../pressKit2026";

const ref = referenceProgramme2026();
const editorial2026 = pressKitEditorial2026();
const stored2026: PressKitSectionState[] = sectionStates([], editorial2026).map((s) => ({
  ...s,
  status: "validated" as const,
  stored: true,
}));
const dossiers2026: PressKitDossier[] = editorial2026.pillars.flatMap((p) =>
  p.items.map((item, position) => ({
    slug: item.id,
    pillar: p.id,
    position,
    title: item.title,
    body: item.blocks,
    figureIds: item.figureIds ?? [],
  })),
);
const contactsOf = (model: PressKitModel) =>
  (model.sections.find((s) => s.kind === "contacts") as SectionOfKind<"contacts">).content;
const kit = (editorial: ReturnType<typeof pressKitEditorial2026>, sections = stored2026) =>
  buildPressKitModel({
    edition: ref.edition,
    rooms: ref.rooms,
    sessions: ref.sessions,
    editorial,
    sections,
    dossiers: dossiers2026,
  });

describe("the press kit's frame", () => {
  it("prints the 2026 kit from the stored 2026 frame exactly as from the 2026 texts", () => {
    const frame = PressKitFrame.parse(frameOfEditorial(editorial2026));
    expect(kit(editorialOfFrame(frame))).toEqual(kit(editorial2026));
  });

  it("gives a new edition generic headings, no contact, no topic, no figure, and keeps the organisation", () => {
    const previous = frameOfEditorial(editorial2026);
    const template = PressKitFrame.parse(frameTemplate(previous));
    expect(template.organisation).toBe("ISNAR-IMG");
    expect(template.congressName).toBe(previous.congressName);
    expect(template.contacts).toEqual({ people: [], websites: [], social: [] });
    expect(template.flashTopics).toEqual([]);
    expect(template.figures).toEqual([]);
    for (const id of SECTION_IDS)
      expect(template.headings[id]).toEqual({ title: SECTION_TEMPLATE_TITLES[id], kicker: null });
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/2026|BOKHARI|isnar-img\.com|Nous contacter/);
    expect(frameTemplate(null).organisation).toBe(FRAME_ORGANISATION_PLACEHOLDER);
  });

  it("prints a kit in a template frame with no contact and none of the 2026 texts", () => {
    const frame = frameTemplate(frameOfEditorial(editorial2026));
    const model = kit(editorialOfFrame(frame), sectionsWithTemplates([], frame));
    expect(contactsOf(model)).toEqual({ people: [], websites: [], social: [] });
    expect(JSON.stringify(model.sections)).not.toMatch(
      /BOKHARI|president@isnar-img|Le congrès 2026/,
    );
    expect(model.meta.author).toBe("ISNAR-IMG");
  });

  it("starts a section nobody wrote from the frame's heading, topics and contacts", () => {
    const frame = {
      ...frameTemplate(null),
      flashTopics: ["Accès aux soins"],
      contacts: {
        people: [{ name: "Camille Martin", role: "Présidente", email: "c@ex.fr", phone: "" }],
        websites: [],
        social: [],
      },
    };
    frame.headings = { ...frame.headings, planning: { title: "Planning 2027", kicker: "Congrès" } };
    const sections = sectionsWithTemplates([], frame);
    const of = (id: string) => sections.find((s) => s.sectionId === id);
    expect(of("planning")).toMatchObject({
      title: "Planning 2027",
      kicker: "Congrès",
      stored: false,
    });
    expect(of("temps-forts")?.text).toBe("Accès aux soins");
    expect(of("contacts")?.text).toBe("Camille Martin | Présidente | c@ex.fr | ");
    expect(contactsOf(kit(editorialOfFrame(frame), sections)).people).toEqual(
      frame.contacts.people,
    );
  });

  it("prints the edition's own contacts, not 2026's, when a stored contacts section is empty", () => {
    const frame = frameTemplate(null);
    const sections = sectionsWithTemplates([], frame).map((s) =>
      s.sectionId === "contacts" ? { ...s, stored: true, text: "" } : s,
    );
    expect(contactsOf(kit(editorialOfFrame(frame), sections))).toEqual({
      people: [],
      websites: [],
      social: [],
    });
  });

  it("refuses a frame without organisation, in French", () => {
    const parsed = PressKitFrame.safeParse({ ...frameTemplate(null), organisation: " " });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Le nom de l'organisation est obligatoire.");
  });
});
