import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { insertSurvey, upsertKeyFigure } from "@tribune/db/repos/surveys";
import { testBackends } from "@tribune/db/testing";
import {
  KeyFigureDefinition,
  type QuestionResult,
  type Survey,
  subdivisionQuestion,
} from "@tribune/domain/surveys";
import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, rejection, useSeededApi } from "../test-support";

/**
 * A mental-health survey while it collects. An organiser (or the bureau) who reads the results
 * after each response and subtracts two readings must learn nothing about any one answer — not
 * "idées suicidaires : oui went from 5 to 6". Free text stays with admin and bureau, never
 * leaves in an export, and an answer they hide is gone for everyone.
 */
describe.each(testBackends())("a health survey's results while it collects, on %s", (backend) => {
  const api = useSeededApi(backend);
  const K = 5;
  const N = 12;
  const JEANNE = "Je suis Jeanne Martin, interne à Dijon";
  const comment = (i: number) => (i === 7 ? JEANNE : `Commentaire numéro ${i}`);
  let survey: Survey;
  let slugs: string[];
  /** Responses given so far, through the public form or imported. */
  let given = 0;

  beforeAll(async () => {
    const subdivisions = await listSubdivisionOptions(api.db);
    slugs = subdivisions.slice(0, 2).map((s) => s.slug);
    survey = await insertSurvey(api.db, {
      slug: "sante-en-cours",
      title: "Santé mentale (collecte en cours)",
      year: 2026,
      opensOn: null,
      closesOn: null,
      status: "open",
      anonymity: "open_link",
      sensitivity: "health",
      disclosureThreshold: K,
      questions: [
        subdivisionQuestion(subdivisions),
        {
          id: "idees_suicidaires",
          type: "yes_no",
          required: false,
          label: "Avez-vous eu des idées suicidaires au cours des douze derniers mois ?",
        },
        {
          id: "heures",
          type: "number",
          required: false,
          label: "Heures",
          unit: "h",
          min: 0,
          max: 168,
        },
        { id: "commentaire", type: "text", required: false, label: "Un commentaire ?" },
      ],
    });
    await upsertKeyFigure(
      api.db,
      survey.id,
      KeyFigureDefinition.parse({
        id: "en-cours-idees",
        surveySlug: survey.slug,
        questionId: "idees_suicidaires",
        statistic: { kind: "share_choice", choices: ["yes"] },
        scale: 100,
        template: "{value} % ont eu des idées suicidaires",
      }),
    );
  });

  async function respond(i: number) {
    const respondent = await api.anonymous();
    await respondent.survey.respond({
      slug: survey.slug,
      answers: {
        subdivision: slugs[i % 2],
        idees_suicidaires: i % 3 === 0,
        heures: 40 + i,
        commentaire: comment(i),
      },
    });
    given += 1;
  }

  const results = (caller: Caller, questionId: string, groupBy: string | null = null) =>
    caller.survey.results({ surveyId: survey.id, questionId, groupBy });

  /** Everything a reader can see of the survey's responses, as they see it. */
  async function reading(caller: Caller, role: "organiser" | "bureau") {
    const summary = (await caller.survey.list()).find((s) => s.id === survey.id);
    const collection = await caller.survey.collection({ id: survey.id });
    const questions = survey.questions.filter((q) => role === "bureau" || q.type !== "text");
    const overall = await Promise.all(questions.map((q) => results(caller, q.id)));
    const breakdowns =
      role === "bureau"
        ? await Promise.all([
            results(caller, "idees_suicidaires", "subdivision"),
            results(caller, "heures", "subdivision"),
            results(caller, "subdivision", "idees_suicidaires"),
          ])
        : [];
    const figures =
      role === "bureau"
        ? (await caller.survey.keyFigures()).filter((f) => f.definition.surveySlug === survey.slug)
        : [];
    return { summary, collection, results: [...overall, ...breakdowns], figures };
  }
  type Reading = Awaited<ReturnType<typeof reading>>;

  /** The number of responses a reading says were received; checks it says nothing else. */
  function received(r: Reading): number {
    const n = r.collection.total;
    expect(n % K).toBe(0);
    expect(r.collection.withheld).toEqual({ reason: "sensitive_open", received: n, step: K });
    expect(r.summary).toMatchObject({ responses: n, withheld: r.collection.withheld });
    expect(r.collection.bySubdivision.every((s) => s.responses === null)).toBe(true);
    expect(r.collection.bySubdivisionOverTime).toEqual([]);
    expect(r.collection.byDay.every((d) => d.cumulative % K === 0)).toBe(true);
    for (const result of r.results as QuestionResult[]) {
      expect(result.withheld).toEqual(r.collection.withheld);
      expect(result.overall).toMatchObject({ suppressed: true, n: null, choices: null });
      expect(result.overall.stats).toBeNull();
      expect(result.overall.texts).toBeNull();
      expect(result.groups).toEqual([]);
    }
    for (const f of r.figures) {
      expect(f).toMatchObject({ value: null, suppressed: true, sentence: null });
      expect(f.provenance.respondents % K).toBe(0);
    }
    return n;
  }

  it("gives organisers and the bureau nothing to subtract, response after response", async () => {
    const readers = {
      organiser: await api.callerAs("organiser"),
      bureau: await api.callerAs("bureau"),
    };
    const readings: Record<keyof typeof readers, Reading[]> = { organiser: [], bureau: [] };
    const readAll = async () => {
      for (const role of ["organiser", "bureau"] as const)
        readings[role].push(await reading(readers[role], role));
    };
    await readAll();
    for (let i = 0; i < N; i++) {
      await respond(i);
      await readAll();
    }
    for (const role of ["organiser", "bureau"] as const) {
      const counts = readings[role].map(received);
      for (let i = 1; i <= N; i++) {
        const [before, after] = [readings[role][i - 1], readings[role][i]];
        const step = (counts[i] ?? 0) - (counts[i - 1] ?? 0);
        // Two readings either say exactly the same, or the count moved by whole steps of k.
        if (step === 0) expect(after).toEqual(before);
        else expect(step % K).toBe(0);
        expect(step).toBeGreaterThanOrEqual(0);
      }
      // Not vacuous: the answers did come in, and the readers saw them counted in steps.
      expect(counts.at(-1)).toBe(10);
    }

    // Free text: never for an organiser; no export of an open health survey for anyone.
    const organiserText = await rejection(results(readers.organiser, "commentaire"));
    expect(organiserText.data.code).toBe("FORBIDDEN");
    const exported = await rejection(readers.bureau.survey.exportResults({ id: survey.id }));
    expect(exported.data.code).toBe("FORBIDDEN");
    expect(exported.message).toBe(
      "Résultats masqués tant que l'enquête est ouverte : données de santé. 10 réponses reçues (par paliers de 5).",
    );
  });

  it("tells live readers of a new step only, never of one response", async () => {
    const watcher = await api.callerOn("organiser", api.events);
    const stream = (await watcher.survey.live({ id: survey.id })) as AsyncIterable<{
      reason: string;
    }>;
    const changes = stream[Symbol.asyncIterator]();
    expect((await changes.next()).value).toMatchObject({ reason: "subscribed" });
    const admin = await api.callerOn("admin", api.events);
    const importRows = async (n: number) => {
      const csv = `subdivision\n${Array.from({ length: n }, () => slugs[0]).join("\n")}\n`;
      await admin.survey.import({ surveyId: survey.id, csv, mapping: null, dryRun: false });
      given += n;
    };
    // The imported answers enter the results at once; a reader is told only of whole steps.
    await importRows(1);
    const pending = changes.next();
    // Nothing comes of it: waited for more than the stream's settling time (500 ms).
    const quiet = await Promise.race([
      pending.then(() => "event"),
      new Promise((resolve) => setTimeout(() => resolve("quiet"), 1500)),
    ]);
    expect(quiet).toBe("quiet");
    const stored = (await (await api.callerAs("bureau")).survey.collection({ id: survey.id }))
      .total;
    await importRows(K - 1);
    expect((await pending).value).toMatchObject({ reason: "changed" });
    expect((await watcher.survey.collection({ id: survey.id })).total).toBe(stored + K);
    await changes.return?.();
  });

  it("shows results once closed; free text to admin and bureau only, never exported", async () => {
    const bureau = await api.callerAs("bureau");
    const organiser = await api.callerAs("organiser");
    await bureau.survey.setStatus({ id: survey.id, status: "closed" });

    const idees = await results(organiser, "idees_suicidaires");
    expect(idees.withheld).toBeNull();
    expect(idees.overall.n).toBe(N);
    expect((await organiser.survey.collection({ id: survey.id })).total).toBe(given);

    expect((await rejection(results(organiser, "commentaire"))).data.code).toBe("FORBIDDEN");
    const texts = async (caller: Caller) =>
      (await results(caller, "commentaire")).overall.texts ?? [];
    const read = await texts(bureau);
    expect(read.map((t) => t.text).sort()).toEqual(
      Array.from({ length: N }, (_, i) => comment(i)).sort(),
    );

    // The CSV export, for everyone who may take it: no free text at all.
    for (const caller of [bureau, organiser, await api.callerAs("admin")]) {
      const { csv } = await caller.survey.exportResults({ id: survey.id });
      expect(csv).toContain("Réponses libres (non exportées)");
      for (const t of read) expect(csv).not.toContain(t.text);
    }

    // Hidden by the bureau: gone for the bureau and the admin alike.
    const jeanne = read.find((t) => t.text === JEANNE);
    if (!jeanne) throw new Error("Jeanne's answer should be readable before it is hidden");
    const hide = { surveyId: survey.id, questionId: "commentaire", answerId: jeanne.id };
    expect((await rejection(organiser.survey.hideFreeText(hide))).data.code).toBe("FORBIDDEN");
    await bureau.survey.hideFreeText(hide);
    for (const caller of [bureau, await api.callerAs("admin")]) {
      const after = await texts(caller);
      expect(after).toHaveLength(N - 1);
      expect(after.map((t) => t.text)).not.toContain(JEANNE);
    }
    expect((await rejection(bureau.survey.hideFreeText(hide))).data.code).toBe("NOT_FOUND");
    // Ids name one answer: hiding needs one the results gave.
    const unknown = { ...hide, answerId: "0".repeat(64) };
    expect((await rejection(bureau.survey.hideFreeText(unknown))).data.code).toBe("NOT_FOUND");
  });
});
