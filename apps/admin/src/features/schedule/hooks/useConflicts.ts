import { useIsMutating, useQuery } from "@tanstack/react-query";
import type { Edition, Room, Session, Speaker } from "@tribune/domain/congress";
import { type Conflict, findConflicts } from "@tribune/domain/schedule";
import { useMemo, useRef } from "react";
import { useTRPC } from "../../../app/trpc";

interface Sources {
  edition: Edition;
  rooms: Room[] | undefined;
  sessions: Session[] | undefined;
  speakers: Speaker[] | undefined;
  /** When the session list last changed (the query's dataUpdatedAt). */
  sessionsUpdatedAt: number;
}

/**
 * The programme's conflicts. The server's list is authoritative, but while a move is saving or
 * the list has changed since it was computed, the same domain rule runs on the local (possibly
 * optimistic) data so that a conflict shows the moment a session is dropped.
 */
export function useConflicts({ edition, rooms, sessions, speakers, sessionsUpdatedAt }: Sources) {
  const trpc = useTRPC();
  const server = useQuery(trpc.schedule.conflicts.queryOptions({ editionId: edition.id }));
  const saving = useIsMutating({ mutationKey: trpc.session.move.mutationKey() }) > 0;
  const local = useMemo(
    () =>
      rooms && sessions
        ? findConflicts({ edition, rooms, sessions, speakers: speakers ?? [] })
        : null,
    [edition, rooms, sessions, speakers],
  );
  const stale = !server.data || saving || sessionsUpdatedAt > server.dataUpdatedAt;
  const conflicts: Conflict[] = (stale ? local : server.data) ?? server.data ?? [];
  const bySession = useMemo(() => {
    const map = new Map<string, Conflict[]>();
    for (const c of conflicts) {
      for (const id of c.sessionIds) map.set(id, [...(map.get(id) ?? []), c]);
    }
    return map;
  }, [conflicts]);
  // Conflict count per session, for the grid's blocks. The same map as long as the counts are
  // the same (the local list giving way to the server's, a refetch): the grid is not redrawn.
  const countsRef = useRef<Map<string, number>>(new Map());
  const counts = useMemo(() => {
    const next = new Map([...bySession].map(([id, list]) => [id, list.length]));
    const previous = countsRef.current;
    if (next.size === previous.size && [...next].every(([id, n]) => previous.get(id) === n)) {
      return previous;
    }
    countsRef.current = next;
    return next;
  }, [bySession]);
  // Until either list exists, nothing is known: "no conflict" would be a false statement.
  const loading = !server.data && local === null && !server.error;
  return { conflicts, bySession, counts, error: server.error, loading };
}
