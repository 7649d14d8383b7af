import type { EditionYear } from "@tribune/domain/congress";
import { buildPrintableProgramme, type PrintableProgramme } from "@tribune/domain/schedule";
import type { z } from "zod";
import type { ServiceContext } from "../kit";
import { loadSchedule } from "./load";
import { publicProgramme } from "./queries";

/** What programme.pdf prints: the published sessions only, for anyone. */
export async function printableProgramme(
  ctx: ServiceContext,
  input: z.output<typeof EditionYear>,
): Promise<PrintableProgramme> {
  const programme = await publicProgramme(ctx, input);
  const { rooms, sessions } = await loadSchedule(ctx.db, programme.edition.id, {
    publishedOnly: true,
  });
  return buildPrintableProgramme({
    edition: programme.edition,
    rooms,
    sessions,
    entries: programme.entries,
  });
}
