import { listDossiersWithEvents, listDossiers as readDossiers } from "@tribune/db/repos/dossiers";
import type { Dossier, DossierQuery, DossierSummary } from "@tribune/domain/dossiers";
import type { ServiceContext } from "../kit";

/** Dossiers in press-kit order (pillar, then position), filtered by pillar and status. */
export const listDossiers = (ctx: ServiceContext, query: DossierQuery): Promise<DossierSummary[]> =>
  readDossiers(ctx.db, query);

/** Every dossier with its timeline, in one call (the dashboard shows them all). */
export const dossierOverview = (ctx: ServiceContext, query: DossierQuery): Promise<Dossier[]> =>
  listDossiersWithEvents(ctx.db, query);
