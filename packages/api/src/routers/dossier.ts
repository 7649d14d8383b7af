import { DOSSIER_EDITORS, DOSSIER_READERS } from "@tribune/domain/auth";
import {
  Dossier,
  DossierCreate,
  DossierQuery,
  DossierRef,
  DossierSummary,
  DossierUpdate,
} from "@tribune/domain/dossiers";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createDossier } from "../services/dossiers/create";
import { deleteDossier } from "../services/dossiers/delete";
import { getDossier } from "../services/dossiers/get";
import { dossierOverview, listDossiers } from "../services/dossiers/list";
import { updateDossier } from "../services/dossiers/update";
import { procedureFor } from "../trpc";

const reader = procedureFor(...DOSSIER_READERS);
const editor = procedureFor(...DOSSIER_EDITORS);

export const dossierRouter = {
  /** In press-kit order: pillar, then position. */
  list: reader
    .input(DossierQuery.default({}))
    .output(z.array(DossierSummary))
    .query(({ ctx, input }) => listDossiers(ctx, input)),

  /** Every dossier with its timeline, in one call (the dashboard shows them all). */
  overview: reader
    .input(DossierQuery.default({}))
    .output(z.array(Dossier))
    .query(({ ctx, input }) => dossierOverview(ctx, input)),

  get: reader
    .input(DossierRef)
    .output(Dossier)
    .query(({ ctx, input }) => getDossier(ctx, input)),

  /** A dossier's text goes into the press kit as is: one the kit could not print is refused. */
  create: editor
    .input(DossierCreate)
    .output(Dossier)
    .mutation(({ ctx, input }) => createDossier(ctx, input)),

  /** A partial change; `events`, when given, replaces the whole timeline. */
  update: editor
    .input(DossierUpdate)
    .output(Dossier)
    .mutation(({ ctx, input }) => updateDossier(ctx, input)),

  /** Its timeline goes with it; its motions stay, detached. */
  delete: editor
    .input(DossierRef)
    .output(DossierRef)
    .mutation(({ ctx, input }) => deleteDossier(ctx, input)),
} satisfies TRPCRouterRecord;
