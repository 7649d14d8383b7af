import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildPrintableProgramme,
  type PrintableProgramme,
  toProgramme,
} from "@tribune/domain/schedule";
import { referenceProgramme2026 } from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { compact, extractPdfText, type PdfText } from "../testing";
import { renderProgramme } from "./render";

const reference = referenceProgramme2026();
const published = reference.sessions.filter((s) => s.published);
const speaker = { id: "00000009-0000-4000-8000-000000000001", name: "Dr Camille Martin" };
const withSpeaker = published.map((s) =>
  s.title.startsWith("Intelligence artificielle") ? { ...s, speakerIds: [speaker.id] } : s,
);
const model: PrintableProgramme = buildPrintableProgramme({
  edition: reference.edition,
  rooms: reference.rooms,
  sessions: withSpeaker,
  entries: toProgramme(withSpeaker, {
    rooms: reference.rooms,
    speakers: [{ ...speaker, affiliation: "", bio: "", unavailable: [] }],
    partners: reference.partners,
    timeZone: reference.edition.timeZone,
  }),
});

describe("the printable programme", () => {
  let text: PdfText;
  let pageCount = 0;

  beforeAll(async () => {
    const rendered = await renderProgramme(model);
    pageCount = rendered.pageCount;
    // Kept for a person to look at (pdftoppm -r 50 …): the path is printed by the test run.
    const file = join(tmpdir(), "programme-2026.pdf");
    writeFileSync(file, rendered.pdf);
    text = await extractPdfText(rendered.pdf);
  }, 60_000);

  it("gives each day its planning grid, then the day's sessions by time", () => {
    expect(model.days.map((d) => d.day)).toEqual(["2026-01-22", "2026-01-23"]);
    expect(pageCount).toBe(text.pages.length);
    const grid = text.pages.findIndex((p) => compact(p).includes("JEUDI22JANVIER2026"));
    const listing = text.pages.findIndex((p) => compact(p).includes("LESSESSIONS"));
    expect(grid).toBe(0);
    expect(listing).toBe(1);
    expect(compact(text.pages[grid] ?? "")).toContain("Heure");
    // Sessions by time: the welcome comes before the opening plenary.
    const day1 = compact(text.pages.slice(1).join(""));
    expect(day1.indexOf("Accueildescongressistes")).toBeLessThan(
      day1.indexOf("Plénièred'ouverture"),
    );
    expect(day1).toContain("AvecDrCamilleMartin");
  });

  it("names the edition and the venue on every page", () => {
    for (const page of text.pages) {
      expect(compact(page)).toContain(compact(model.title));
      expect(compact(page)).toContain(compact("Palais des congrès de Dijon"));
    }
  });

  it("prints every published session in the listing", () => {
    const all = compact(text.pages.join(""));
    for (const session of published) expect(all, session.title).toContain(compact(session.title));
  });
});
