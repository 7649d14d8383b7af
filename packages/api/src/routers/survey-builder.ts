import { SURVEY_MANAGERS } from "@tribune/domain/auth";
import {
  ComputedKeyFigure,
  KeyFigureDefinition,
  KeyFigureSave,
  Survey,
  SurveyBuilderView,
  SurveyDraft,
  SurveyOk,
  SurveyRef,
  SurveyStatusChange,
  SurveyUpdate,
} from "@tribune/domain/surveys";
import type { TRPCRouterRecord } from "@trpc/server";
import { surveyForBuilder } from "../services/surveys/builder";
import { createSurvey } from "../services/surveys/create";
import { deleteSurvey } from "../services/surveys/delete";
import { previewKeyFigure } from "../services/surveys/key-figures";
import { saveKeyFigure } from "../services/surveys/save-key-figure";
import { setStatus } from "../services/surveys/set-status";
import { updateSurvey } from "../services/surveys/update";
import { procedureFor } from "../trpc";

/**
 * The survey builder and the key-figure editor, for survey managers. Every change is audited;
 * the rules (what may change once responses exist, which status follows which) are the
 * domain's.
 */
const manager = procedureFor(...SURVEY_MANAGERS);

export const surveyBuilderProcedures = {
  /**
   * A survey as the builder edits it, with whether it received answers (those waiting in the
   * mixing pool included): the questions lock on that, not on the collection's count, which
   * stays at 0 until a batch enters the results and moves in steps for a health survey.
   */
  builder: manager
    .input(SurveyRef)
    .output(SurveyBuilderView)
    .query(({ ctx, input }) => surveyForBuilder(ctx, input)),

  create: manager
    .input(SurveyDraft)
    .output(Survey)
    .mutation(({ ctx, input }) => createSurvey(ctx, input)),

  /** Description and questionnaire; the questions are locked once responses exist. */
  update: manager
    .input(SurveyUpdate)
    .output(Survey)
    .mutation(({ ctx, input }) => updateSurvey(ctx, input)),

  /**
   * Draft → open → closed → published, and back one step where that makes sense (a health
   * survey that received answers is never reopened). A survey that stops collecting mixes the
   * answers still waiting in the pool into its results.
   */
  setStatus: manager
    .input(SurveyStatusChange)
    .output(Survey)
    .mutation(({ ctx, input }) => setStatus(ctx, input)),

  /** Only a draft without responses: anything else has a history worth keeping. */
  delete: manager
    .input(SurveyRef)
    .output(SurveyOk)
    .mutation(({ ctx, input }) => deleteSurvey(ctx, input)),

  /** A key figure as it would read, computed from the responses now — while editing it. */
  previewKeyFigure: manager
    .input(KeyFigureDefinition)
    .output(ComputedKeyFigure)
    .query(({ ctx, input }) => previewKeyFigure(ctx, input)),

  /** Creates or replaces a key figure definition; returns it computed. */
  saveKeyFigure: manager
    .input(KeyFigureSave)
    .output(ComputedKeyFigure)
    .mutation(({ ctx, input }) => saveKeyFigure(ctx, input)),
} satisfies TRPCRouterRecord;
