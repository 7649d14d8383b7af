import type { Session } from "@tribune/domain/congress";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../clock";
import { conflictMessages, type DashboardData, dayGrids } from "../../model";
import { sampleData } from "../../test-fixtures";
import { App } from "../App";
import { tick } from "../test-keys";
import { Programme } from "./Programme";

/** "1,2,3 rempla" dragged into the Amphi over « Évolution de la pratique… », and a draft. */
function clashingData(): DashboardData {
  const data = sampleData();
  const evolution = data.sessions.find((s) => s.title.startsWith("Évolution de la pratique"));
  if (!evolution) throw new Error("no « Évolution » session in the reference programme");
  const rempla: Session = {
    ...evolution,
    id: "00000000-0000-4000-8000-00000000c1a5",
    title: "1,2,3 rempla",
    published: false,
  };
  return {
    ...data,
    sessions: [...data.sessions, rempla],
    conflicts: [
      {
        kind: "room_double_booked",
        sessionIds: [evolution.id, rempla.id],
        roomId: evolution.roomIds[0] ?? null,
        speakerId: null,
        message: "L'Amphi accueille deux sessions à la fois.",
      },
    ],
  };
}

function draw(data: DashboardData, width: number, height: number, filter = "") {
  return render(
    <Programme
      grids={dayGrids(data)}
      sessions={data.sessions}
      rooms={data.rooms}
      speakers={data.speakers}
      conflicts={conflictMessages(data.conflicts)}
      timeZone="Europe/Paris"
      width={width}
      height={height}
      filter={filter}
      active={false}
    />,
  );
}

describe("Programme layout", () => {
  it("draws both sessions of a conflict side by side, and marks the draft", () => {
    const frame = draw(clashingData(), 119, 36).lastFrame() ?? "";
    const line = frame.split("\n").find((l) => l.includes("!1,2,3"));
    expect(line).toBeDefined();
    expect(line).toContain("!Évol");
    expect(frame).toContain("! conflit · ~ brouillon");
  });

  it("gives each time row more lines on a tall terminal (120×40) than at 80×24", () => {
    const data = sampleData();
    const small = (draw(data, 79, 20).lastFrame() ?? "").split("\n");
    const tall = (draw(data, 119, 36).lastFrame() ?? "").split("\n");
    expect(tall.length).toBeGreaterThan(30);
    expect(tall.length).toBeGreaterThan(small.length + 10);
    // The long titles read further: words of « Évolution de la pratique » past the first line.
    expect(tall.join("\n")).toMatch(/de la\s/);
  });
});

describe("App on a small terminal", () => {
  it("says the terminal is too small below 80×24, in lines that fit", async () => {
    const { lastFrame } = render(
      <App
        data={sampleData()}
        clock={fixedClock("2026-01-22T09:42:00.000Z")}
        size={{ columns: 60, rows: 20 }}
      />,
    );
    await tick();
    const frame = lastFrame() ?? "";
    expect(frame).toContain("terminal trop petit (80×24 minimum)");
    expect(frame).toContain("60×20 ici");
    expect(Math.max(...frame.split("\n").map((l) => l.length))).toBeLessThan(60);
  });
});
