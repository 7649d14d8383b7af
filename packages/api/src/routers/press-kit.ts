import {
  DOSSIER_READERS,
  EditionYear,
  PRESS_KIT_EDITORS,
  PRESS_KIT_READERS,
  PRESS_KIT_VALIDATORS,
  PressKitModel,
  PressKitSectionEdit,
  PressKitSectionMove,
  PressKitSectionState,
  PressKitSectionStatusChange,
  QuotableFigure,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listQuotableFigures } from "../services/press-kit/figures";
import { pressKitModel } from "../services/press-kit/model";
import { moveSection } from "../services/press-kit/move-section";
import { listSections } from "../services/press-kit/sections";
import { setSectionStatus } from "../services/press-kit/set-section-status";
import { updateSection } from "../services/press-kit/update-section";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PRESS_KIT_READERS);
const editor = procedureFor(...PRESS_KIT_EDITORS);
const validator = procedureFor(...PRESS_KIT_VALIDATORS);

export const pressKitRouter = {
  /**
   * The press kit of an edition as one model, ready to render: the edition, its rooms and
   * published sessions, the stored sections (texts and statuses), the pillars' dossiers, from
   * the database. Survey figures are computed now from the stored responses (published key
   * figures only, disclosure control applied); a figure with no data or a suppressed one stays
   * a marked placeholder, and one computed from synthetic responses is flagged as such.
   */
  model: reader
    .input(EditionYear)
    .output(PressKitModel)
    .query(({ ctx, input }) => pressKitModel(ctx, input)),

  /**
   * The key figures a text may quote, with how the kit labels them: the reference ones, then
   * the published ones created in the admin (to pick a dossier's figures from), with what the
   * PDF prints for each. Whoever reads the dossiers reads them: a dossier shows its figures.
   */
  figures: procedureFor(...DOSSIER_READERS)
    .output(z.array(QuotableFigure))
    .query(({ ctx }) => listQuotableFigures(ctx)),

  /** The sections of an edition's kit in print order, with their texts and statuses. */
  sections: reader
    .input(EditionYear)
    .output(z.array(PressKitSectionState))
    .query(({ ctx, input }) => listSections(ctx, input)),

  /**
   * Saves a section's title, text and signature. A change puts a validated section back in
   * draft: only the bureau's validation takes it out again.
   */
  updateSection: editor
    .input(PressKitSectionEdit)
    .output(PressKitSectionState)
    .mutation(({ ctx, input }) => updateSection(ctx, input)),

  /**
   * Moves a section one place up or down in the printed kit (the cover and the contents stay
   * first; the contents follow the new order). Texts and statuses are untouched. Returns every
   * section in the new order.
   */
  moveSection: editor
    .input(PressKitSectionMove)
    .output(z.array(PressKitSectionState))
    .mutation(({ ctx, input }) => moveSection(ctx, input)),

  /** Validates a section (or returns it to draft): the bureau's word, and admin's. */
  setSectionStatus: validator
    .input(PressKitSectionStatusChange)
    .output(PressKitSectionState)
    .mutation(({ ctx, input }) => setSectionStatus(ctx, input)),
} satisfies TRPCRouterRecord;
