import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { instantFromLocal } from "@tribune/domain/kernel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { layoutDay } from "../layout";
import { room, session, THU } from "../testing";
import { ProgrammeGrid } from "./ProgrammeGrid";

afterEach(cleanup);

const rooms = [room(1), room(2)];
const atelier = session(THU, "14:30", "16:00", [rooms[0] as ReturnType<typeof room>], {
  title: "Atelier IA",
});
const pause = session(THU, "16:00", "16:30", "venue", { title: "Pause", kind: "pause" });
const draft = session(THU, "09:00", "10:00", [rooms[1] as ReturnType<typeof room>], {
  title: "Brouillon",
  published: false,
});

function renderGrid(editable = true) {
  const onMove = vi.fn();
  const onOpen = vi.fn();
  const onCreateAt = vi.fn();
  render(
    <ProgrammeGrid
      layout={layoutDay([atelier, pause, draft], rooms, THU)}
      editable={editable}
      conflictCounts={new Map([[atelier.id, 2]])}
      onOpen={onOpen}
      onMove={onMove}
      onCreateAt={onCreateAt}
      focusRequest={null}
    />,
  );
  const block = (title: string) => screen.getByRole("button", { name: new RegExp(title) });
  return { onMove, onOpen, onCreateAt, block };
}

describe("ProgrammeGrid", () => {
  it("labels each block with its time, kind, title, place and state, in French", () => {
    const { block } = renderGrid();
    expect(block("Atelier IA").getAttribute("aria-label")).toBe(
      "14:30–16:00, Atelier : Atelier IA. Salle 1. publiée, en conflit (2).",
    );
    expect(block("Pause").getAttribute("aria-label")).toBe(
      "16:00–16:30, Pause : Pause. Tout le lieu. publiée.",
    );
    expect(block("Brouillon").getAttribute("aria-label")).toContain("brouillon");
    expect(block("Atelier IA").getAttribute("aria-roledescription")).toBe("session déplaçable");
  });

  it("moves by 5 minutes, changes room and resizes with Alt + arrows", () => {
    const { block, onMove } = renderGrid();
    fireEvent.keyDown(block("Atelier IA"), { key: "ArrowDown", altKey: true });
    expect(onMove).toHaveBeenLastCalledWith(atelier, {
      id: atelier.id,
      startsAt: instantFromLocal(THU, "14:35"),
      endsAt: instantFromLocal(THU, "16:05"),
    });
    fireEvent.keyDown(block("Atelier IA"), { key: "ArrowRight", altKey: true });
    expect(onMove).toHaveBeenLastCalledWith(
      atelier,
      expect.objectContaining({ roomIds: [rooms[1]?.id] }),
    );
    fireEvent.keyDown(block("Atelier IA"), { key: "ArrowUp", altKey: true, shiftKey: true });
    expect(onMove).toHaveBeenLastCalledWith(atelier, {
      id: atelier.id,
      startsAt: atelier.startsAt,
      endsAt: instantFromLocal(THU, "15:55"),
    });
  });

  it("keeps a whole-venue session in place across rooms", () => {
    const { block, onMove } = renderGrid();
    fireEvent.keyDown(block("Pause"), { key: "ArrowLeft", altKey: true });
    fireEvent.keyDown(block("Pause"), { key: "ArrowRight", altKey: true });
    expect(onMove).not.toHaveBeenCalled();
  });

  it("opens the session with Enter or a click", () => {
    const { block, onOpen } = renderGrid();
    fireEvent.keyDown(block("Pause"), { key: "Enter" });
    fireEvent.click(block("Atelier IA"));
    expect(onOpen.mock.calls.map(([s]) => s.title)).toEqual(["Pause", "Atelier IA"]);
  });

  it("lets read-only roles open sessions but not move them", () => {
    const { block, onMove, onOpen } = renderGrid(false);
    fireEvent.keyDown(block("Atelier IA"), { key: "ArrowDown", altKey: true });
    fireEvent.keyDown(block("Atelier IA"), { key: "Enter" });
    expect(onMove).not.toHaveBeenCalled();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(block("Atelier IA").getAttribute("aria-roledescription")).toBe("session");
  });

  it("creates a session at an empty slot chosen with the arrows, on Enter", () => {
    const { onCreateAt } = renderGrid();
    const slot = screen.getByRole("button", { name: /^Créer une session : Salle 1, .* à 09:00\./ });
    fireEvent.keyDown(slot, { key: "ArrowRight" });
    fireEvent.keyDown(slot, { key: "ArrowDown" });
    // The draft fills Salle 2 until 10:00: the slot says so.
    expect(slot.getAttribute("aria-label")).toMatch(/Salle 2, .* à 09:30 \(créneau déjà occupé\)/);
    fireEvent.keyDown(slot, { key: "ArrowDown" });
    expect(slot.getAttribute("aria-label")).toMatch(/^Créer une session : Salle 2, .* à 10:00\./);
    fireEvent.keyDown(slot, { key: "Enter" });
    expect(onCreateAt).toHaveBeenCalledWith({
      day: THU,
      start: "10:00",
      end: "11:00",
      roomIds: [rooms[1]?.id],
    });
  });

  it("offers no slot to create in to read-only roles", () => {
    renderGrid(false);
    expect(screen.queryByRole("button", { name: /^Créer une session/ })).toBeNull();
  });
});
