#!/usr/bin/env -S node --import tsx
/**
 * Survey aggregation at scale: 100,000 responses × 20 questions, broken down by the 23
 * subdivisions. Prints figures for PGlite and (when TEST_DATABASE_URL is
 * set) PostgreSQL:
 *   - bulk insert speed of the responses (what an import does once rows are validated);
 *   - the engine (`aggregateMany`: every statistic of the 20 questions in one query);
 *   - the floor: one hand-written SQL GROUP BY computing the same aggregates;
 *   - for information, one query per question (`aggregate`).
 * Target: engine ≤ 1.5 × floor.
 *
 *   pnpm exec tsx tooling/scripts/bench-surveys.ts [--responses 100000]
 */
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    responses: { type: "string", default: "100000" },
    runs: { type: "string", default: "3" },
  },
});
const N = Number(options.responses);
const RUNS = Number(options.runs);
const SERVER_URL = process.env.TEST_DATABASE_URL;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

async function best(fn: () => Promise<unknown>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) min = Math.min(min, (await time(fn))[0]);
  return min;
}

async function main() {
  const domain = await import("@tribune/domain/surveys");
  const reference = await import("@tribune/reference");
  const db = await import("@tribune/db/repos/surveys");
  const testing = await import("@tribune/db/testing");
  const { parseCsv } = await import("@tribune/api/csv");

  const subdivisions = reference.SUBDIVISIONS_REFERENCE;
  const numbers = Array.from({ length: 10 }, (_, i) => `n${i}`);
  const yesNo = Array.from({ length: 5 }, (_, i) => `b${i}`);
  const choices = Array.from({ length: 3 }, (_, i) => `c${i}`);
  const survey = domain.Survey.parse({
    id: "00000099-0000-4000-8000-000000000001",
    slug: "bench",
    title: "Bench",
    year: 2026,
    opensOn: null,
    closesOn: null,
    questions: [
      domain.subdivisionQuestion(subdivisions),
      domain.yearOfTrainingQuestion(),
      ...numbers.map((id) => ({ id, type: "number", label: id, unit: "h", min: 0, max: 168 })),
      ...yesNo.map((id) => ({ id, type: "yes_no", label: id })),
      ...choices.map((id) => ({
        id,
        type: "single",
        label: id,
        choices: ["a", "b", "c", "d"].map((value) => ({ value, label: value })),
      })),
    ],
  });
  const rng = random(7);
  const rows = Array.from({ length: N }, () => {
    const answers: Record<string, string | number | boolean> = {
      subdivision: subdivisions[Math.floor(rng() * subdivisions.length)]?.slug ?? "paris",
      annee: String(1 + Math.floor(rng() * 4)),
    };
    for (const q of numbers) answers[q] = Math.round(rng() * 900) / 10;
    for (const q of yesNo) answers[q] = rng() < 0.4;
    for (const q of choices) answers[q] = "abcd"[Math.floor(rng() * 4)] ?? "a";
    return { submittedOn: "2026-01-22", answers, synthetic: true };
  });
  const statistics = [
    ...numbers.flatMap((questionId) => [
      { questionId, statistic: { kind: "mean" as const } },
      { questionId, statistic: { kind: "median" as const } },
    ]),
    ...yesNo.map((questionId) => ({
      questionId,
      statistic: { kind: "share_choice" as const, choices: ["yes"] },
    })),
    ...choices.map((questionId) => ({
      questionId,
      statistic: { kind: "share_choice" as const, choices: ["a"] },
    })),
  ];
  const floorSql = `select answers->>'subdivision', count(*),
    ${numbers.map((q) => `count(answers->'${q}'), avg((answers->>'${q}')::float8), percentile_cont(0.5) within group (order by (answers->>'${q}')::float8)`).join(",\n")},
    ${yesNo.map((q) => `count(answers->'${q}'), avg(case when answers->>'${q}' = 'true' then 1.0 when answers->'${q}' is not null then 0.0 end)`).join(",\n")},
    ${choices.map((q) => `count(answers->'${q}'), avg(case when answers->>'${q}' = 'a' then 1.0 when answers->'${q}' is not null then 0.0 end)`).join(",\n")}
    from survey_responses where survey_id = '${survey.id}' group by 1`;

  const serverUrl = SERVER_URL;
  const backends: ("pglite" | "postgres")[] = serverUrl ? ["pglite", "postgres"] : ["pglite"];
  console.log(
    `Survey aggregation: ${N.toLocaleString("en")} responses × 20 questions, by 23 subdivisions (best of ${RUNS})`,
  );
  for (const backend of backends) {
    const opened = await testing.openTestDatabase(backend);
    try {
      await db.insertSurvey(opened.db, survey);
      const [insertMs] = await time(() =>
        opened.db.transaction((tx) => db.insertResponses(tx, survey.id, rows)),
      );
      // A CSV export of the same size, imported as `survey.import` does: parse, map, validate,
      // insert in one transaction (into a second survey, so the aggregates stay on 100,000).
      const codes = survey.questions.map((q) => q.id);
      const csv = [
        ["id", "submitdate", "ipaddr", ...codes].join(";"),
        ...rows.map((r, i) =>
          [
            i + 1,
            "2026-01-22 10:00:00",
            "192.0.2.1",
            ...codes.map((c) => {
              const v = r.answers[c];
              return typeof v === "boolean" ? (v ? "Y" : "N") : String(v ?? "");
            }),
          ].join(";"),
        ),
      ].join("\n");
      const copy = domain.Survey.parse({
        ...survey,
        id: "00000099-0000-4000-8000-000000000002",
        slug: "bench-import",
      });
      await db.insertSurvey(opened.db, copy);
      const [importMs, imported] = await time(async () => {
        const { header, rows: csvRows } = parseCsv(csv);
        const parsed = domain.parseSurveyImport(
          copy,
          header,
          csvRows,
          domain.suggestSurveyMapping(copy, header),
          "2026-01-22",
        );
        if (parsed.errors.length > 0)
          throw new Error(`import errors: ${parsed.errors[0]?.message}`);
        return opened.db.transaction((tx) => db.insertResponses(tx, copy.id, parsed.responses));
      });
      await opened.db.execute("analyze survey_responses");
      const engine = await best(() =>
        db.aggregateMany(opened.db, { survey, statistics, groupBy: "subdivision" }),
      );
      const floor = await best(() => opened.db.execute(floorSql));
      const perQuestion = await best(async () => {
        for (const s of statistics)
          await db.aggregate(opened.db, { survey, ...s, groupBy: "subdivision" });
      });
      console.log(
        [
          `${backend.padEnd(8)} insert ${(N / (insertMs / 1000)).toFixed(0)} rows/s (${(insertMs / 1000).toFixed(1)} s)`,
          `CSV import ${imported} rows in ${(importMs / 1000).toFixed(1)} s (${(imported / (importMs / 1000)).toFixed(0)} rows/s)`,
          `engine ${engine.toFixed(0)} ms`,
          `floor ${floor.toFixed(0)} ms`,
          `ratio ${(engine / floor).toFixed(2)}× (target ≤ 1.5×)`,
          `one query per statistic ${perQuestion.toFixed(0)} ms (${(perQuestion / floor).toFixed(1)}×)`,
        ].join(" · "),
      );
    } finally {
      await opened.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
