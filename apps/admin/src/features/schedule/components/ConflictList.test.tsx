import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Conflict } from "@tribune/domain/schedule";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FRI, room, session, THU } from "../testing";
import { ConflictList } from "./ConflictList";

afterEach(cleanup);

const salle = room(2);
const a = session(THU, "14:30", "16:00", [salle], { title: "Atelier IA" });
const b = session(THU, "15:00", "16:00", [salle], { title: "Flash" });
const c = session(FRI, "09:00", "10:00", [salle], { title: "Thèse" });
const conflicts: Conflict[] = [
  {
    kind: "room_double_booked",
    sessionIds: [a.id, b.id],
    roomId: salle.id,
    speakerId: null,
    message: "Salle 2 : « Atelier IA » et « Flash » ont lieu en même temps (à 15:00).",
  },
  {
    kind: "speaker_unavailable",
    sessionIds: [c.id],
    roomId: null,
    speakerId: null,
    message: "Camille Martin n'est pas disponible pour « Thèse », 2026-01-23 09:00–10:00.",
  },
];
const byId = new Map([a, b, c].map((s) => [s.id, s]));

describe("ConflictList", () => {
  it("lists every conflict's message with the day it happens", () => {
    render(<ConflictList conflicts={conflicts} sessionsById={byId} onSelect={() => {}} />);
    expect(screen.getByRole("heading", { name: "Conflits (2)" })).toBeTruthy();
    const items = screen.getAllByRole("button").map((button) => button.textContent);
    expect(items).toEqual([
      `⚠ jeudi 22 janvier · ${conflicts[0]?.message}`,
      `⚠ vendredi 23 janvier · ${conflicts[1]?.message}`,
    ]);
  });

  it("asks to focus the conflict's first session when clicked", async () => {
    const onSelect = vi.fn();
    render(<ConflictList conflicts={conflicts} sessionsById={byId} onSelect={onSelect} />);
    await userEvent.setup().click(screen.getByRole("button", { name: /Thèse/ }));
    expect(onSelect).toHaveBeenCalledWith(c.id);
  });

  it("says so when the programme has no conflict", () => {
    render(<ConflictList conflicts={[]} sessionsById={byId} onSelect={() => {}} />);
    expect(screen.getByText("Aucun conflit : le programme est cohérent.")).toBeTruthy();
  });

  it("claims nothing while the conflicts are loading", () => {
    render(<ConflictList loading conflicts={[]} sessionsById={byId} onSelect={() => {}} />);
    expect(screen.getByRole("status").textContent).toBe("Vérification des conflits…");
    expect(screen.queryByText(/Aucun conflit/)).toBeNull();
    expect(screen.queryByText("(0)")).toBeNull();
  });
});
