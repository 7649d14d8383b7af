import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Session, SessionKind, SessionMove } from "@tribune/domain/congress";
import { afterEach, describe, expect, it, vi } from "vitest";
import { layoutDay } from "../layout";
import { applyMove } from "../moves";
import { room, session, THU } from "../testing";
import { ProgrammeGrid } from "./ProgrammeGrid";

// A block reads its kind's colours each time it is drawn: the reads say which blocks were.
const drawn = vi.hoisted(() => [] as string[]);
vi.mock("../palette", async (original) => {
  const palette = await original<typeof import("../palette")>();
  return {
    ...palette,
    KIND_COLOURS: new Proxy(palette.KIND_COLOURS, {
      get: (colours, kind: SessionKind) => {
        drawn.push(kind);
        return colours[kind];
      },
    }),
  };
});

afterEach(cleanup);

const rooms = [room(1), room(2)];
const [salle1, salle2] = rooms as [ReturnType<typeof room>, ReturnType<typeof room>];
const programme = [
  session(THU, "14:30", "16:00", [salle1], { title: "Atelier IA", kind: "atelier" }),
  session(THU, "09:00", "10:00", [salle2], { title: "Table ronde", kind: "table_ronde" }),
  session(THU, "16:00", "16:30", "venue", { title: "Pause", kind: "pause" }),
];

function renderGrid(sessions: Session[], onMove: (s: Session, m: SessionMove) => void) {
  const props = {
    editable: true,
    conflictCounts: new Map<string, number>(),
    onOpen: () => {},
    onMove,
    onCreateAt: () => {},
    focusRequest: null,
  };
  const view = render(<ProgrammeGrid {...props} layout={layoutDay(sessions, rooms, THU)} />);
  return (next: Session[]) =>
    view.rerender(<ProgrammeGrid {...props} layout={layoutDay(next, rooms, THU)} />);
}

describe("ProgrammeGrid redraws", () => {
  it("draws again only the block dragged and dropped, not the others of the day", async () => {
    const moves: SessionMove[] = [];
    const update = renderGrid(programme, (_, move) => moves.push(move));
    expect(new Set(drawn)).toEqual(new Set(["atelier", "table_ronde", "pause"]));
    drawn.length = 0;

    // dnd-kit's keyboard drag: Space picks the block up, an arrow moves it, Space drops it.
    const block = screen.getByRole("button", { name: /Atelier IA/ });
    block.focus();
    // (The sensor listens to the keys from the next turn of the event loop on.)
    const press = (target: Element | Document, code: string, key = code) =>
      act(async () => {
        fireEvent.keyDown(target, { key, code });
        await new Promise((next) => setTimeout(next));
      });
    await press(block, "Space", " ");
    await press(document, "ArrowUp");
    await press(document, "Space", " ");
    expect(moves).toHaveLength(1);
    // The editor's optimistic update: the moved session is a new object, the others are not.
    update(programme.map((s) => (s.id === moves[0]?.id ? applyMove(s, moves[0]) : s)));

    expect(drawn.length).toBeGreaterThan(0);
    expect(new Set(drawn)).toEqual(new Set(["atelier"]));
    expect(screen.getByRole("button", { name: /Atelier IA/ }).getAttribute("aria-label")).toMatch(
      /^14:25–15:55/,
    );
  });
});
