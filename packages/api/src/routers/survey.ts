import {
  KEY_FIGURE_READERS,
  SURVEY_MANAGERS,
  SURVEY_READERS,
  SURVEY_RESULT_READERS,
} from "@tribune/domain/auth";
import {
  ComputedKeyFigure,
  HideFreeTextInput,
  IssueTokensInput,
  PublicSurvey,
  QuestionResult,
  ResultQuery,
  ResultsExport,
  ResultsExportInput,
  Survey,
  SurveyCollection,
  SurveyFormQuery,
  SurveyImportInput,
  SurveyImportReport,
  SurveyOk,
  SurveyRef,
  SurveyResponseInput,
  SurveySummary,
} from "@tribune/domain/surveys";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { surveyCollection } from "../services/surveys/collection";
import { exportResults } from "../services/surveys/export-results";
import { surveyForm } from "../services/surveys/form";
import { getSurvey } from "../services/surveys/get";
import { hideFreeText } from "../services/surveys/hide-free-text";
import { importResponses } from "../services/surveys/import";
import { issueTokens } from "../services/surveys/issue-tokens";
import { listKeyFigures } from "../services/surveys/key-figures";
import { listSurveys } from "../services/surveys/list";
import { watchCollection } from "../services/surveys/live";
import { respond } from "../services/surveys/respond";
import { questionResults } from "../services/surveys/results";
import { procedureFor, publicProcedure, rateLimitedPublicProcedure } from "../trpc";

export const surveyRouter = {
  /**
   * Every survey with its response count (no answer); in steps of the threshold while a
   * sensitive survey's results are withheld. The press sees published surveys only.
   */
  list: procedureFor(...SURVEY_READERS)
    .output(z.array(SurveySummary))
    .query(({ ctx }) => listSurveys(ctx)),

  get: procedureFor(...SURVEY_READERS)
    .input(SurveyRef)
    .output(Survey)
    .query(({ ctx, input }) => getSurvey(ctx, input)),

  /** The questionnaire of an open survey, for the public response form. */
  form: publicProcedure
    .input(SurveyFormQuery)
    .output(PublicSurvey)
    .query(({ ctx, input }) => surveyForm(ctx, input)),

  /**
   * A response, from the public form: validated against the questionnaire (per-question errors,
   * nothing stored), then stored without anything that identifies the respondent. It waits in
   * the mixing pool (an invitation-only survey spends the one-time token as it is parked) and
   * enters the results with a batch of at least the disclosure threshold, in random order, dated
   * the batch's day — or when the survey closes. Readers hear of it then, not before.
   */
  respond: rateLimitedPublicProcedure("respond")
    .input(SurveyResponseInput)
    .output(SurveyOk)
    .mutation(({ ctx, input }) => respond(ctx, input)),

  /** One-time response links; the tokens are shown once, only their hashes are kept. */
  issueTokens: procedureFor(...SURVEY_MANAGERS)
    .input(IssueTokensInput)
    .output(z.array(z.string()))
    .mutation(({ ctx, input }) => issueTokens(ctx, input)),

  /**
   * Responses from a survey tool's CSV export: a dry run reports every bad row (line, question,
   * message); applying stores all the rows in one transaction, and only when none is bad.
   */
  import: procedureFor(...SURVEY_MANAGERS)
    .input(SurveyImportInput)
    .output(SurveyImportReport)
    .mutation(({ ctx, input }) => importResponses(ctx, input)),

  /**
   * Aggregated results of one question, overall or broken down, disclosure control applied.
   * Health data (mental health): breakdowns and free text for admin and bureau only, and while
   * the survey collects, nothing but the number of responses in steps (`withheld`).
   */
  results: procedureFor(...SURVEY_RESULT_READERS)
    .input(ResultQuery)
    .output(QuestionResult)
    .query(({ ctx, input }) => questionResults(ctx, input)),

  /**
   * Hides one free-text answer from every reader, for good (an answer that names someone, say):
   * it stays stored but is never shown again. Those who may read the survey's free text only.
   * Audited, without the text.
   */
  hideFreeText: procedureFor(...SURVEY_MANAGERS)
    .input(HideFreeTextInput)
    .output(SurveyOk)
    .mutation(({ ctx, input }) => hideFreeText(ctx, input)),

  /**
   * The aggregated results of every question as a spreadsheet CSV, disclosure control applied
   * exactly as on screen; never a response, never free text. Refused while a sensitive survey's
   * results are withheld. The press: published surveys only. Audited.
   */
  exportResults: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(ResultsExportInput)
    .output(ResultsExport)
    .mutation(({ ctx, input }) => exportResults(ctx, input)),

  /**
   * Collection status: responses per subdivision (disclosure control applied, as for results)
   * and per day with the running total. While a sensitive survey's results are withheld, the
   * running total in steps only. The press sees published surveys only.
   */
  collection: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(SurveyRef)
    .output(SurveyCollection)
    .query(({ ctx, input }) => surveyCollection(ctx, input)),

  /**
   * Live (SSE): "changed" each time responses of the survey are stored — an answer or an
   * import, on this server or, on PostgreSQL, any other instance — so that the collection is
   * reloaded instead of polled. Says nothing but "changed": the counts come from `collection`,
   * disclosure control applied. While a sensitive survey's results are withheld, "changed" only
   * when the count reaches a new step: an event per response would time each one. Same readers
   * as `collection`.
   */
  live: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(SurveyRef)
    .subscription(({ ctx, input, signal }) => watchCollection(ctx, input, signal)),

  /** Key figures computed now, with provenance; the press sees published figures only. */
  keyFigures: procedureFor(...KEY_FIGURE_READERS)
    .output(z.array(ComputedKeyFigure))
    .query(({ ctx }) => listKeyFigures(ctx)),
} satisfies TRPCRouterRecord;
