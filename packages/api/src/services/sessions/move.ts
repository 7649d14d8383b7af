import { type SavedSession, type SessionMove, sessionAfterMove } from "@tribune/domain/congress";
import type { ServiceContext } from "../kit";
import { saveChangedSession } from "./save";

/** Drag and drop on the grid: new times, and new rooms when dropped in another column. */
export const moveSession = (ctx: ServiceContext, input: SessionMove): Promise<SavedSession> =>
  saveChangedSession(ctx, input.id, "move", (before) => sessionAfterMove(before, input));
