import { PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain/auth";
import {
  SavedSession,
  Session,
  SessionInput,
  SessionMove,
  SessionRef,
  SessionUpdate,
} from "@tribune/domain/congress";
import { ProgrammeQuery } from "@tribune/domain/schedule";
import { SessionCapacitiesInput, SessionCapacitiesResult } from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createSession } from "../services/sessions/create";
import { deleteSession } from "../services/sessions/delete";
import { moveSession } from "../services/sessions/move";
import { getSession, listEditionSessions } from "../services/sessions/queries";
import { updateSession } from "../services/sessions/update";
import { setSessionCapacities } from "../services/signups/set-capacities";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);
const editor = procedureFor(...PROGRAMME_EDITORS);

export const sessionRouter = {
  list: reader
    .input(ProgrammeQuery)
    .output(z.array(Session))
    .query(({ ctx, input }) => listEditionSessions(ctx, input)),

  get: reader
    .input(SessionRef)
    .output(Session)
    .query(({ ctx, input }) => getSession(ctx, input)),

  /** Saved with the conflicts it is part of, shown as warnings; an archived edition refuses it. */
  create: editor
    .input(SessionInput)
    .output(SavedSession)
    .mutation(({ ctx, input }) => createSession(ctx, input)),

  /** A partial edit; the merged session is checked again as a new one would be. */
  update: editor
    .input(SessionUpdate)
    .output(SavedSession)
    .mutation(({ ctx, input }) => updateSession(ctx, input)),

  /** Drag and drop on the grid: new times, and new rooms when dropped in another column. */
  move: editor
    .input(SessionMove)
    .output(SavedSession)
    .mutation(({ ctx, input }) => moveSession(ctx, input)),

  delete: editor
    .input(SessionRef)
    .output(SessionRef)
    .mutation(({ ctx, input }) => deleteSession(ctx, input)),

  /**
   * Places for many workshops at once: every session taking sign-ups of the edition, of a kind
   * and/or in a room (null: back to what each inherits — its override, else its rooms).
   */
  setCapacities: editor
    .input(SessionCapacitiesInput)
    .output(SessionCapacitiesResult)
    .mutation(({ ctx, input }) => setSessionCapacities(ctx, input)),
} satisfies TRPCRouterRecord;
