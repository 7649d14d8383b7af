import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Session, SessionMove } from "@tribune/domain/congress";
import type { Conflict } from "@tribune/domain/schedule";
import { useTRPC } from "../../../app/trpc";
import { applyMove, replaceInList } from "../moves";

/** Refetches what every session change touches: the list and the conflicts. */
function useRefreshProgramme(editionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.session.list.queryFilter({ editionId })),
      queryClient.invalidateQueries(trpc.schedule.conflicts.queryFilter({ editionId })),
    ]);
}

export interface MoveEvents {
  onSaved?(conflicts: Conflict[]): void;
  /** The move was refused and undone; `session` is the session as it is again. */
  onRefused?(error: unknown, session: Session | undefined): void;
}

/**
 * Drag and drop and keyboard moves. The grid moves at once (optimistic update of the session
 * list); a refusal puts the session back where it was and the caller shows the error.
 */
export function useMoveSession(editionId: string, events: MoveEvents = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshProgramme(editionId);
  const listKey = trpc.session.list.queryKey({ editionId });
  return useMutation(
    trpc.session.move.mutationOptions({
      onMutate: async (move: SessionMove) => {
        // A list refetch landing now would overwrite the optimistic data with the old times.
        await queryClient.cancelQueries({ queryKey: listKey });
        const previous = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (old) => {
          const moving = old?.find((s) => s.id === move.id);
          return old && moving ? replaceInList(old, applyMove(moving, move)) : old;
        });
        return { previous };
      },
      // Here rather than in mutate()'s options, which only fire for the latest of quick moves.
      onSuccess: ({ session, conflicts }) => {
        // The answer is the stored session: put it in the list now. The refetch that follows
        // (it brings other organisers' changes) then finds every session as cached, and the
        // query keeps the same objects, so the grid has nothing to lay out or draw again.
        // Unless a later move of the same session is on its way: the grid shows that one.
        const pending = queryClient.isMutating({
          mutationKey: trpc.session.move.mutationKey(),
          predicate: (m) => (m.state.variables as SessionMove | undefined)?.id === session.id,
        });
        if (pending <= 1) {
          queryClient.setQueryData(listKey, (old) => old && replaceInList(old, session));
        }
        events.onSaved?.(conflicts);
      },
      onError: (error, move, context) => {
        if (context?.previous) queryClient.setQueryData(listKey, context.previous);
        events.onRefused?.(
          error,
          context?.previous?.find((s) => s.id === move.id),
        );
      },
      onSettled: refresh,
    }),
  );
}

/** Create or update from the form; `id` set means update. */
export function useSaveSession(editionId: string) {
  const trpc = useTRPC();
  const refresh = useRefreshProgramme(editionId);
  const create = useMutation(trpc.session.create.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.session.update.mutationOptions({ onSettled: refresh }));
  return { create, update };
}

export function useDeleteSession(editionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshProgramme(editionId);
  const listKey = trpc.session.list.queryKey({ editionId });
  return useMutation(
    trpc.session.delete.mutationOptions({
      onSuccess: ({ id }) =>
        queryClient.setQueryData(listKey, (old) => old?.filter((s: Session) => s.id !== id)),
      onSettled: refresh,
    }),
  );
}
