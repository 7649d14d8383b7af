import {
  computeStatistic,
  finishKeyFigure,
  KeyFigureDefinition,
  type Survey,
} from "@tribune/domain/surveys";
import { KEY_FIGURES_2026, referenceSurveys2026 } from "@tribune/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { seedReferenceSurveys } from "../seed/surveys";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import {
  aggregate,
  aggregateMany,
  choiceCounts,
  computeKeyFigureRaw,
  findSurvey,
  insertSurvey,
  issueSurveyTokens,
  listKeyFigureDefinitions,
  mixPooledResponses,
  receivedAnswerCount,
  responseStats,
  setSurveyStatus,
  storeResponse,
  vacuumResponsePool,
} from "./surveys";

const reference = referenceSurveys2026();
/** The mixing batch: the lowest disclosure threshold allowed. */
const batchSize = 5;
/** A seeded survey. */
const getSurvey = async (db: Database, slug: string): Promise<Survey> => {
  const survey = await findSurvey(db, slug);
  if (!survey) throw new Error(slug);
  return survey;
};
/** How many answers entered the results, or why the answer was not taken. */
const stored = async (outcome: Promise<{ outcome: string; moved: number }>) => {
  const done = await outcome;
  return done.outcome === "parked" ? done.moved : done.outcome;
};
const refOf = (slug: string) => {
  const found = reference.find((r) => r.survey.slug === slug);
  if (!found) throw new Error(slug);
  return found;
};

describe.each(testBackends())("surveys on %s", (backend: Backend) => {
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    db = opened.db;
    close = opened.close;
    expect(await seedReferenceSurveys(db)).toEqual({ created: 3 });
    expect(await seedReferenceSurveys(db)).toEqual({ created: 0 });
  }, 120_000);
  afterAll(() => close());

  it("stores answers with nothing that could identify a respondent", async () => {
    const columns = await db.execute(sql`
      select column_name, data_type from information_schema.columns
      where table_name = 'survey_responses' order by column_name`);
    const rows = (columns as unknown as { rows: { column_name: string; data_type: string }[] })
      .rows;
    expect(rows).toEqual([
      { column_name: "answers", data_type: "jsonb" },
      { column_name: "id", data_type: "uuid" },
      { column_name: "submitted_on", data_type: "date" },
      { column_name: "survey_id", data_type: "uuid" },
      { column_name: "synthetic", data_type: "boolean" },
    ]);
    // Its only foreign key is to the survey: no path to tokens, members or users.
    const fks = await db.execute(sql`
      select ccu.table_name as target from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.table_name = 'survey_responses' and tc.constraint_type = 'FOREIGN KEY'`);
    expect((fks as unknown as { rows: { target: string }[] }).rows).toEqual([
      { target: "surveys" },
    ]);
    // And the "has answered" record points at nothing but the survey either.
    const tokenColumns = await db.execute(sql`
      select column_name from information_schema.columns
      where table_name = 'survey_tokens' order by column_name`);
    expect(
      (tokenColumns as unknown as { rows: { column_name: string }[] }).rows.map(
        (r) => r.column_name,
      ),
    ).toEqual(["id", "issued_on", "survey_id", "token_hash", "used_on"]);
    // Answers waiting to be mixed keep even less: no day, nothing of the token.
    const poolColumns = await db.execute(sql`
      select column_name from information_schema.columns
      where table_name = 'survey_response_pool' order by column_name`);
    expect(
      (poolColumns as unknown as { rows: { column_name: string }[] }).rows.map(
        (r) => r.column_name,
      ),
    ).toEqual(["answers", "id", "survey_id"]);
  });

  it("spends a one-time token once; the answer waits, uncounted, for a batch", async () => {
    const survey = await getSurvey(db, "dixieme-annee-mg");
    await setSurveyStatus(db, survey.id, "open");
    const [token] = await issueSurveyTokens(db, survey.id, 1, "2024-09-02");
    const answers = {
      subdivision: "dijon",
      annee: "4",
      remuneration: "salaire",
      ambulatoire: true,
    };
    const before = await responseStats(db, survey.id);
    const answer = (t: string) =>
      stored(
        storeResponse(db, { surveyId: survey.id, answers, day: "2024-09-03", token: t, batchSize }),
      );
    expect(await answer(token ?? "")).toBe(0);
    expect(await answer(token ?? "")).toBe("token_spent");
    expect(await answer("faux")).toBe("token_spent");
    // Received, not yet in the results: it waits for the batch.
    expect((await responseStats(db, survey.id)).n).toBe(before.n);
    expect(await receivedAnswerCount(db, survey.id)).toBe(before.n + 1);
    // A survey that stopped collecting takes no answer, token or not.
    await setSurveyStatus(db, survey.id, "published");
    const [late] = await issueSurveyTokens(db, survey.id, 1, "2024-09-02");
    expect(await answer(late ?? "")).toBe("survey_not_open");
    // Put things back as the seed left them, for the figure tests below.
    await db.execute(sql`delete from survey_response_pool where survey_id = ${survey.id}`);
  });

  describe("the mixing pool", () => {
    let survey: Survey;
    const day = "2026-03-02";
    /** The responses in physical order, with their batch (transaction id) and day. */
    const rowsInOrder = async () =>
      (
        (await db.execute(sql`
          select (answers ->> 'rang')::int as rang, xmin::text as batch, submitted_on::text as day
          from survey_responses where survey_id = ${survey.id} order by ctid`)) as unknown as {
          rows: { rang: number; batch: string; day: string }[];
        }
      ).rows;
    const batchSizes = (rows: { batch: string }[]) => {
      const sizes = new Map<string, number>();
      for (const r of rows) sizes.set(r.batch, (sizes.get(r.batch) ?? 0) + 1);
      return [...sizes.values()].sort((a, b) => a - b);
    };
    const poolFile = async () =>
      (
        (await db.execute(sql`
          select count(*)::int as n, pg_relation_size('survey_response_pool')::int as bytes
          from survey_response_pool`)) as unknown as { rows: { n: number; bytes: number }[] }
      ).rows[0];

    beforeAll(async () => {
      survey = await insertSurvey(db, {
        slug: "melange",
        title: "Mélange",
        year: 2026,
        opensOn: null,
        closesOn: null,
        status: "open",
        anonymity: "open_link",
        disclosureThreshold: batchSize,
        questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 1000 }],
      });
    });

    it("lets answers in k at a time, dated the batch's day; closing tops up the last batch", async () => {
      const answer = (rang: number, on = day) =>
        stored(storeResponse(db, { surveyId: survey.id, answers: { rang }, day: on, batchSize }));
      for (let rang = 0; rang < batchSize - 1; rang += 1) expect(await answer(rang)).toBe(0);
      expect(await rowsInOrder()).toEqual([]);
      // The k-th answer, the next day, lets the whole batch in under that day.
      expect(await answer(batchSize - 1, "2026-03-03")).toBe(batchSize);
      const first = await rowsInOrder();
      expect(first.map((r) => r.rang).sort((a, b) => a - b)).toEqual([...Array(batchSize).keys()]);
      expect(new Set(first.map((r) => r.day))).toEqual(new Set(["2026-03-03"]));
      expect(batchSizes(first)).toEqual([batchSize]);
      expect(await poolFile()).toEqual({ n: 0, bytes: 0 });

      // Two more wait when the survey closes: the closing batch takes k − 2 stored answers back.
      expect(await answer(batchSize)).toBe(0);
      expect(await answer(batchSize + 1)).toBe(0);
      const outcome = await db.transaction(async (tx) => {
        await setSurveyStatus(tx, survey.id, "closed");
        return mixPooledResponses(tx, survey.id, { day: "2026-03-04", batchSize, final: true });
      });
      expect(outcome).toEqual({ moved: 2, remixed: batchSize - 2 });
      await vacuumResponsePool(db, { responses: true });
      const all = await rowsInOrder();
      expect(all.map((r) => r.rang).sort((a, b) => a - b)).toEqual([
        ...Array(batchSize + 2).keys(),
      ]);
      expect(batchSizes(all)).toEqual([2, batchSize]);
      expect(all.filter((r) => r.day === "2026-03-04")).toHaveLength(batchSize);
      expect(await poolFile()).toEqual({ n: 0, bytes: 0 });
      expect(await answer(99)).toBe("survey_not_open");
    });

    it("keeps every answer of a burst, and lets none in with fewer than k others", async () => {
      await setSurveyStatus(db, survey.id, "open");
      await db.execute(sql`delete from survey_responses where survey_id = ${survey.id}`);
      const burst = 4 * batchSize + 2;
      await Promise.all(
        Array.from({ length: burst }, (_, rang) =>
          storeResponse(db, { surveyId: survey.id, answers: { rang }, day, batchSize }),
        ),
      );
      const rows = await rowsInOrder();
      expect(await receivedAnswerCount(db, survey.id)).toBe(burst);
      for (const size of batchSizes(rows)) expect(size).toBeGreaterThanOrEqual(batchSize);
    });
  });

  it("aggregates in SQL as the reference implementation does in memory", async () => {
    const survey = await getSurvey(db, "temps-de-travail-2024");
    const hours = refOf(survey.slug).responses.map((r) => r.answers.heures_semaine);
    for (const statistic of [
      { kind: "mean" as const },
      { kind: "median" as const },
      { kind: "quantile" as const, p: 0.9 },
      { kind: "share_above" as const, threshold: 80, inclusive: false },
      { kind: "share_below" as const, threshold: 48, inclusive: true },
    ]) {
      const [row] = await aggregate(db, { survey, questionId: "heures_semaine", statistic });
      expect(row?.n).toBe(1000);
      expect(row?.value).toBeCloseTo(computeStatistic(statistic, hours) ?? Number.NaN, 9);
    }
  });

  it("breaks down by subdivision, by year and by a yes/no question", async () => {
    const survey = await getSurvey(db, "temps-de-travail-2024");
    const rows = await aggregate(db, {
      survey,
      questionId: "heures_semaine",
      statistic: { kind: "mean" },
      groupBy: "subdivision",
    });
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(1000);
    const lille = refOf(survey.slug).responses.filter((r) => r.answers.subdivision === "lille");
    expect(rows.find((r) => r.key === "lille")).toEqual({
      key: "lille",
      n: lille.length,
      value: expect.closeTo(
        computeStatistic(
          { kind: "mean" },
          lille.map((r) => r.answers.heures_semaine),
        ) ?? 0,
        9,
      ),
    });
    const byYear = await aggregate(db, {
      survey,
      questionId: "tableau_service",
      statistic: { kind: "share_choice", choices: ["yes"] },
      groupBy: "annee",
    });
    expect(byYear.map((r) => r.key)).toEqual(["1", "2", "3", "4"]);
    const byRest = await choiceCounts(db, {
      survey,
      questionId: "tableau_service",
      groupBy: "repos_demi_garde",
    });
    expect(byRest.reduce((s, r) => s + r.n, 0)).toBe(1000);
    expect(new Set(byRest.map((r) => r.group))).toEqual(new Set(["yes", "no", null]));
  });

  it("computes many statistics in one pass, as the one-statistic queries do", async () => {
    const survey = await getSurvey(db, "temps-de-travail-2024");
    const statistics = [
      { questionId: "heures_semaine", statistic: { kind: "mean" as const } },
      { questionId: "heures_semaine", statistic: { kind: "median" as const } },
      {
        questionId: "repos_astreinte",
        statistic: { kind: "share_choice" as const, choices: ["yes"] },
      },
    ];
    const many = await aggregateMany(db, { survey, statistics, groupBy: "annee" });
    expect(many.map((r) => r.key)).toEqual(["1", "2", "3", "4"]);
    expect(many.reduce((s, r) => s + r.n, 0)).toBe(1000);
    for (const [i, { questionId, statistic }] of statistics.entries()) {
      const single = await aggregate(db, { survey, questionId, statistic, groupBy: "annee" });
      expect(many.map((r) => r.values[i])).toEqual(
        single.map((r) => ({ n: r.n, value: expect.closeTo(r.value ?? 0, 9) })),
      );
    }
  });

  it("counts choices of multiple-choice questions", async () => {
    const survey = await getSurvey(db, "dixieme-annee-mg");
    const counts = await choiceCounts(db, { survey, questionId: "mode_exercice" });
    const expected = refOf(survey.slug).responses.filter((r) =>
      (r.answers.mode_exercice as string[] | undefined)?.includes("msp"),
    ).length;
    expect(counts.find((c) => c.choice === "msp")?.n).toBe(expected);
  });

  it("computes the press kit's key figures from the seeded responses", async () => {
    const definitions = await listKeyFigureDefinitions(db);
    expect(definitions.map((d) => d.id).sort()).toEqual(KEY_FIGURES_2026.map((d) => d.id).sort());
    const values: Record<string, number | null> = {};
    for (const definition of definitions) {
      const survey = await getSurvey(db, definition.surveySlug);
      const { raw, provenance } = await computeKeyFigureRaw(
        db,
        survey,
        KeyFigureDefinition.parse(definition),
      );
      const figure = finishKeyFigure(definition, raw, provenance, survey.disclosureThreshold);
      expect(figure.provenance.synthetic).toBe(true);
      values[definition.id] = figure.value;
    }
    expect(values).toEqual({
      "tt-moyenne": 59,
      "tt-plus-80h": 10,
      "tt-extra-medical": 41,
      "tt-repos-demi-garde": 43,
      "tt-repos-astreinte": 25,
      "tt-tableaux-service": 44,
      "sm-anxiete": expect.any(Number),
      "sm-burn-out": 66,
      "sm-idees-suicidaires": 21,
      "sm-jamais-arret": 3,
      "dix-retrocession": 89.4,
      "dix-ambulatoire": 84,
    });
    expect(values["sm-anxiete"]).toBeGreaterThan(50);
  });
});
