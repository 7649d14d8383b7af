import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { conflictMessages, dayGrids } from "../../model";
import { sampleData } from "../../test-fixtures";
import { KEYS, tick } from "../test-keys";
import { Programme } from "./Programme";

function setup(filter = "", height = 20) {
  const data = sampleData();
  return render(
    <Programme
      grids={dayGrids(data)}
      sessions={data.sessions}
      rooms={data.rooms}
      speakers={data.speakers}
      conflicts={conflictMessages(data.conflicts)}
      timeZone="Europe/Paris"
      width={80}
      height={height}
      filter={filter}
      active
    />,
  );
}

describe("Programme", () => {
  it("draws the day with times down and rooms across, the first session selected", () => {
    const frame = setup().lastFrame() ?? "";
    expect(frame).toContain("Jour 1/2 · 22/01/2026");
    expect(frame).toMatch(/Amphi Romanée.*Salle 2/);
    expect(frame).toMatch(/08:00 ›Accueil des congressistes/);
    expect(frame).toMatch(/09:00 {2}Plénière d'ouverture/);
    expect(frame).toContain("› 08:00–09:00 Accueil des congressistes");
  });
  it("marks conflicts with ! in the grid and on the selection line", async () => {
    const { lastFrame, stdin } = setup("Conférence partenaire");
    await tick();
    expect(lastFrame()).toMatch(/!Conférence part/);
    expect(lastFrame()).toContain("› ! conflit · 14:00–14:30 Conférence partenaire");
    stdin.write("j");
    await tick();
    expect(lastFrame()).toContain("› ! conflit · 14:30");
  });
  it("moves with j/k and arrows, scrolls, and switches day with →", async () => {
    const { lastFrame, stdin } = setup("", 8);
    await tick();
    for (let i = 0; i < 8; i += 1) {
      stdin.write(i % 2 ? KEYS.down : "j");
      await tick(10);
    }
    expect(lastFrame()).not.toContain("08:00");
    expect(lastFrame()).toMatch(/› (! conflit · )?\d\d:\d\d–/);
    stdin.write("k");
    await tick();
    stdin.write(KEYS.right);
    await tick();
    expect(lastFrame()).toContain("Jour 2/2 · 23/01/2026");
  });
  it("opens a session with Enter and comes back with Esc", async () => {
    const { lastFrame, stdin } = setup();
    await tick();
    stdin.write("j");
    await tick();
    stdin.write(KEYS.enter);
    await tick();
    expect(lastFrame()).toContain("Plénière · 22/01/2026 09:00–10:00");
    stdin.write(KEYS.escape);
    await tick(80);
    expect(lastFrame()).toContain("Jour 1/2");
  });
});
