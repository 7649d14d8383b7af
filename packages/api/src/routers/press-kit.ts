import { DOSSIER_READERS, PRESS_KIT_READERS } from "@tribune/domain/auth";
import { EditionYear } from "@tribune/domain/congress";
import {
  MANUAL_FIGURE_EDITORS,
  ManualFigure,
  ManualFigureInput,
  ManualFigureRef,
  PRESS_KIT_EDITORS,
  PRESS_KIT_VALIDATORS,
  PressKitFrameEdit,
  PressKitFrameState,
  PressKitModel,
  PressKitSectionEdit,
  PressKitSectionMove,
  PressKitSectionRef,
  PressKitSectionState,
  PressKitSectionStatusChange,
  QuotableFigure,
  ValidatedSectionVersion,
} from "@tribune/domain/press-kit";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createManualFigure } from "../services/press-kit/create-manual-figure";
import { deleteManualFigure } from "../services/press-kit/delete-manual-figure";
import { listQuotableFigures } from "../services/press-kit/figures";
import { getFrame, updateFrame } from "../services/press-kit/frame";
import { lastValidatedVersion } from "../services/press-kit/last-validated";
import { listEditionManualFigures } from "../services/press-kit/manual-figures";
import { pressKitModel } from "../services/press-kit/model";
import { moveSection } from "../services/press-kit/move-section";
import { listSections } from "../services/press-kit/sections";
import { setSectionStatus } from "../services/press-kit/set-section-status";
import { updateManualFigure } from "../services/press-kit/update-manual-figure";
import { updateSection } from "../services/press-kit/update-section";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PRESS_KIT_READERS);
const editor = procedureFor(...PRESS_KIT_EDITORS);
const validator = procedureFor(...PRESS_KIT_VALIDATORS);
const figureEditor = procedureFor(...MANUAL_FIGURE_EDITORS);

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
   * the published ones created in the admin (to pick a dossier's figures from), then the
   * edition's manual (quoted) ones with their provenance, with what the PDF prints for each.
   * Of the edition asked for, else the current one. Whoever reads the dossiers reads them: a
   * dossier shows its figures.
   */
  figures: procedureFor(...DOSSIER_READERS)
    .input(EditionYear.optional())
    .output(z.array(QuotableFigure))
    .query(({ ctx, input }) => listQuotableFigures(ctx, input ?? {})),

  /**
   * The frame of an edition's kit: organisation, congress name, default headings, flash
   * topics, contacts, figure definitions — stored, else the template a new edition starts with.
   */
  frame: reader
    .input(EditionYear)
    .output(PressKitFrameState)
    .query(({ ctx, input }) => getFrame(ctx, input)),

  /** Saves the frame's organisation, congress name, headings, flash topics and contacts. */
  updateFrame: editor
    .input(PressKitFrameEdit)
    .output(PressKitFrameState)
    .mutation(({ ctx, input }) => updateFrame(ctx, input)),

  /** The edition's manual key figures: quoted from someone else's publication, with provenance. */
  manualFigures: procedureFor(...DOSSIER_READERS)
    .input(EditionYear)
    .output(z.array(ManualFigure))
    .query(({ ctx, input }) => listEditionManualFigures(ctx, input)),

  /** Adds a manual figure; refused without its provenance (source, document, sample, date). */
  createManualFigure: figureEditor
    .input(ManualFigureInput)
    .output(ManualFigure)
    .mutation(({ ctx, input }) => createManualFigure(ctx, input)),

  updateManualFigure: figureEditor
    .input(ManualFigureInput)
    .output(ManualFigure)
    .mutation(({ ctx, input }) => updateManualFigure(ctx, input)),

  deleteManualFigure: figureEditor
    .input(ManualFigureRef)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteManualFigure(ctx, input)),

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

  /** A section as it was last validated, for the bureau to see what changed since. */
  lastValidated: reader
    .input(PressKitSectionRef)
    .output(ValidatedSectionVersion)
    .query(({ ctx, input }) => lastValidatedVersion(ctx, input)),

  /** Validates a section (or returns it to draft): the bureau's word, and admin's. */
  setSectionStatus: validator
    .input(PressKitSectionStatusChange)
    .output(PressKitSectionState)
    .mutation(({ ctx, input }) => setSectionStatus(ctx, input)),
} satisfies TRPCRouterRecord;
