import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { Session, SessionMove } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { EDITION, makeWrapper, room, session, THU } from "../testing";
import { ProgrammeEditor } from "./ProgrammeEditor";

const salle1 = room(1);

function renderEditor() {
  const stored = [session(THU, "14:30", "16:00", [salle1], { title: "Atelier IA" })];
  const { wrapper: Api, calls } = makeWrapper({
    "auth.me": () => ({
      id: "00000000-0000-4000-8000-000000000009",
      email: "organiser@tribune.test",
      displayName: "",
      role: "organiser",
      subdivisionId: null,
    }),
    "room.list": () => [salle1],
    "session.list": () => stored.map((s) => ({ ...s })),
    "speaker.list": () => [],
    "partner.list": () => [],
    "schedule.conflicts": () => [],
    "session.move": (input) => {
      const move = input as SessionMove;
      Object.assign(stored[0] as Session, { startsAt: move.startsAt, endsAt: move.endsAt });
      return { session: stored[0], conflicts: [] };
    },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[`/programme?jour=${THU}`]}>
      <Api>{children}</Api>
    </MemoryRouter>
  );
  render(<ProgrammeEditor edition={EDITION} />, { wrapper });
  return { calls };
}

describe("ProgrammeEditor", () => {
  afterEach(cleanup);

  it("offers to undo a move from its toast, and puts the session back", async () => {
    const { calls } = renderEditor();
    const block = await screen.findByRole("button", { name: /Atelier IA/ });
    fireEvent.keyDown(block, { key: "ArrowDown", altKey: true });
    const toast = (await screen.findByText("« Atelier IA » déplacée.")).closest(
      "div",
    ) as HTMLElement;
    const moves = () => calls.filter((c) => c.path === "session.move").map((c) => c.input);
    expect(moves()).toEqual([
      expect.objectContaining({ startsAt: instantFromLocal(THU, "14:35") }),
    ]);

    fireEvent.click(within(toast).getByRole("button", { name: "Annuler le déplacement" }));
    await screen.findByText("Déplacement annulé.");
    expect(moves().at(-1)).toEqual({
      id: expect.any(String),
      startsAt: instantFromLocal(THU, "14:30"),
      endsAt: instantFromLocal(THU, "16:00"),
      roomIds: [salle1.id],
    });
    // An undo is not offered for undoing in turn.
    expect(screen.queryByRole("button", { name: "Annuler le déplacement" })).toBeNull();
  });

  it("says the programme is loading instead of « 0 session » and « Aucun conflit »", () => {
    renderEditor();
    expect(screen.getByText(/chargement des sessions…/)).toBeTruthy();
    expect(screen.queryByText(/0 session/)).toBeNull();
    expect(screen.queryByText(/Aucun conflit/)).toBeNull();
  });
});
