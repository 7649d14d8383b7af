import {
  deleteKeyFigure,
  deleteSurvey,
  findKeyFigure,
  findSurvey,
  getSurvey,
  insertSurvey,
  mixPooledResponses,
  nextKeyFigurePosition,
  receivedAnswerCount,
  recordAudit,
  responseStats,
  setSurveyStatus,
  updateSurvey,
  upsertKeyFigure,
  vacuumResponsePool,
} from "@tribune/db";
import {
  ComputedKeyFigure,
  coarsenToDay,
  DomainError,
  effectiveThreshold,
  KeyFigureDefinition,
  KeyFigureSave,
  keyFigureRefusal,
  SURVEY_MANAGERS,
  Survey,
  SurveyDraft,
  SurveyStatusChange,
  SurveyUpdate,
  statusChangeRefusal,
  surveyEditRefusal,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { publishSurveyChange } from "../live";
import { computeKeyFigure } from "../survey-results";
import { procedureFor } from "../trpc";

/**
 * The survey builder and the key-figure editor, for survey managers. Every change is audited;
 * the rules (what may change once responses exist, which status follows which) are the
 * domain's.
 */
const manager = procedureFor(...SURVEY_MANAGERS);

const DUPLICATE_SLUG = "Une enquête porte déjà cet identifiant : choisissez-en un autre.";

export const surveyBuilderProcedures = {
  create: manager
    .input(SurveyDraft)
    .output(Survey)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (await findSurvey(tx, input.slug))
          throw new DomainError("already_exists", DUPLICATE_SLUG, {
            fieldErrors: { slug: [DUPLICATE_SLUG] },
          });
        const survey = await insertSurvey(tx, { ...input, status: "draft" });
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: "create",
          before: null,
          after: survey,
        });
        return survey;
      }),
    ),

  /** Description and questionnaire; the questions are locked once responses exist. */
  update: manager
    .input(SurveyUpdate)
    .output(Survey)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await getSurvey(tx, input.id, { lock: true });
        const other = await findSurvey(tx, input.survey.slug);
        if (other && other.id !== before.id)
          throw new DomainError("already_exists", DUPLICATE_SLUG, {
            fieldErrors: { slug: [DUPLICATE_SLUG] },
          });
        const refusal = surveyEditRefusal(
          before,
          input.survey,
          await receivedAnswerCount(tx, before.id),
        );
        if (refusal) throw new DomainError("invalid", refusal);
        const after = await updateSurvey(tx, before.id, input.survey);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: after.id,
          action: "update",
          before,
          after,
        });
        return after;
      }),
    ),

  /**
   * Draft → open → closed → published, and back one step where that makes sense. A survey that
   * stops collecting mixes the answers still waiting in the pool into its results, in the same
   * transaction (topped up to a full batch with stored answers, see `mixPooledResponses`).
   */
  setStatus: manager
    .input(SurveyStatusChange)
    .output(Survey)
    .mutation(async ({ ctx, input }) => {
      const { after, mixed } = await ctx.db.transaction(async (tx) => {
        // Locked first: no answer is parked while the status changes.
        const before = await getSurvey(tx, input.id, { lock: true });
        const refusal = statusChangeRefusal(
          before,
          input.status,
          await receivedAnswerCount(tx, before.id),
        );
        if (refusal) throw new DomainError("invalid", refusal);
        await setSurveyStatus(tx, before.id, input.status);
        const mixed =
          input.status === "open"
            ? { moved: 0, remixed: 0 }
            : await mixPooledResponses(tx, before.id, {
                day: coarsenToDay(new Date()),
                batchSize: effectiveThreshold(before.disclosureThreshold),
                final: true,
              });
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: before.id,
          action: "update",
          before: { status: before.status },
          after: { status: input.status },
        });
        return { after: { ...before, status: input.status }, mixed };
      });
      if (mixed.moved > 0) {
        await vacuumResponsePool(ctx.db, { responses: mixed.remixed > 0 });
        publishSurveyChange(ctx, after.id);
      }
      return after;
    }),

  /** Only a draft without responses: anything else has a history worth keeping. */
  delete: manager
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const survey = await getSurvey(tx, input.id);
        if (survey.status !== "draft" || (await responseStats(tx, survey.id)).n > 0)
          throw new DomainError(
            "invalid",
            "Seul un brouillon sans réponse peut être supprimé ; clôturez plutôt l'enquête.",
          );
        await deleteSurvey(tx, survey.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: "delete",
          before: survey,
          after: null,
        });
        return { ok: true as const };
      }),
    ),

  /** A key figure as it would read, computed from the responses now — while editing it. */
  previewKeyFigure: manager
    .input(KeyFigureDefinition)
    .output(ComputedKeyFigure)
    .query(async ({ ctx, input }) => {
      const survey = await getSurvey(ctx.db, input.surveySlug);
      const refusal = keyFigureRefusal(survey, input);
      if (refusal) throw new DomainError("invalid", refusal);
      return computeKeyFigure(ctx.db, survey, input);
    }),

  /** Creates or replaces a key figure definition; returns it computed. */
  saveKeyFigure: manager
    .input(KeyFigureSave)
    .output(ComputedKeyFigure)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { definition, previousId } = input;
        const survey = await getSurvey(tx, definition.surveySlug);
        const refusal = keyFigureRefusal(survey, definition);
        if (refusal) throw new DomainError("invalid", refusal);
        const before = previousId ? await findKeyFigure(tx, previousId) : null;
        if (previousId && !before) throw new DomainError("not_found", "Chiffre clé introuvable.");
        if (definition.id !== previousId && (await findKeyFigure(tx, definition.id))) {
          const message = "Un chiffre clé porte déjà cet identifiant.";
          throw new DomainError("already_exists", message, { fieldErrors: { id: [message] } });
        }
        if (before && previousId !== definition.id) await deleteKeyFigure(tx, before.definition.id);
        const position =
          before && before.surveyId === survey.id
            ? before.position
            : await nextKeyFigurePosition(tx, survey.id);
        await upsertKeyFigure(tx, survey.id, definition, position);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "survey",
          entityId: survey.id,
          action: before ? "update" : "create",
          before: before ? { keyFigure: before.definition } : null,
          after: { keyFigure: definition },
        });
        return computeKeyFigure(tx, survey, definition);
      }),
    ),
} satisfies TRPCRouterRecord;
