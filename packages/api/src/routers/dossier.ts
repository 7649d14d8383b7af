import {
  deleteDossier,
  type Executor,
  findDossier,
  insertDossier,
  listDossiers,
  listDossiersWithEvents,
  recordAudit,
  updateDossier,
} from "@tribune/db";
import {
  DOSSIER_EDITORS,
  DOSSIER_READERS,
  DomainError,
  Dossier,
  DossierCreate,
  DossierQuery,
  DossierSummary,
  DossierUpdate,
  dossierTextProblem,
  type EditorialBlock,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { quotableFigureIds } from "../services/quotable-figures";
import { procedureFor } from "../trpc";

const reader = procedureFor(...DOSSIER_READERS);
const editor = procedureFor(...DOSSIER_EDITORS);
const LABEL = "Dossier";

/**
 * A dossier's text goes into the press kit as is: refuse what the kit could not print. It may
 * quote the reference figures and any published key figure created in the admin.
 */
async function assertPrintable(
  db: Executor,
  dossier: { body: EditorialBlock[]; figureIds: string[] },
) {
  const problem = dossierTextProblem(dossier, await quotableFigureIds(db));
  if (problem) throw new DomainError("invalid", problem, { fieldErrors: { body: [problem] } });
}

export const dossierRouter = {
  /** In press-kit order: pillar, then position. */
  list: reader
    .input(DossierQuery.default({}))
    .output(z.array(DossierSummary))
    .query(({ ctx, input }) => listDossiers(ctx.db, input)),

  /** Every dossier with its timeline, in one call (the dashboard shows them all). */
  overview: reader
    .input(DossierQuery.default({}))
    .output(z.array(Dossier))
    .query(({ ctx, input }) => listDossiersWithEvents(ctx.db, input)),

  get: reader
    .input(z.object({ id: z.uuid() }))
    .output(Dossier)
    .query(async ({ ctx, input }) => found(await findDossier(ctx.db, input.id), LABEL)),

  create: editor
    .input(DossierCreate)
    .output(Dossier)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await assertPrintable(tx, input);
        const dossier = await insertDossier(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "dossier",
          entityId: dossier.id,
          action: "create",
          after: dossier,
        });
        return dossier;
      }),
    ),

  /** A partial change; `events`, when given, replaces the whole timeline. */
  update: editor
    .input(DossierUpdate)
    .output(Dossier)
    .mutation(({ ctx, input: { id, ...patch } }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findDossier(tx, id), LABEL);
        await assertPrintable(tx, {
          body: patch.body ?? before.body,
          figureIds: patch.figureIds ?? before.figureIds,
        });
        const dossier = await updateDossier(tx, id, patch);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "dossier",
          entityId: id,
          action: "update",
          before,
          after: dossier,
        });
        return dossier;
      }),
    ),

  /** Its timeline goes with it; its motions stay, detached. */
  delete: editor
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findDossier(tx, input.id), LABEL);
        await deleteDossier(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "dossier",
          entityId: input.id,
          action: "delete",
          before,
        });
        return { id: input.id };
      }),
    ),
} satisfies TRPCRouterRecord;
