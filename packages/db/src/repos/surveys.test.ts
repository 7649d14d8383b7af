import {
  computeStatistic,
  finishKeyFigure,
  KEY_FIGURES_2026,
  KeyFigureDefinition,
  referenceSurveys2026,
} from "@tribune/domain";
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
  getSurvey,
  issueSurveyTokens,
  listKeyFigureDefinitions,
  responseStats,
  storeResponse,
} from "./surveys";

const reference = referenceSurveys2026();
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
  });

  it("spends a one-time token once and keeps only the day", async () => {
    const survey = await getSurvey(db, "dixieme-annee-mg");
    const [token] = await issueSurveyTokens(db, survey.id, 1, "2024-09-02");
    const answers = {
      subdivision: "dijon",
      annee: "4",
      remuneration: "salaire",
      ambulatoire: true,
    };
    const before = await responseStats(db, survey.id);
    await storeResponse(db, {
      surveyId: survey.id,
      answers,
      day: "2024-09-03",
      token: token ?? "",
    });
    await expect(
      storeResponse(db, { surveyId: survey.id, answers, day: "2024-09-03", token: token ?? "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      storeResponse(db, { surveyId: survey.id, answers, day: "2024-09-03", token: "faux" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await responseStats(db, survey.id)).n).toBe(before.n + 1);
    // Put things back as the seed left them, for the figure tests below.
    await db.execute(
      sql`delete from survey_responses where survey_id = ${survey.id} and synthetic = false`,
    );
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
