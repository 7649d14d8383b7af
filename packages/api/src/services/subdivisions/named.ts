import { listSubdivisions } from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import { decideSubdivisionNamed, type Subdivision } from "@tribune/domain/union";
import type { ServiceContext } from "../kit";

/** The subdivision a person names by its id, name, slug or an alias (`decideSubdivisionNamed`). */
export async function subdivisionNamed(ctx: ServiceContext, wanted: string): Promise<Subdivision> {
  return enforce(decideSubdivisionNamed(await listSubdivisions(ctx.db), wanted)).subdivision;
}
