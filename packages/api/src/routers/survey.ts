import {
  getSurvey,
  hideFreeTextAnswer,
  insertResponses,
  issueSurveyTokens,
  listSubdivisionOptions,
  listSurveys,
  recordAudit,
  responseStats,
  responsesPerAnswer,
  responsesPerAnswerPerDay,
  responsesPerDay,
  storeResponse,
} from "@tribune/db";
import {
  buildCollection,
  ComputedKeyFigure,
  canReadFreeText,
  coarsenToDay,
  DomainError,
  effectiveThreshold,
  findQuestion,
  HEALTH_DATA_READERS,
  HideFreeTextInput,
  KEY_FIGURE_READERS,
  PublicSurvey,
  parseResponse,
  parseSurveyImport,
  profileQuestion,
  publicSurvey,
  QuestionResult,
  ResultQuery,
  type Role,
  SURVEY_MANAGERS,
  SURVEY_READERS,
  SURVEY_RESULT_READERS,
  Survey,
  SurveyCollection,
  SurveyImportInput,
  SurveyImportReport,
  SurveyResponseInput,
  SurveySummary,
  suggestSurveyMapping,
  text,
  withheldResults,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Context } from "../context";
import { parseCsv } from "../csv";
import { publishSurveyChange, subjectChanges } from "../live";
import { surveyResultsCsv } from "../survey-export";
import { computeKeyFigures, questionResult } from "../survey-results";
import { procedureFor, publicProcedure, rateLimitedPublicProcedure } from "../trpc";

const SurveyId = z.object({ id: z.uuid() });

/** Mental-health results are health data: breakdowns for admin and bureau only. */
function refuseHealthBreakdown(survey: Survey, groupBy: string | null, role: Role) {
  if (survey.sensitivity === "health" && groupBy && !HEALTH_DATA_READERS.includes(role))
    throw new DomainError(
      "forbidden",
      "Données de santé : seuls l'administration et le Bureau National voient les ventilations.",
    );
}

/** Free text of a sensitive survey (health data): admin and bureau only. */
function refuseFreeText(survey: Survey, questionId: string, role: Role) {
  if (findQuestion(survey, questionId)?.type === "text" && !canReadFreeText(survey, role))
    throw new DomainError(
      "forbidden",
      "Données de santé : seuls l'administration et le Bureau National lisent les réponses libres.",
    );
}

const SurveyChange = z.object({
  surveyId: z.uuid(),
  reason: z.enum(["subscribed", "changed"]),
});

/** A survey whose collection the actor may follow: the press, published surveys only. */
async function collectionOf(
  ctx: Pick<Context, "db"> & { actor: { role: Role } },
  id: string,
): Promise<Survey> {
  const survey = await getSurvey(ctx.db, id);
  if (ctx.actor.role === "press" && survey.status !== "published")
    throw new DomainError("not_found", "Enquête introuvable.");
  return survey;
}

export const surveyRouter = {
  /**
   * Every survey with its response count (no answer); in steps of the threshold while a
   * sensitive survey's results are withheld.
   */
  list: procedureFor(...SURVEY_READERS)
    .output(z.array(SurveySummary))
    .query(async ({ ctx }) => {
      // The press sees published surveys only.
      const surveys = (await listSurveys(ctx.db)).filter(
        (s) => ctx.actor.role !== "press" || s.status === "published",
      );
      return Promise.all(
        surveys.map(async (s) => {
          const stats = await responseStats(ctx.db, s.id);
          const withheld = withheldResults(s, stats.n);
          return {
            id: s.id,
            slug: s.slug,
            title: s.title,
            year: s.year,
            partners: s.partners,
            status: s.status,
            anonymity: s.anonymity,
            sensitivity: s.sensitivity,
            opensOn: s.opensOn,
            closesOn: s.closesOn,
            questions: s.questions.length,
            responses: withheld ? withheld.received : stats.n,
            synthetic: stats.synthetic,
            withheld,
          };
        }),
      );
    }),

  get: procedureFor(...SURVEY_READERS)
    .input(SurveyId)
    .output(Survey)
    .query(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.id);
      if (ctx.actor.role === "press" && survey.status !== "published")
        throw new DomainError("not_found", "Enquête introuvable.");
      return survey;
    }),

  /** The questionnaire of an open survey, for the public response form. */
  form: publicProcedure
    .input(z.object({ slug: text({ max: 80 }).regex(/^[a-z0-9-]+$/) }))
    .output(PublicSurvey)
    .query(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.slug);
      if (survey.status !== "open")
        throw new DomainError("not_found", "Enquête introuvable ou close.");
      return publicSurvey(survey);
    }),

  /**
   * A response, from the public form: validated against the questionnaire (per-question errors,
   * nothing stored), then stored without anything that identifies the respondent. It waits in
   * the mixing pool (an invitation-only survey spends the one-time token as it is parked) and
   * enters the results with a batch of at least the disclosure threshold, in random order, dated
   * the batch's day — or when the survey closes. Readers hear of it then, not before.
   */
  respond: rateLimitedPublicProcedure("respond")
    .input(SurveyResponseInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.slug);
      if (survey.status !== "open")
        throw new DomainError("not_found", "Enquête introuvable ou close.");
      if (survey.anonymity !== "open_link" && !input.token)
        throw new DomainError(
          "forbidden",
          "Cette enquête se remplit depuis le lien reçu par courriel.",
        );
      const answers = parseResponse(survey, input.answers);
      const mixed = await storeResponse(ctx.db, {
        surveyId: survey.id,
        answers,
        day: coarsenToDay(new Date()),
        token: survey.anonymity === "open_link" ? null : input.token,
        batchSize: effectiveThreshold(survey.disclosureThreshold),
      });
      if (mixed > 0) publishSurveyChange(ctx, survey.id);
      return { ok: true as const };
    }),

  /** One-time response links; the tokens are shown once, only their hashes are kept. */
  issueTokens: procedureFor(...SURVEY_MANAGERS)
    .input(SurveyId.extend({ count: z.int().min(1).max(20_000) }))
    .output(z.array(z.string()))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const survey = await getSurvey(tx, input.id);
        const tokens = await issueSurveyTokens(
          tx,
          survey.id,
          input.count,
          coarsenToDay(new Date()),
        );
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: "create",
          before: null,
          after: { tokensIssued: input.count },
        });
        return tokens;
      }),
    ),

  /**
   * Responses from a survey tool's CSV export: a dry run reports every bad row (line, question,
   * message); applying stores all the rows in one transaction, and only when none is bad.
   */
  import: procedureFor(...SURVEY_MANAGERS)
    .input(SurveyImportInput)
    .output(SurveyImportReport)
    .mutation(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.surveyId);
      const { header, rows } = parseCsv(input.csv);
      const mapping = input.mapping ?? suggestSurveyMapping(survey, header);
      const fallbackDay = survey.closesOn ?? coarsenToDay(new Date());
      const parsed = parseSurveyImport(survey, header, rows, mapping, fallbackDay);
      const report = {
        header,
        mapping,
        rows: rows.length,
        valid: parsed.responses.length,
        errors: parsed.errors.slice(0, 500),
        errorCount: parsed.errors.length,
        imported: 0,
      };
      if (input.dryRun) return report;
      if (parsed.errors.length > 0)
        throw new DomainError(
          "invalid",
          `${new Set(parsed.errors.map((e) => e.line)).size} ligne(s) en erreur : corrigez le fichier, rien n'a été importé.`,
        );
      const imported = await ctx.db.transaction(async (tx) => {
        const count = await insertResponses(tx, survey.id, parsed.responses);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: "import",
          before: null,
          after: { imported: count },
        });
        return count;
      });
      publishSurveyChange(ctx, survey.id);
      return { ...report, imported };
    }),

  /**
   * Aggregated results of one question, overall or broken down, disclosure control applied.
   * Health data (mental health): breakdowns and free text for admin and bureau only, and while
   * the survey collects, nothing but the number of responses in steps (`withheld`).
   */
  results: procedureFor(...SURVEY_RESULT_READERS)
    .input(ResultQuery)
    .output(QuestionResult)
    .query(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.surveyId);
      refuseHealthBreakdown(survey, input.groupBy, ctx.actor.role);
      refuseFreeText(survey, input.questionId, ctx.actor.role);
      return questionResult(ctx.db, survey, input.questionId, input.groupBy, { freeText: "read" });
    }),

  /**
   * Hides one free-text answer from every reader, for good (an answer that names someone, say):
   * it stays stored but is never shown again. Those who may read the survey's free text only.
   * Audited, without the text.
   */
  hideFreeText: procedureFor(...SURVEY_MANAGERS)
    .input(HideFreeTextInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.surveyId);
      if (findQuestion(survey, input.questionId)?.type !== "text")
        throw new DomainError("invalid", "Cette question n'appelle pas de réponse libre.");
      refuseFreeText(survey, input.questionId, ctx.actor.role);
      await ctx.db.transaction(async (tx) => {
        if (!(await hideFreeTextAnswer(tx, input)))
          throw new DomainError("not_found", "Réponse libre introuvable ou déjà masquée.");
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: "update",
          before: null,
          after: { hiddenFreeText: { questionId: input.questionId } },
        });
      });
      publishSurveyChange(ctx, survey.id);
      return { ok: true as const };
    }),

  /**
   * The aggregated results of every question as a spreadsheet CSV, disclosure control applied
   * exactly as on screen; never a response, never free text. Refused while a sensitive survey's
   * results are withheld. The press: published surveys only. Audited.
   */
  exportResults: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(SurveyId.extend({ groupBy: text({ max: 40 }).min(1).nullable().default(null) }))
    .output(z.object({ filename: z.string(), csv: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.id);
      if (ctx.actor.role === "press" && survey.status !== "published")
        throw new DomainError("not_found", "Enquête introuvable.");
      refuseHealthBreakdown(survey, input.groupBy, ctx.actor.role);
      const csv = await surveyResultsCsv(ctx.db, survey, input.groupBy);
      await recordAudit(ctx.db, auditActor(ctx.actor), {
        entity: "survey",
        entityId: survey.id,
        action: "export",
        before: null,
        after: { groupBy: input.groupBy },
      });
      const by = input.groupBy ? `-par-${input.groupBy}` : "";
      return { filename: `resultats-${survey.slug}${by}.csv`, csv };
    }),

  /**
   * Collection status: responses per subdivision (disclosure control applied, as for results)
   * and per day with the running total. While a sensitive survey's results are withheld, the
   * running total in steps only. The press sees published surveys only.
   */
  collection: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(SurveyId)
    .output(SurveyCollection)
    .query(async ({ ctx, input }) => {
      const survey = await collectionOf(ctx, input.id);
      const question = profileQuestion(survey, "subdivision");
      const [subdivisions, subdivisionCounts, subdivisionDayCounts, dayCounts, stats] =
        await Promise.all([
          listSubdivisionOptions(ctx.db),
          question ? responsesPerAnswer(ctx.db, survey.id, question.id) : [],
          question ? responsesPerAnswerPerDay(ctx.db, survey.id, question.id) : [],
          responsesPerDay(ctx.db, survey.id),
          responseStats(ctx.db, survey.id),
        ]);
      return buildCollection({
        survey,
        subdivisions,
        subdivisionCounts,
        subdivisionDayCounts,
        dayCounts,
        synthetic: stats.synthetic,
      });
    }),

  /**
   * Live (SSE): "changed" each time responses of the survey are stored — an answer or an
   * import, on this server or, on PostgreSQL, any other instance — so that the collection is
   * reloaded instead of polled. Says nothing but "changed": the counts come from `collection`,
   * disclosure control applied. While a sensitive survey's results are withheld, "changed" only
   * when the count reaches a new step: an event per response would time each one. Same readers
   * as `collection`.
   */
  live: procedureFor(...SURVEY_RESULT_READERS, "press")
    .input(SurveyId)
    .subscription(async ({ ctx, input, signal }) => {
      // Checked before streaming, so that an unknown survey is a NOT_FOUND, not a broken stream.
      const survey = await collectionOf(ctx, input.id);
      const changes = subjectChanges(ctx, "surveys.changed", survey.id, signal, 500);
      /** What a reader of the collection could tell apart: the count in steps while withheld. */
      const visible = async () => {
        const current = await getSurvey(ctx.db, survey.id);
        const withheld = withheldResults(current, (await responseStats(ctx.db, survey.id)).n);
        return withheld ? `withheld:${withheld.received}` : null;
      };
      return (async function* (): AsyncGenerator<z.infer<typeof SurveyChange>> {
        let last: string | null = null;
        for await (const reason of changes) {
          if (reason === "subscribed") {
            last = await visible();
            yield { surveyId: survey.id, reason };
            continue;
          }
          const now = await visible();
          // Shown results: every change. Withheld: only a new step (or the results released).
          if (now !== null && now === last) continue;
          last = now;
          yield { surveyId: survey.id, reason };
        }
      })();
    }),

  /** Key figures computed now, with provenance; the press sees published figures only. */
  keyFigures: procedureFor(...KEY_FIGURE_READERS)
    .output(z.array(ComputedKeyFigure))
    .query(({ ctx }) => computeKeyFigures(ctx.db, { publishedOnly: ctx.actor.role === "press" })),
} satisfies TRPCRouterRecord;
