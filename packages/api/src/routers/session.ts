import {
  deleteSession,
  type Executor,
  findSession,
  insertSession,
  listSessions,
  recordAudit,
  replaceSession,
} from "@tribune/db";
import {
  assertValidSession,
  Conflict,
  DomainError,
  type Edition,
  findConflicts,
  outsideEditionMessage,
  PROGRAMME_EDITORS,
  PROGRAMME_READERS,
  Session,
  SessionCapacitiesInput,
  SessionInput,
  SessionMove,
  SessionPlaces,
  SessionSignup,
  SessionUpdate,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Actor, Context } from "../context";
import { found } from "../found";
import { publishProgrammeChange } from "../live";
import { assertReferencesExist, loadSchedule } from "../schedule-data";
import { assertEditionWritable } from "../services/editions/writable";
import { fillPlaces } from "../services/signups/fill-places";
import { setSessionCapacities } from "../services/signups/set-capacities";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);
const editor = procedureFor(...PROGRAMME_EDITORS);

/** A saved session and the conflicts it is part of: saved anyway, shown as warnings. */
export const SavedSession = z.object({ session: Session, conflicts: z.array(Conflict) });

async function conflictsOf(db: Executor, session: Session): Promise<Conflict[]> {
  const all = findConflicts(await loadSchedule(db, session.editionId));
  return all.filter((c) => c.sessionIds.includes(session.id));
}

/** Refuses a session outside its edition's days (a typo'd year, a day after the congress). */
function assertDuringEdition(session: { startsAt: string; endsAt: string }, edition: Edition) {
  const problem = outsideEditionMessage(session, edition);
  if (problem) throw new DomainError("invalid", problem, { fieldErrors: { startsAt: [problem] } });
}

/**
 * Applies a change to a stored session: the merged result is validated as a new one would be,
 * saved and audited in one transaction, and returned with the conflicts it is part of.
 */
async function saveChanged(
  ctx: Context & { actor: Actor },
  id: string,
  action: "update" | "move",
  change: (before: Session) => Session,
) {
  const saved = await ctx.db.transaction(async (tx) => {
    const before = found(await findSession(tx, id), "Session");
    const edition = await assertEditionWritable(tx, before.editionId);
    const next = change(before);
    assertValidSession(next);
    assertDuringEdition(next, edition);
    await assertReferencesExist(tx, next);
    const session = await replaceSession(tx, next);
    await recordAudit(tx, auditActor(ctx.actor), {
      entity: "session",
      entityId: id,
      action,
      before,
      after: session,
    });
    // More places (override, rooms): the people waiting on its sign-up list get them now.
    await fillPlaces(tx, { audit: (entry) => recordAudit(tx, auditActor(ctx.actor), entry) }, id);
    return { session, conflicts: await conflictsOf(tx, session) };
  });
  publishProgrammeChange(ctx, saved.session.editionId);
  return saved;
}

export const sessionRouter = {
  list: reader
    .input(z.object({ editionId: z.uuid() }))
    .output(z.array(Session))
    .query(({ ctx, input }) => listSessions(ctx.db, input.editionId)),

  get: reader
    .input(z.object({ id: z.uuid() }))
    .output(Session)
    .query(async ({ ctx, input }) => found(await findSession(ctx.db, input.id), "Session")),

  create: editor
    .input(SessionInput)
    .output(SavedSession)
    .mutation(async ({ ctx, input }) => {
      const saved = await ctx.db.transaction(async (tx) => {
        assertDuringEdition(input, await assertEditionWritable(tx, input.editionId));
        await assertReferencesExist(tx, input);
        const session = await insertSession(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "session",
          entityId: session.id,
          action: "create",
          after: session,
        });
        return { session, conflicts: await conflictsOf(tx, session) };
      });
      publishProgrammeChange(ctx, saved.session.editionId);
      return saved;
    }),

  update: editor
    .input(SessionUpdate)
    .output(SavedSession)
    .mutation(({ ctx, input: { id, ...patch } }) =>
      saveChanged(ctx, id, "update", (before) => ({ ...before, ...patch })),
    ),

  /** Drag and drop on the grid: new times, and new rooms when dropped in another column. */
  move: editor
    .input(SessionMove)
    .output(SavedSession)
    .mutation(({ ctx, input: { id, startsAt, endsAt, roomIds } }) =>
      saveChanged(ctx, id, "move", (before) => ({
        ...before,
        startsAt,
        endsAt,
        roomIds: roomIds ?? before.roomIds,
      })),
    ),

  delete: editor
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.db.transaction(async (tx) => {
        const before = found(await findSession(tx, input.id), "Session");
        await assertEditionWritable(tx, before.editionId);
        await deleteSession(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "session",
          entityId: input.id,
          action: "delete",
          before,
        });
        return before;
      });
      publishProgrammeChange(ctx, before.editionId);
      return { id: input.id };
    }),

  /**
   * Places for many workshops at once: every session taking sign-ups of the edition, of a kind
   * and/or in a room (null: back to what each inherits — its override, else its rooms).
   */
  setCapacities: editor
    .input(SessionCapacitiesInput)
    .output(z.object({ places: z.array(SessionPlaces), promoted: z.array(SessionSignup) }))
    .mutation(({ ctx, input }) => setSessionCapacities(ctx, input)),
} satisfies TRPCRouterRecord;
