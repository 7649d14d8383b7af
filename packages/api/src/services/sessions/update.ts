import {
  type SavedSession,
  type SessionUpdate,
  sessionAfterUpdate,
} from "@tribune/domain/congress";
import type { ServiceContext } from "../kit";
import { saveChangedSession } from "./save";

/** A partial edit of a session (any field but its edition), checked again whole. */
export const updateSession = (ctx: ServiceContext, input: SessionUpdate): Promise<SavedSession> =>
  saveChangedSession(ctx, input.id, "update", (before) => sessionAfterUpdate(before, input));
