import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BadgeSheets, CertificateBook } from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { renderCertificates } from "../certificate/render";
import { compact, extractPdfText } from "../testing";
import { renderBadges } from "./render";

const edition = {
  number: 26,
  year: 2026,
  theme: "Médecine générale : quel avenir pour notre profession ?",
  city: "Dijon",
  venue: "Palais des congrès de Dijon",
  firstDay: "2026-01-22",
  lastDay: "2026-01-23",
};
const roles = ["attendee", "speaker", "partner", "bureau"] as const;
const badges = Array.from({ length: 11 }, (_, i) => ({
  code: `K7QM-${String(2300 + i).replace(/[01]/g, "A")}`,
  firstName: i === 0 ? "Marie-Éléonore" : `Prénom${i}`,
  lastName: i === 0 ? "de La Tour-d'Auvergne" : `Nom${i}`,
  subdivision: i === 0 ? "Provence-Alpes-Côte d'Azur" : "Lille",
  role: roles[i % 4] as (typeof roles)[number],
}));
const sheets = (format: "a6" | "card"): BadgeSheets => ({
  format,
  unionName: "ISNAR-IMG",
  edition,
  badges,
});

/** Kept for a person to look at: `pdftoppm -r 50 -png <file> <prefix>` (printed by the run). */
function keep(name: string, pdf: Buffer) {
  const file = join(tmpdir(), name);
  writeFileSync(file, pdf);
  console.info(`${name}: ${file}`);
}

describe("badges", () => {
  it("puts A6 badges four to an A4 sheet, each with its name, role and code", async () => {
    const { pdf, pageCount } = await renderBadges(sheets("a6"));
    keep("badges-a6.pdf", pdf);
    expect(pageCount).toBe(3);
    const text = await extractPdfText(pdf);
    const first = compact(text.pages[0] ?? "");
    expect(first).toContain("Marie-Éléonore");
    expect(first).toContain(compact("DE LA TOUR-D'AUVERGNE"));
    expect(first).toContain("K7QM-23AA");
    for (const label of ["CONGRESSISTE", "INTERVENANT·E", "PARTENAIRE", "BUREAUNATIONAL"])
      expect(first).toContain(label);
    expect(compact(text.pages[2] ?? "")).toContain("Prénom10");
  }, 60_000);

  it("puts credit-card badges ten to a sheet", async () => {
    const { pdf, pageCount } = await renderBadges(sheets("card"));
    keep("badges-card.pdf", pdf);
    expect(pageCount).toBe(2);
    const text = await extractPdfText(pdf);
    expect(compact(text.pages[1] ?? "")).toContain("Prénom10");
  }, 60_000);
});

describe("attendance certificates", () => {
  it("prints one page per person with the days attended, signed for the union", async () => {
    const book: CertificateBook = {
      unionName: "ISNAR-IMG",
      unionFullName:
        "Intersyndicale Nationale Autonome Représentative des Internes de Médecine Générale",
      signatory: { name: "Atika Bokhari", title: "Présidente de l'ISNAR-IMG" },
      edition,
      issuedOn: "2026-01-23",
      certificates: [
        {
          code: "K7QM-3XPA",
          firstName: "Léa",
          lastName: "Martin",
          subdivision: "Lille",
          days: ["2026-01-22", "2026-01-23"],
        },
        {
          code: "K7QM-3XPB",
          firstName: "Noé",
          lastName: "Petit",
          subdivision: "Nancy",
          days: ["2026-01-23"],
        },
      ],
    };
    const { pdf, pageCount } = await renderCertificates(book);
    keep("attestations.pdf", pdf);
    expect(pageCount).toBe(2);
    const text = await extractPdfText(pdf);
    const first = compact(text.pages[0] ?? "");
    expect(first).toContain("ATTESTATIONDEPRÉSENCE");
    expect(first).toContain("LéaMARTIN");
    expect(first).toContain("jeudi22janvier2026");
    expect(first).toContain("vendredi23janvier2026");
    expect(first).toContain("AtikaBokhari");
    const second = compact(text.pages[1] ?? "");
    expect(second).toContain("JOURDEPRÉSENCE");
    expect(second).not.toContain("jeudi22janvier2026");
  }, 60_000);
});
