import type { SectionOfKind } from "@tribune/domain/press-kit";
import {
  buildPressKitModel,
  contactsToText,
  parseContactsText,
  sectionStates,
  sectionTextProblem,
  textToTopics,
  topicsToText,
} from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { referenceProgramme2026 } from "../../fixtures";
import { pressKitEditorial2026 } from "../../pressKit2026";

const editorial = pressKitEditorial2026();

describe("the contacts and flash topics as edited text", () => {
  it("round-trips the 2026 contacts and topics", () => {
    const text = contactsToText(editorial.contacts);
    expect(text.split("\n")[0]).toBe(
      "ATIKA BOKHARI | PRÉSIDENTE DE L'ISNAR-IMG | president@isnar-img.com | 06 73 07 53 01",
    );
    expect(text).toContain("Site : www.isnar-img.com");
    expect(text).toContain("LinkedIn : ISNAR IMG");
    const { title: _, ...contacts } = editorial.contacts;
    expect(parseContactsText(text)).toEqual({ ok: true, contacts });
    expect(textToTopics(topicsToText(editorial.highlights.flashTopics))).toEqual(
      editorial.highlights.flashTopics,
    );
    expect(textToTopics("- 4A\n\n  Accès aux soins  ")).toEqual(["4A", "Accès aux soins"]);
  });

  it("says in French which line does not read", () => {
    const problem = (text: string) => sectionTextProblem("contacts", text, new Set());
    expect(problem("Site : www.isnar-img.com\nMastodon : @isnar")).toMatch(
      /^Ligne 2 \(« Mastodon : @isnar »\) : écrivez « Nom \| Fonction/,
    );
    expect(problem("A | B | pas-un-mail | 06")).toMatch(/adresse e-mail invalide/);
    expect(problem("A | B | a@b.fr | 06 | de trop")).toMatch(/Nom \| Fonction \| e-mail/);
    expect(problem("  \n ")).toBe("Indiquez au moins un contact, un site ou un réseau social.");
    expect(problem("instagram : @isnarimg")).toBeNull();
  });

  it("prints the stored contacts and topics, not the reference's", () => {
    const sections = sectionStates([], editorial).map((s) =>
      s.sectionId === "contacts"
        ? { ...s, text: "JEANNE DUPONT | PORTE-PAROLE | jeanne@isnar-img.com | 06 00 00 00 00" }
        : s.sectionId === "temps-forts"
          ? { ...s, text: "Docteur Junior\nAccès aux soins" }
          : s,
    );
    const model = buildPressKitModel({ ...referenceProgramme2026(), editorial, sections });
    const contacts = model.sections.find((s) => s.kind === "contacts") as SectionOfKind<"contacts">;
    expect(contacts.content).toEqual({
      people: [
        {
          name: "JEANNE DUPONT",
          role: "PORTE-PAROLE",
          email: "jeanne@isnar-img.com",
          phone: "06 00 00 00 00",
        },
      ],
      websites: [],
      social: [],
    });
    const highlights = model.sections.find(
      (s) => s.kind === "highlights",
    ) as SectionOfKind<"highlights">;
    expect(highlights.content.groups.find((g) => g.kind === "flash_actualite")?.topics).toEqual([
      "Docteur Junior",
      "Accès aux soins",
    ]);
  });
});
