import { useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { Session, SessionMove } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { describe, expect, it, vi } from "vitest";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ApiRefusal, EDITION, makeWrapper, room, session, THU } from "../testing";
import { type MoveEvents, useMoveSession } from "./useSessionMutations";

const salle1 = room(1);
const salle2 = room(2);

/** A server whose answer to session.move the test releases (or refuses) when it wants. */
function setup(events: MoveEvents = {}) {
  const stored = [session(THU, "14:30", "16:00", [salle1], { title: "Atelier IA" })];
  let answer: { resolve(): void; refuse(message: string): void } | null = null;
  let conflictCalls = 0;
  const { wrapper, calls } = makeWrapper({
    "session.list": () => stored.map((s) => ({ ...s })),
    "schedule.conflicts": () => {
      conflictCalls += 1;
      return [];
    },
    "session.move": (input) =>
      new Promise((resolve, reject) => {
        const move = input as SessionMove;
        answer = {
          resolve: () => {
            const saved = stored[0] as Session;
            Object.assign(
              saved,
              { startsAt: move.startsAt, endsAt: move.endsAt },
              move.roomIds && { roomIds: move.roomIds },
            );
            resolve({ session: saved, conflicts: [] });
          },
          refuse: (message) => reject(new ApiRefusal(message)),
        };
      }),
  });
  const hook = renderHook(
    () => {
      const trpc = useTRPC();
      const list = useQuery(trpc.session.list.queryOptions({ editionId: EDITION.id }));
      useQuery(trpc.schedule.conflicts.queryOptions({ editionId: EDITION.id }));
      return { list, move: useMoveSession(EDITION.id, events) };
    },
    { wrapper },
  );
  return {
    hook,
    calls,
    stored,
    conflictCalls: () => conflictCalls,
    server: () => {
      if (!answer) throw new Error("no move pending");
      return answer;
    },
  };
}

const moveTo = (s: Session, start: string, end: string): SessionMove => ({
  id: s.id,
  startsAt: instantFromLocal(THU, start),
  endsAt: instantFromLocal(THU, end),
  roomIds: [salle2.id],
});

describe("useMoveSession", () => {
  it("shows the move at once, then keeps the server's version", async () => {
    const onSaved = vi.fn();
    const { hook, server, stored, conflictCalls } = setup({ onSaved });
    await waitFor(() => expect(hook.result.current.list.data).toHaveLength(1));
    const original = stored[0] as Session;

    act(() => hook.result.current.move.mutate(moveTo(original, "15:00", "16:30")));

    // Before the server answers, the cached list already has the new time and room.
    await waitFor(() =>
      expect(hook.result.current.list.data?.[0]).toMatchObject({
        startsAt: instantFromLocal(THU, "15:00"),
        roomIds: [salle2.id],
      }),
    );
    const conflictsBefore = conflictCalls();
    await waitFor(() => expect(server).not.toThrow());
    act(() => server().resolve());

    await waitFor(() => expect(hook.result.current.move.isSuccess).toBe(true));
    expect(onSaved).toHaveBeenCalledWith([]);
    await waitFor(() => expect(conflictCalls()).toBeGreaterThan(conflictsBefore));
    expect(hook.result.current.list.data?.[0]).toMatchObject({
      startsAt: instantFromLocal(THU, "15:00"),
      roomIds: [salle2.id],
    });
  });

  it("puts the session back and reports the server's French message when refused", async () => {
    const onRefused = vi.fn();
    const { hook, server } = setup({ onRefused });
    await waitFor(() => expect(hook.result.current.list.data).toHaveLength(1));
    const before = hook.result.current.list.data?.[0] as Session;

    act(() => hook.result.current.move.mutate(moveTo(before, "15:00", "16:30")));
    await waitFor(() =>
      expect(hook.result.current.list.data?.[0]?.startsAt).toBe(instantFromLocal(THU, "15:00")),
    );
    await waitFor(() => expect(server).not.toThrow());
    act(() => server().refuse("Salle introuvable."));

    await waitFor(() => expect(hook.result.current.move.isError).toBe(true));
    expect(errorMessage(hook.result.current.move.error)).toBe("Salle introuvable.");
    expect(onRefused).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ title: "Atelier IA" }),
    );
    expect(hook.result.current.list.data?.[0]).toMatchObject({
      startsAt: before.startsAt,
      roomIds: [salle1.id],
    });
  });
});

describe("useMoveSession on a fuller day", () => {
  it("keeps the list as cached when the refetch after the save finds it unchanged", async () => {
    // The server lists by start, then title; its answer to the move is the stored session.
    const stored = [
      session(THU, "09:00", "10:00", [salle1], { title: "Synthèse" }),
      session(THU, "11:00", "12:00", [salle2], { title: "Atelier IA" }),
      session(THU, "14:30", "16:00", [salle1], { title: "Table ronde" }),
    ];
    const byStart = () =>
      [...stored]
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || (a.title < b.title ? -1 : 1))
        .map((s) => ({ ...s }));
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const { wrapper, calls } = makeWrapper({
      "session.list": byStart,
      "schedule.conflicts": () => [],
      // Answered when the test says so, to look at the grid's list in between.
      "session.move": async (input) => {
        await answered;
        const move = input as SessionMove;
        const index = stored.findIndex((s) => s.id === move.id);
        stored[index] = { ...(stored[index] as Session), ...move };
        return { session: { ...stored[index] }, conflicts: [] };
      },
    });
    const hook = renderHook(
      () => {
        const trpc = useTRPC();
        const list = useQuery(trpc.session.list.queryOptions({ editionId: EDITION.id }));
        return { list, move: useMoveSession(EDITION.id) };
      },
      { wrapper },
    );
    await waitFor(() => expect(hook.result.current.list.data).toHaveLength(3));
    const lists = () => calls.filter((c) => c.path === "session.list").length;
    const first = stored[0] as Session;

    // « Synthèse » moves to 11:00, after « Atelier IA » in the server's order (start, title):
    // the grid shows it there at once.
    act(() => hook.result.current.move.mutate(moveTo(first, "11:00", "12:00")));
    await waitFor(() =>
      expect(hook.result.current.list.data?.map((s) => s.title)).toEqual([
        "Atelier IA",
        "Synthèse",
        "Table ronde",
      ]),
    );
    const shown = hook.result.current.list.data;
    expect(shown?.[1]).toMatchObject({ startsAt: instantFromLocal(THU, "11:00") });

    // The answer and the refetch that follows the save bring the same programme: the query
    // keeps the very same array, so the grid has nothing to lay out or draw again.
    expect(lists()).toBe(1);
    act(() => answer());
    await waitFor(() => expect(hook.result.current.move.isSuccess).toBe(true));
    await waitFor(() => expect(lists()).toBe(2));
    await waitFor(() => expect(hook.result.current.list.isFetching).toBe(false));
    expect(hook.result.current.list.data).toBe(shown);
  });
});
