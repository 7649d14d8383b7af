import { findEdition, findEditionByYear, listEditions } from "@tribune/db/repos/editions";
import { EDITION_BUDGET_READERS, type Role } from "@tribune/domain/auth";
import { currentEdition, type EditionView, type EditionWithBudget } from "@tribune/domain/congress";
import { found } from "../../found";
import { EVERY_EDITION } from "../../public-cache";
import { clockOf, type ServiceContext } from "../kit";
import { publicFace, statusNow } from "./status-now";

type ReadContext = Pick<ServiceContext, "db" | "actor" | "clock" | "publicCache">;

/** An edition as `role` may see it (its budget for EDITION_BUDGET_READERS only), with its state now. */
export function editionView(edition: EditionWithBudget, role: Role | null, now: Date): EditionView {
  const status = statusNow(edition, now);
  if (role && EDITION_BUDGET_READERS.includes(role)) return { ...edition, status };
  return { ...publicFace(edition), status };
}

/** The same, as the context's actor sees it at the context's time. */
export const viewFor = (ctx: ReadContext, edition: EditionWithBudget): EditionView =>
  editionView(edition, ctx.actor?.role ?? null, clockOf(ctx).now());

/**
 * Every edition, from the server's public cache when it keeps one (any edition's change drops
 * it, see EVERY_EDITION): every page and client asks which edition is the current one.
 */
function allEditions(ctx: ReadContext): Promise<EditionWithBudget[]> {
  const load = async () => ({ editionId: EVERY_EDITION, value: await listEditions(ctx.db) });
  return ctx.publicCache ? ctx.publicCache.get("editions", load) : listEditions(ctx.db);
}

/** Every edition, as the actor may see it. */
export const editionViews = async (ctx: ReadContext): Promise<EditionView[]> =>
  (await allEditions(ctx)).map((e) => viewFor(ctx, e));

export const editionViewById = async (ctx: ReadContext, id: string): Promise<EditionView> =>
  viewFor(ctx, found(await findEdition(ctx.db, id), "Édition"));

/**
 * The edition of a year, from the server's public cache when it keeps one (every change to an
 * edition publishes `programme.changed`, which drops it): the public pages ask for it on
 * every load.
 */
async function editionOfYear(ctx: ReadContext, year: number): Promise<EditionWithBudget> {
  const load = async () => {
    const edition = found(await findEditionByYear(ctx.db, year), `L'édition ${year}`);
    return { editionId: edition.id, value: edition };
  };
  return ctx.publicCache ? ctx.publicCache.get(`edition ${year}`, load) : (await load()).value;
}

export const editionViewByYear = async (ctx: ReadContext, year: number): Promise<EditionView> =>
  viewFor(ctx, await editionOfYear(ctx, year));

/**
 * The edition every page opens on when none is asked for (the domain's rule: the running one,
 * else the next to come, else the last one over); null when there is no edition yet.
 */
export async function currentEditionView(ctx: ReadContext): Promise<EditionView | null> {
  // The list is cached, the rule is not: the clock moves the current edition on its own.
  const edition = currentEdition(await allEditions(ctx), clockOf(ctx).now());
  return edition && viewFor(ctx, edition);
}
