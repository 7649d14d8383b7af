import { findEditionByYear } from "@tribune/db";
import {
  buildPressKitModel,
  EditionYear,
  PRESS_KIT_READERS,
  PressKitModel,
  pressKitEditorial2026,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { found } from "../found";
import { loadSchedule } from "../schedule-data";
import { computeKeyFigures } from "../survey-results";
import { procedureFor } from "../trpc";

export const pressKitRouter = {
  /**
   * The press kit of an edition as one model, ready to render: the edition, its rooms and
   * published sessions from the database, the editorial texts of the reference kit. Survey
   * figures are computed now from the stored responses (published key figures only, disclosure
   * control applied); a figure with no data or a suppressed one stays a marked placeholder.
   */
  model: procedureFor(...PRESS_KIT_READERS)
    .input(EditionYear)
    .output(PressKitModel)
    .query(async ({ ctx, input }) => {
      const edition = found(await findEditionByYear(ctx.db, input.year), `L'édition ${input.year}`);
      const { rooms, sessions } = await loadSchedule(ctx.db, edition.id, { publishedOnly: true });
      // Editorial texts and section statuses are not stored yet: every edition gets the 2026 ones.
      return buildPressKitModel({
        edition,
        rooms,
        sessions,
        editorial: pressKitEditorial2026(),
        computedFigures: (await computeKeyFigures(ctx.db, { publishedOnly: true })).flatMap((f) =>
          f.value === null
            ? []
            : [{ id: f.definition.id, value: f.value, respondents: f.provenance.respondents }],
        ),
      });
    }),
} satisfies TRPCRouterRecord;
