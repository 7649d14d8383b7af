import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { clockAt } from "../../clock";
import { sampleCollection, sampleData, sampleDossiers, sampleSurveys } from "../../test-fixtures";
import { Overview } from "./Overview";

describe("Overview", () => {
  it("shows now / next per room during the congress, conflicts and counts", () => {
    const frame =
      render(
        <Overview
          data={sampleData()}
          now={clockAt("2026-01-22T14:40")()}
          width={80}
          height={20}
          filter=""
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Maintenant / ensuite — 14:40");
    expect(frame).toMatch(/Amphi Romanée.*▶ Évolution/);
    expect(frame).toContain("! 1 conflit au programme");
    expect(frame).toContain("Enquêtes 1 (0 ouverte) · 1 234 réponses · 2 chiffres clés");
    expect(frame).toMatch(/Dijon\s+█+▒+.*12\/40/);
    expect(frame).toContain("… et ");
    expect(frame.split("\n").length).toBeLessThanOrEqual(20);
  });
  it("counts the days to go before the congress and filters the subdivisions", () => {
    const frame =
      render(
        <Overview
          data={sampleData()}
          now={new Date("2026-01-10T12:00:00Z")}
          width={80}
          height={20}
          filter="dij"
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Dijon, Palais des congrès de Dijon · 22/01/2026–23/01/2026");
    expect(frame).toContain("Congrès à venir, dans 12 jours (J-12)");
    expect(frame).toContain("Dijon");
    expect(frame).not.toContain("Amiens");
  });
  it("says the congress is over once it is, as the header does, never that it is to come", () => {
    const frame =
      render(
        <Overview
          data={sampleData()}
          now={new Date("2026-12-07T02:50:00Z")}
          width={80}
          height={20}
          filter=""
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Congrès terminé le 23/01/2026 : plus de session en cours ni à venir.");
    expect(frame).not.toContain("à partir du");
  });
  it("leaves the counts out when the account may not see them", () => {
    const frame =
      render(
        <Overview
          data={sampleData({ counts: null })}
          now={new Date("2026-01-10T12:00:00Z")}
          width={80}
          height={20}
          filter=""
        />,
      ).lastFrame() ?? "";
    expect(frame).not.toContain("Par subdivision");
  });
  it("shows the latest motion and its result, and nothing without motions", () => {
    const render80 = (data: ReturnType<typeof sampleData>) =>
      render(
        <Overview
          data={data}
          now={clockAt("2026-01-10T10:00")()}
          width={80}
          height={20}
          filter=""
        />,
      ).lastFrame() ?? "";
    expect(render80(sampleData({ dossiers: sampleDossiers() }))).toContain(
      "Dernière motion (06/12/2025) : Motion sur le repos de sécurité — Motion adoptée",
    );
    const none = render80(sampleData({ dossiers: { list: [], motions: [] } }));
    expect(none).not.toContain("Dernière motion");
  });

  it("shows the collection of the open surveys: total and today's responses", () => {
    const surveys = sampleSurveys();
    const [survey] = surveys.list;
    if (!survey) throw new Error("no sample survey");
    const open = { ...survey, status: "open" as const };
    const data = sampleData({
      surveys: { ...surveys, list: [open], collections: [sampleCollection(open.id, 1300)] },
    });
    const frame =
      render(
        <Overview
          data={data}
          now={clockAt("2026-01-22T14:40")()}
          width={80}
          height={20}
          filter=""
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Enquêtes 1 (1 ouverte)");
    expect(frame).toContain(
      "en cours : Temps de travail des internes — 1 300 réponses, +30 aujourd'hui",
    );
  });
});
