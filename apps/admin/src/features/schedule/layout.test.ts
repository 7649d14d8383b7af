import { describe, expect, it } from "vitest";
import { layoutDay, minuteLabel, PX_PER_MINUTE } from "./layout";
import { FRI, room, session, THU } from "./testing";

const [r1, r2, r3, r4] = [room(1), room(2), room(3), room(4, [THU])];
const rooms = [r4, r2, r1, r3]; // out of order on purpose

describe("layoutDay", () => {
  it("puts the day's open rooms across, in room order, and skips other days' rooms", () => {
    expect(layoutDay([], rooms, THU).columns.map((r) => r.name)).toEqual([
      "Salle 1",
      "Salle 2",
      "Salle 3",
      "Salle 4",
    ]);
    expect(layoutDay([], rooms, FRI).columns.map((r) => r.name)).toEqual([
      "Salle 1",
      "Salle 2",
      "Salle 3",
    ]);
  });

  it("keeps a closed room as a column when a session of the day uses it", () => {
    const s = session(FRI, "09:00", "10:00", [r4]);
    const layout = layoutDay([s], rooms, FRI);
    expect(layout.columns.map((r) => r.name)).toContain("Salle 4");
    expect(layout.blocks[0]).toMatchObject({ left: 3, width: 1 });
  });

  it("draws sessions at their true length from the top of the grid", () => {
    const s = session(THU, "09:30", "11:00", [r2]);
    const layout = layoutDay([s], rooms, THU);
    expect(layout.startMinute).toBe(8 * 60);
    expect(layout.blocks).toEqual([
      expect.objectContaining({
        key: s.id,
        startMinute: 570,
        endMinute: 660,
        top: 90 * PX_PER_MINUTE,
        height: 90 * PX_PER_MINUTE,
        left: 1,
        width: 1,
      }),
    ]);
  });

  it("spans every column for a whole-venue session, even one held in one room", () => {
    const s = session(THU, "09:00", "10:00", "venue", { roomIds: [r1.id] });
    const [block] = layoutDay([s], rooms, THU).blocks;
    expect(block).toMatchObject({ left: 0, width: 4, spansAll: true });
  });

  it("draws a session over adjacent rooms once, and once per run otherwise", () => {
    const wide = session(THU, "09:00", "10:00", [r1, r2]);
    const split = session(THU, "11:00", "12:00", [r1, r3]);
    const blocks = layoutDay([wide, split], rooms, THU).blocks;
    expect(blocks.map((b) => [b.key, b.left, b.width])).toEqual([
      [wide.id, 0, 2],
      [split.id, 0, 1],
      [`${split.id}:1`, 2, 1],
    ]);
  });

  it("sets clashing sessions side by side so neither hides the other", () => {
    const a = session(THU, "09:00", "10:00", [r2]);
    const b = session(THU, "09:30", "10:30", [r2]);
    const c = session(THU, "11:00", "12:00", [r2]);
    const byKey = new Map(layoutDay([a, b, c], rooms, THU).blocks.map((x) => [x.key, x]));
    expect(byKey.get(a.id)).toMatchObject({ left: 1, width: 0.5 });
    expect(byKey.get(b.id)).toMatchObject({ left: 1.5, width: 0.5 });
    expect(byKey.get(c.id)).toMatchObject({ left: 1, width: 1 });
  });

  it("narrows a whole-venue session only in the column where something clashes with it", () => {
    const venue = session(FRI, "09:00", "10:00", "venue");
    const clash = session(FRI, "09:30", "10:00", [r2]);
    const blocks = layoutDay([venue, clash], rooms, FRI).blocks;
    expect(blocks.map((x) => [x.key, x.left, x.width])).toEqual([
      [venue.id, 0, 1],
      [`${venue.id}:1`, 1, 0.5],
      [`${venue.id}:2`, 2, 1],
      [clash.id, 1.5, 0.5],
    ]);
  });

  it("only lays out sessions starting that day (Paris time)", () => {
    const late = session(THU, "23:30", "23:55", [r1]);
    const next = session(FRI, "00:30", "01:00", [r1]);
    expect(layoutDay([late, next], rooms, THU).blocks.map((b) => b.key)).toEqual([late.id]);
    expect(layoutDay([late, next], rooms, FRI).blocks.map((b) => b.key)).toEqual([next.id]);
  });

  it("spans 08:00–18:00 by default and widens to whole hours around the sessions", () => {
    expect(layoutDay([], rooms, THU)).toMatchObject({ startMinute: 480, endMinute: 1080 });
    const early = session(THU, "07:15", "08:00", [r1]);
    const gala = session(THU, "20:00", "23:30", "venue");
    const layout = layoutDay([gala, early], rooms, THU);
    expect(layout).toMatchObject({ startMinute: 420, endMinute: 1440 });
    expect(layout.height).toBe((1440 - 420) * PX_PER_MINUTE);
  });

  it("stops a session running past midnight at the end of its day", () => {
    const night = session(THU, "22:00", "23:00", "venue", {
      endsAt: "2026-01-23T01:00:00.000Z",
    });
    expect(layoutDay([night], rooms, THU).blocks[0]).toMatchObject({
      startMinute: 1320,
      endMinute: 1440,
    });
  });

  it("formats minutes as wall-clock labels", () => {
    expect([0, 485, 1439].map(minuteLabel)).toEqual(["00:00", "08:05", "23:59"]);
  });
});
