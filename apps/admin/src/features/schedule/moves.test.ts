import { instantFromLocal } from "@tribune/domain/kernel";
import { describe, expect, it } from "vitest";
import { PX_PER_MINUTE } from "./layout";
import { applyMove, describePlace, moveBy, replaceInList, resizeBy, snapMinutes } from "./moves";
import { room, session, THU } from "./testing";

const columns = [room(1), room(2), room(3)];
const [r1, r2, r3] = columns as [
  ReturnType<typeof room>,
  ReturnType<typeof room>,
  ReturnType<typeof room>,
];
const at = (time: string) => instantFromLocal(THU, time);

describe("snapMinutes", () => {
  it("turns a drag distance into whole 5-minute steps", () => {
    expect(snapMinutes(0)).toBe(0);
    expect(snapMinutes(7 * PX_PER_MINUTE)).toBe(5);
    expect(snapMinutes(8 * PX_PER_MINUTE)).toBe(10);
    expect(snapMinutes(-2 * PX_PER_MINUTE)).toBe(0);
    expect(snapMinutes(-33 * PX_PER_MINUTE)).toBe(-35);
  });
});

describe("moveBy", () => {
  const s = session(THU, "14:30", "16:00", [r2]);

  it("moves in time, keeping the length and the rooms", () => {
    expect(moveBy(s, { minutes: 15, columns: 0 }, columns)).toEqual({
      id: s.id,
      startsAt: at("14:45"),
      endsAt: at("16:15"),
    });
  });

  it("moves across columns to the neighbouring room", () => {
    expect(moveBy(s, { minutes: 0, columns: 1 }, columns)).toMatchObject({ roomIds: [r3.id] });
    expect(moveBy(s, { minutes: 0, columns: -1 }, columns)).toMatchObject({ roomIds: [r1.id] });
  });

  it("keeps a multi-room session's rooms together and inside the grid", () => {
    const wide = session(THU, "09:00", "10:00", [r1, r2]);
    expect(moveBy(wide, { minutes: 0, columns: 5 }, columns)).toMatchObject({
      roomIds: [r2.id, r3.id],
    });
    expect(moveBy(wide, { minutes: 0, columns: -1 }, columns)).toBeNull();
  });

  it("moves a whole-venue session in time only", () => {
    const venue = session(THU, "09:00", "10:00", "venue", { roomIds: [r1.id] });
    expect(moveBy(venue, { minutes: 0, columns: 2 }, columns)).toBeNull();
    expect(moveBy(venue, { minutes: -30, columns: 2 }, columns)).toEqual({
      id: venue.id,
      startsAt: at("08:30"),
      endsAt: at("09:30"),
    });
  });

  it("stays within the day", () => {
    const gala = session(THU, "20:00", "23:30", "venue");
    expect(moveBy(gala, { minutes: 120, columns: 0 }, columns)).toMatchObject({
      startsAt: at("20:30"),
    });
    expect(moveBy(s, { minutes: -24 * 60, columns: 0 }, columns)).toMatchObject({
      startsAt: at("00:00"),
    });
  });
});

describe("resizeBy", () => {
  const s = session(THU, "14:30", "15:00", [r2]);

  it("moves the end only", () => {
    expect(resizeBy(s, 10)).toEqual({ id: s.id, startsAt: s.startsAt, endsAt: at("15:10") });
  });

  it("never makes a session shorter than 5 minutes", () => {
    expect(resizeBy(s, -60)).toMatchObject({ endsAt: at("14:35") });
    expect(resizeBy(session(THU, "09:00", "09:05", [r1]), -5)).toBeNull();
  });
});

describe("applyMove and describePlace", () => {
  it("describes where a moved session now is, in French", () => {
    const s = session(THU, "14:30", "16:00", [r2], { title: "Atelier IA" });
    const moved = applyMove(s, {
      id: s.id,
      startsAt: at("15:00"),
      endsAt: at("16:30"),
      roomIds: [r3.id],
    });
    expect(describePlace(moved, columns)).toBe("« Atelier IA » : 15:00–16:30, Salle 3.");
    const venue = session(THU, "09:00", "10:00", "venue", { title: "Plénière" });
    expect(describePlace(venue, columns)).toBe("« Plénière » : 09:00–10:00, tout le lieu.");
  });
});

describe("replaceInList", () => {
  const nine = session(THU, "09:00", "10:00", [r1], { title: "Bilan" });
  const alpha = session(THU, "11:00", "12:00", [r2], { title: "Accueil" });
  const zulu = session(THU, "11:00", "12:00", [r3], { title: "Zoom" });
  const late = session(THU, "15:00", "16:00", [r1], { title: "Clôture" });
  const list = [nine, alpha, zulu, late];

  it("puts a moved session where the server lists it, by start then title", () => {
    const moved = applyMove(nine, { id: nine.id, startsAt: at("11:00"), endsAt: at("12:00") });
    expect(replaceInList(list, moved)).toEqual([alpha, moved, zulu, late]);
    const last = applyMove(alpha, { id: alpha.id, startsAt: at("17:00"), endsAt: at("18:00") });
    expect(replaceInList(list, last)).toEqual([nine, zulu, late, last]);
  });

  it("keeps every other session as the same object", () => {
    const moved = applyMove(late, { id: late.id, startsAt: at("08:00"), endsAt: at("09:00") });
    const next = replaceInList(list, moved);
    expect(next.filter((s) => s !== moved).every((s) => list.includes(s))).toBe(true);
  });

  it("leaves the list alone when the session is no longer in it", () => {
    const gone = session(THU, "10:00", "11:00", [r1]);
    expect(replaceInList(list, gone)).toBe(list);
  });
});
