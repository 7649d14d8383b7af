import {
  type Executor,
  findEditionByYear,
  findSurvey,
  listDossiers,
  listKeyFigureDefinitions,
  listPressKitSections,
  recordAudit,
  savePressKitSection,
  setPressKitSectionPosition,
} from "@tribune/db";
import {
  buildPressKitModel,
  DomainError,
  EditionYear,
  moveSection,
  PRESS_KIT_EDITORS,
  PRESS_KIT_READERS,
  PRESS_KIT_VALIDATORS,
  PressKitModel,
  PressKitSectionEdit,
  PressKitSectionMove,
  PressKitSectionState,
  PressKitSectionStatusChange,
  pressKitEditorial2026,
  pressKitFigureOf,
  SECTION_LABELS,
  SECTION_TEXT,
  SIGNED_SECTIONS,
  sectionsWithTemplates,
  sectionTextProblem,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { loadSchedule } from "../schedule-data";
import { quotableFigureIds } from "../services/quotable-figures";
import { computeKeyFigures } from "../services/surveys/key-figures";
import { procedureFor } from "../trpc";

/** The reference texts: figure definitions, contacts, and the default of every section. */
const reference = pressKitEditorial2026;

/** The published key figures computed now, with what the kit needs to present them. */
async function kitFigures(db: Executor) {
  const figures = await computeKeyFigures(db, { publishedOnly: true });
  const questions = new Map<string, string>();
  for (const slug of new Set(figures.map((f) => f.definition.surveySlug)))
    for (const q of (await findSurvey(db, slug))?.questions ?? [])
      questions.set(`${slug}/${q.id}`, q.label);
  return figures.map((f) =>
    pressKitFigureOf(
      f,
      questions.get(`${f.definition.surveySlug}/${f.definition.questionId}`) ?? null,
    ),
  );
}

async function editionOf(db: Executor, year: number) {
  return found(await findEditionByYear(db, year), `L'édition ${year}`);
}

/**
 * Every section of an edition's kit: stored, else a template (an empty draft under the
 * section's title) — never the 2026 texts.
 */
async function sectionsOf(db: Executor, editionId: string) {
  return sectionsWithTemplates(await listPressKitSections(db, editionId));
}

export const pressKitRouter = {
  /**
   * The press kit of an edition as one model, ready to render: the edition, its rooms and
   * published sessions, the stored sections (texts and statuses), the pillars' dossiers, from
   * the database. Survey figures are computed now from the stored responses (published key
   * figures only, disclosure control applied); a figure with no data or a suppressed one stays
   * a marked placeholder, and one computed from synthetic responses is flagged as such.
   */
  model: procedureFor(...PRESS_KIT_READERS)
    .input(EditionYear)
    .output(PressKitModel)
    .query(async ({ ctx, input }) => {
      const edition = await editionOf(ctx.db, input.year);
      const { rooms, sessions } = await loadSchedule(ctx.db, edition.id, { publishedOnly: true });
      return buildPressKitModel({
        edition,
        rooms,
        sessions,
        editorial: reference(),
        sections: await sectionsOf(ctx.db, edition.id),
        dossiers: await listDossiers(ctx.db),
        computedFigures: await kitFigures(ctx.db),
      });
    }),

  /**
   * The key figures a text may quote, with how the kit labels them: the reference ones, then
   * the published ones created in the admin (to pick a dossier's figures from).
   */
  figures: procedureFor(...PRESS_KIT_READERS)
    .output(z.array(z.object({ id: z.string(), label: z.string() })))
    .query(async ({ ctx }) => {
      const stored = (await listKeyFigureDefinitions(ctx.db)).filter((f) => f.published);
      const derived = new Map(
        (await kitFigures(ctx.db)).flatMap((f) => (f.definition ? [[f.id, f.definition]] : [])),
      );
      const referenceFigures = reference().figures;
      const referenceIds = new Set(referenceFigures.map((f) => f.id));
      return [
        ...referenceFigures.map(({ id, label }) => ({ id, label })),
        ...stored
          .filter((f) => !referenceIds.has(f.id))
          .map((f) => ({
            id: f.id,
            label: derived.get(f.id)?.label ?? f.template.replaceAll("{value}", "…"),
          })),
      ];
    }),

  /** The sections of an edition's kit in print order, with their texts and statuses. */
  sections: procedureFor(...PRESS_KIT_READERS)
    .input(EditionYear)
    .output(z.array(PressKitSectionState))
    .query(async ({ ctx, input }) => sectionsOf(ctx.db, (await editionOf(ctx.db, input.year)).id)),

  /**
   * Saves a section's title, text and signature. A change puts a validated section back in
   * draft: only the bureau's validation takes it out again.
   */
  updateSection: procedureFor(...PRESS_KIT_EDITORS)
    .input(PressKitSectionEdit)
    .output(PressKitSectionState)
    .mutation(({ ctx, input: { year, sectionId, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        const edition = await editionOf(tx, year);
        const before = found(
          (await sectionsOf(tx, edition.id)).find((s) => s.sectionId === sectionId),
          "Section",
        );
        const text = SECTION_TEXT[sectionId] === null ? "" : fields.text.trim();
        const problem = sectionTextProblem(sectionId, text, await quotableFigureIds(tx));
        if (problem)
          throw new DomainError("invalid", problem, { fieldErrors: { text: [problem] } });
        const after = {
          title: fields.title,
          kicker: fields.kicker?.trim() || null,
          text,
          signature: SIGNED_SECTIONS.includes(sectionId) ? fields.signature : null,
        };
        const changed =
          !before.stored ||
          JSON.stringify(after) !==
            JSON.stringify({
              title: before.title,
              kicker: before.kicker,
              text: before.text,
              signature: before.signature,
            });
        const status = changed ? "draft" : before.status;
        await savePressKitSection(tx, edition.id, { ...before, ...after, status }, ctx.actor.email);
        const saved = found(
          (await listPressKitSections(tx, edition.id)).find((s) => s.sectionId === sectionId),
          "Section",
        );
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "press_kit_section",
          entityId: `${year}/${sectionId}`,
          action: "update",
          before,
          after: saved,
        });
        return saved;
      }),
    ),

  /**
   * Moves a section one place up or down in the printed kit (the cover and the contents stay
   * first; the contents follow the new order). Texts and statuses are untouched. Returns every
   * section in the new order.
   */
  moveSection: procedureFor(...PRESS_KIT_EDITORS)
    .input(PressKitSectionMove)
    .output(z.array(PressKitSectionState))
    .mutation(({ ctx, input: { year, sectionId, direction } }) =>
      ctx.db.transaction(async (tx) => {
        const edition = await editionOf(tx, year);
        const before = await sectionsOf(tx, edition.id);
        const move = moveSection(before, sectionId, direction);
        if (!move.ok) throw new DomainError("invalid", move.problem);
        for (const section of move.moved) {
          if (section.stored)
            await setPressKitSectionPosition(tx, edition.id, section.sectionId, section.position);
          // A section never stored (an edition whose kit nobody wrote) is stored as it reads.
          else await savePressKitSection(tx, edition.id, section, ctx.actor.email);
        }
        const after = await sectionsOf(tx, edition.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "press_kit_section",
          entityId: `${year}/${sectionId}`,
          action: "move",
          before: { order: before.map((s) => s.sectionId) },
          after: { order: after.map((s) => s.sectionId) },
        });
        return after;
      }),
    ),

  /** Validates a section (or returns it to draft): the bureau's word, and admin's. */
  setSectionStatus: procedureFor(...PRESS_KIT_VALIDATORS)
    .input(PressKitSectionStatusChange)
    .output(PressKitSectionState)
    .mutation(({ ctx, input: { year, sectionId, status } }) =>
      ctx.db.transaction(async (tx) => {
        const edition = await editionOf(tx, year);
        const before = found(
          (await sectionsOf(tx, edition.id)).find((s) => s.sectionId === sectionId),
          "Section",
        );
        if (before.status === status && before.stored)
          throw new DomainError(
            "invalid",
            `« ${SECTION_LABELS[sectionId]} » est déjà ${status === "validated" ? "validée" : "en brouillon"}.`,
          );
        await savePressKitSection(tx, edition.id, { ...before, status }, ctx.actor.email);
        const saved = found(
          (await listPressKitSections(tx, edition.id)).find((s) => s.sectionId === sectionId),
          "Section",
        );
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "press_kit_section",
          entityId: `${year}/${sectionId}`,
          action: "update",
          before,
          after: saved,
        });
        return saved;
      }),
    ),
} satisfies TRPCRouterRecord;
