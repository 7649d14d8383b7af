import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { sampleDossiers } from "../../test-fixtures";
import { KEYS, tick } from "../test-keys";
import { Dossiers } from "./Dossiers";

/** One frame of the screen, not focused, filtered by `filter`. */
const still = (filter = "") =>
  render(
    <Dossiers
      dossiers={sampleDossiers().list}
      width={80}
      height={20}
      filter={filter}
      active={false}
    />,
  ).lastFrame() ?? "";

describe("Dossiers", () => {
  it("lists the dossiers under the three pillars, with their status", () => {
    const frame = still();
    const at = (s: string) => frame.indexOf(s);
    expect(at("REPRÉSENTER")).toBeGreaterThanOrEqual(0);
    expect(at("REPRÉSENTER")).toBeLessThan(at("DÉFENDRE"));
    expect(at("DÉFENDRE")).toBeLessThan(at("INFORMER"));
    expect(frame).toMatch(/› Réforme du troisième cycle\s+\[En cours\]/);
    expect(frame).toMatch(/Temps de travail\s+\[Mobilisation\]/);
    expect(frame).toMatch(/Guide de l'internat\s+\[Clos\]/);
    // The first one is selected: its press summary and timeline, with French dates.
    expect(frame).toContain("Résumé presse de Réforme du troisième cycle.");
    expect(frame).toContain("13/10/2023  Grève des internes");
    expect(frame).toContain("01/02/2024  Rencontre au ministère");
    expect(frame.split("\n").length).toBeLessThanOrEqual(20);
  });

  it("selects with j / arrows and shows the selected one's timeline", async () => {
    const { lastFrame, stdin } = render(
      <Dossiers dossiers={sampleDossiers().list} width={80} height={20} filter="" active />,
    );
    await tick();
    stdin.write("j");
    await tick();
    expect(lastFrame()).toContain("› Temps de travail");
    expect(lastFrame()).toContain("03/11/2025  Lancement de l'enquête");
    expect(lastFrame()).not.toContain("Grève des internes");
    stdin.write(KEYS.down);
    await tick();
    expect(lastFrame()).toContain("› Guide de l'internat");
    expect(lastFrame()).toContain("Pas encore d'événement daté.");
    stdin.write("k");
    await tick();
    expect(lastFrame()).toContain("› Temps de travail");
  });

  it("narrows the list with the filter", () => {
    const frame = still("travail");
    expect(frame).toContain("DÉFENDRE");
    expect(frame).toContain("› Temps de travail");
    expect(frame).not.toContain("REPRÉSENTER");
    expect(frame).not.toContain("Guide de l'internat");
    const none = still("zzz");
    expect(none).toContain("Aucun dossier ne correspond au filtre.");
  });
});
