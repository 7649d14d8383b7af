import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import type { QuestionInput, SurveyDraftInput } from "@tribune/domain/surveys";
import { describe, expect, it } from "vitest";
import { rejection, useSeededApi } from "../test-support";

const QUESTIONS: QuestionInput[] = [
  { id: "heures", type: "number", label: "Heures par semaine", unit: "heures", min: 0, max: 168 },
  {
    id: "stage",
    type: "single",
    label: "Votre stage",
    choices: [
      { value: "chu", label: "CHU" },
      { value: "ville", label: "Ville" },
    ],
  },
  {
    id: "taches",
    type: "multiple",
    label: "Tâches",
    required: false,
    choices: [
      { value: "admin", label: "Administratif" },
      { value: "soin", label: "Soin" },
    ],
  },
  { id: "repos", type: "yes_no", label: "Repos de sécurité respecté ?" },
  { id: "satisfaction", type: "likert", label: "Satisfaction" },
  { id: "remarques", type: "text", label: "Remarques", required: false },
];

const draft = (slug: string, more: Partial<SurveyDraftInput> = {}): SurveyDraftInput => ({
  slug,
  title: "Enquête flash",
  year: 2026,
  partners: ["ISNI"],
  audience: "Internes de médecine générale",
  opensOn: "2026-01-05",
  closesOn: "2026-02-05",
  disclosureThreshold: 5,
  questions: QUESTIONS,
  ...more,
});

describe.each(testBackends())("survey builder on %s", (backend) => {
  const api = useSeededApi(backend, { surveys: true });

  it("creates a draft with every question type, audited; refuses duplicates and low thresholds", async () => {
    const bureau = await api.callerAs("bureau");
    const survey = await bureau.survey.create(draft("flash-1"));
    expect(survey).toMatchObject({
      status: "draft",
      disclosureThreshold: 5,
      anonymity: "anonymous",
    });
    expect(survey.questions.map((q) => q.type)).toEqual([
      "number",
      "single",
      "multiple",
      "yes_no",
      "likert",
      "text",
    ]);
    const audit = await listAudit(api.db, { entity: "survey", limit: 5 });
    expect(audit.find((e) => e.entityId === survey.id)?.action).toBe("create");

    const duplicate = await rejection(bureau.survey.create(draft("flash-1")));
    expect(duplicate.data).toMatchObject({ code: "CONFLICT", appCode: "already_exists" });
    const low = await rejection(bureau.survey.create(draft("flash-2", { disclosureThreshold: 4 })));
    expect(low.data.fieldErrors?.disclosureThreshold).toEqual([
      "Le seuil de confidentialité ne peut être inférieur à 5.",
    ]);
    const organiser = await api.callerAs("organiser");
    expect((await rejection(organiser.survey.create(draft("flash-3")))).data.code).toBe(
      "FORBIDDEN",
    );
  });

  it("moves through draft, open, closed, published, and locks questions once answered", async () => {
    const bureau = await api.callerAs("bureau");
    const empty = await bureau.survey.create(draft("flash-vide", { questions: [] }));
    const noQuestion = await rejection(bureau.survey.setStatus({ id: empty.id, status: "open" }));
    expect(noQuestion.data).toMatchObject({
      appCode: "invalid",
      message: "Ajoutez au moins une question avant d'ouvrir la collecte.",
    });
    const skipped = await rejection(bureau.survey.setStatus({ id: empty.id, status: "published" }));
    expect(skipped.data.message).toBe(
      "Une enquête « brouillon » ne peut pas passer à « publiée ».",
    );

    // Reordering before any response is allowed.
    const reordered = await bureau.survey.update({
      id: empty.id,
      survey: draft("flash-vide", {
        anonymity: "open_link",
        questions: [QUESTIONS[1], QUESTIONS[0]] as QuestionInput[],
      }),
    });
    expect(reordered.questions.map((q) => q.id)).toEqual(["stage", "heures"]);
    await bureau.survey.setStatus({ id: empty.id, status: "open" });
    await (await api.anonymous()).survey.respond({
      slug: "flash-vide",
      answers: { stage: "chu", heures: 60 },
    });

    const locked = await rejection(
      bureau.survey.update({
        id: empty.id,
        survey: draft("flash-vide", {
          anonymity: "open_link",
          questions: [QUESTIONS[0], QUESTIONS[1]] as QuestionInput[],
        }),
      }),
    );
    expect(locked.data.message).toBe(
      "Des réponses sont déjà enregistrées : les questions ne peuvent plus être modifiées.",
    );
    // The description can still change.
    const renamed = await bureau.survey.update({
      id: empty.id,
      survey: draft("flash-vide", {
        title: "Enquête flash (relance)",
        anonymity: "open_link",
        questions: [QUESTIONS[1], QUESTIONS[0]] as QuestionInput[],
      }),
    });
    expect(renamed.title).toBe("Enquête flash (relance)");
    const back = await rejection(bureau.survey.setStatus({ id: empty.id, status: "draft" }));
    expect(back.data.appCode).toBe("invalid");
    await bureau.survey.setStatus({ id: empty.id, status: "closed" });
    expect((await bureau.survey.setStatus({ id: empty.id, status: "published" })).status).toBe(
      "published",
    );
    const deleted = await rejection(bureau.survey.delete({ id: empty.id }));
    expect(deleted.data.appCode).toBe("invalid");
  });

  it("never reopens a closed health survey that received answers", async () => {
    const bureau = await api.callerAs("bureau");
    const health = await bureau.survey.create(
      draft("flash-sante", { anonymity: "open_link", sensitivity: "health" }),
    );
    await bureau.survey.setStatus({ id: health.id, status: "open" });
    // Closed and reopened before any answer: nothing to reveal.
    await bureau.survey.setStatus({ id: health.id, status: "closed" });
    await bureau.survey.setStatus({ id: health.id, status: "open" });
    await (await api.anonymous()).survey.respond({
      slug: "flash-sante",
      answers: { heures: 60, stage: "chu", repos: false, satisfaction: 2 },
    });
    await bureau.survey.setStatus({ id: health.id, status: "closed" });
    // Reopened, its results would be withheld again until a second closing: comparing the two
    // closed readings would give the answers received in between.
    const reopened = await rejection(bureau.survey.setStatus({ id: health.id, status: "open" }));
    expect(reopened.data).toMatchObject({ code: "CONFLICT", appCode: "locked" });
    expect(reopened.message).toMatch(
      /^Données de santé : une enquête close qui a reçu des réponses ne peut pas être rouverte/,
    );
    expect((await bureau.survey.get({ id: health.id })).status).toBe("closed");
    // Published and back to closed: still not reopened.
    await bureau.survey.setStatus({ id: health.id, status: "published" });
    await bureau.survey.setStatus({ id: health.id, status: "closed" });
    expect(
      (await rejection(bureau.survey.setStatus({ id: health.id, status: "open" }))).data.appCode,
    ).toBe("locked");

    // An ordinary survey with answers may reopen, as before.
    const standard = await bureau.survey.create(
      draft("flash-ordinaire", { anonymity: "open_link" }),
    );
    await bureau.survey.setStatus({ id: standard.id, status: "open" });
    await (await api.anonymous()).survey.respond({
      slug: "flash-ordinaire",
      answers: { heures: 60, stage: "chu", repos: false, satisfaction: 2 },
    });
    await bureau.survey.setStatus({ id: standard.id, status: "closed" });
    expect((await bureau.survey.setStatus({ id: standard.id, status: "open" })).status).toBe(
      "open",
    );
  });

  it("tells the builder a survey received answers, though its count shows none yet", async () => {
    const bureau = await api.callerAs("bureau");
    const health = await bureau.survey.create(
      draft("flash-sante-verrou", { anonymity: "open_link", sensitivity: "health" }),
    );
    expect(await bureau.survey.builder({ id: health.id })).toMatchObject({
      survey: { id: health.id, status: "draft" },
      hasAnswers: false,
      responses: 0,
    });
    await bureau.survey.setStatus({ id: health.id, status: "open" });
    for (let i = 0; i < 3; i += 1)
      await (await api.anonymous()).survey.respond({
        slug: "flash-sante-verrou",
        answers: { heures: 50 + i, stage: "ville", repos: true, satisfaction: 3 },
      });
    // Three answers: under a batch (5), and counted in steps of 5 while they are withheld.
    expect((await bureau.survey.collection({ id: health.id })).total).toBe(0);
    const view = await bureau.survey.builder({ id: health.id });
    expect(view).toMatchObject({ hasAnswers: true, responses: 0, batch: 5 });
    expect(view.withheld).toEqual({ reason: "sensitive_open", received: 0, step: 5 });
    // Exactly what the server goes by: the questionnaire is locked.
    const edit = await rejection(
      bureau.survey.update({
        id: health.id,
        survey: draft("flash-sante-verrou", {
          anonymity: "open_link",
          sensitivity: "health",
          questions: [QUESTIONS[1], QUESTIONS[0]] as QuestionInput[],
        }),
      }),
    );
    expect(edit.data.message).toBe(
      "Des réponses sont déjà enregistrées : les questions ne peuvent plus être modifiées.",
    );
    // For survey managers only.
    const organiser = await api.callerAs("organiser");
    expect((await rejection(organiser.survey.builder({ id: health.id }))).data.code).toBe(
      "FORBIDDEN",
    );
  });

  it("deletes a draft without responses", async () => {
    const bureau = await api.callerAs("bureau");
    const survey = await bureau.survey.create(draft("flash-jetable"));
    await bureau.survey.delete({ id: survey.id });
    expect((await rejection(bureau.survey.get({ id: survey.id }))).data.code).toBe("NOT_FOUND");
  });

  it("previews and saves a key figure computed from the responses, audited", async () => {
    const bureau = await api.callerAs("bureau");
    const definition = {
      id: "tt-mediane",
      surveySlug: "temps-de-travail-2024",
      questionId: "heures_semaine",
      statistic: { kind: "share_above" as const, threshold: 80 },
      scale: 100,
      template: "{value} % au-delà de 80 heures",
    };
    const preview = await bureau.survey.previewKeyFigure(definition);
    expect(preview).toMatchObject({ value: 10, sentence: "10 % au-delà de 80 heures" });
    expect(preview.provenance.respondents).toBe(1000);

    const wrong = await rejection(
      bureau.survey.saveKeyFigure({
        definition: { ...definition, questionId: "commentaire" },
      }),
    );
    expect(wrong.data.message).toBe("Un chiffre clé ne peut pas porter sur une question libre.");

    await bureau.survey.saveKeyFigure({ definition });
    const renamed = await bureau.survey.saveKeyFigure({
      definition: { ...definition, id: "tt-au-dela-80", published: true },
      previousId: "tt-mediane",
    });
    expect(renamed.definition).toMatchObject({ id: "tt-au-dela-80", published: true });
    const ids = (await bureau.survey.keyFigures()).map((f) => f.definition.id);
    expect(ids).toContain("tt-au-dela-80");
    expect(ids).not.toContain("tt-mediane");
    const clash = await rejection(
      bureau.survey.saveKeyFigure({ definition: { ...definition, id: "tt-moyenne" } }),
    );
    expect(clash.data.appCode).toBe("already_exists");
    const audit = await listAudit(api.db, { entity: "survey", limit: 3 });
    expect(audit[0]?.after).toMatchObject({ keyFigure: { id: "tt-au-dela-80" } });
    const press = await api.callerAs("press");
    expect((await rejection(press.survey.previewKeyFigure(definition))).data.code).toBe(
      "FORBIDDEN",
    );
  });
});
