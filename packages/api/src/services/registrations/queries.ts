/** What registrations read: a page of them within the actor's scope, counts, capacity. */
import { findEdition } from "@tribune/db/repos/editions";
import { editionCapacity, listRegistrations, liveCounts } from "@tribune/db/repos/registrations";
import { enforce } from "@tribune/domain/kernel";
import {
  type EditionCapacity,
  type LiveCounts,
  type RegistrationPage,
  type RegistrationQuery,
  subdivisionFilter,
} from "@tribune/domain/union";
import type { z } from "zod";
import type { Actor } from "../../context";
import { found } from "../../found";
import type { ServiceContext } from "../kit";

/**
 * A page of registrations, within the actor's subdivision scope (`subdivisionFilter`): a
 * representative sees their subdivision's, an account without one sees none.
 */
export async function listInScope(
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof RegistrationQuery>,
): Promise<z.output<typeof RegistrationPage>> {
  const { filter } = enforce(subdivisionFilter(ctx.actor, input.subdivisionId));
  if (!filter) return { items: [], total: 0 };
  return listRegistrations(ctx.db, { ...input, subdivisionId: filter.subdivisionId });
}

/** Registrations and arrivals per subdivision, now. */
export async function countsOf(
  ctx: ServiceContext,
  { editionId }: { editionId: string },
): Promise<LiveCounts> {
  found(await findEdition(ctx.db, editionId), "Édition");
  return liveCounts(ctx.db, editionId);
}

/** The edition's places: capacity, confirmed, waiting, arrived, cancelled. */
export async function capacityOf(
  ctx: ServiceContext,
  { editionId }: { editionId: string },
): Promise<EditionCapacity> {
  found(await findEdition(ctx.db, editionId), "Édition");
  return editionCapacity(ctx.db, editionId);
}
