import { createHash, randomInt } from "node:crypto";
import {
  type Answers,
  type FigureProvenance,
  type KeyFigureDefinition,
  type KeyFigureFilter,
  type ParkOutcome,
  type Question,
  type Statistic,
  Survey,
  type SurveyDraft,
  type SurveyInput,
  type SurveyStatus,
} from "@tribune/domain/surveys";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import {
  surveyKeyFigures,
  surveyResponsePool,
  surveyResponses,
  surveys,
  surveyTokens,
} from "../schema";

// ——— Surveys ——————————————————————————————————————————————————————————————————————————

const toSurvey = (row: typeof surveys.$inferSelect): Survey =>
  Survey.parse({
    id: row.id,
    slug: row.slug,
    title: row.title,
    year: row.year,
    partners: row.partners,
    audience: row.audience,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: row.status,
    anonymity: row.anonymity,
    sensitivity: row.sensitivity,
    disclosureThreshold: row.disclosureThreshold,
    questions: row.questions,
  });

export async function insertSurvey(db: Executor, survey: Survey | (SurveyInput & { id?: string })) {
  const parsed = Survey.parse({ id: crypto.randomUUID(), ...survey });
  await db.insert(surveys).values(parsed);
  return parsed;
}

export async function listSurveys(db: Executor): Promise<Survey[]> {
  const rows = await db.select().from(surveys).orderBy(asc(surveys.title));
  return rows.map(toSurvey);
}

/**
 * `lock`: in a transaction, holds the survey row until it ends, so that no answer is parked in
 * between (parking holds it in share mode): a status change or a questionnaire edit then counts
 * every answer received.
 */
export async function findSurvey(
  db: Executor,
  idOrSlug: string,
  options: { lock?: boolean } = {},
): Promise<Survey | null> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const query = db
    .select()
    .from(surveys)
    .where(isUuid ? eq(surveys.id, idOrSlug) : eq(surveys.slug, idOrSlug));
  const [row] = await (options.lock ? query.for("no key update") : query);
  return row ? toSurvey(row) : null;
}

/**
 * Replaces a survey's description and questionnaire (the builder checked the rules); null when
 * no survey has this id.
 */
export async function updateSurvey(
  db: Executor,
  id: string,
  draft: SurveyDraft,
): Promise<Survey | null> {
  const [row] = await db
    .update(surveys)
    .set({ ...draft, updatedAt: sql`now()` })
    .where(eq(surveys.id, id))
    .returning();
  return row ? toSurvey(row) : null;
}

export async function setSurveyStatus(db: Executor, id: string, status: SurveyStatus) {
  await db.update(surveys).set({ status, updatedAt: sql`now()` }).where(eq(surveys.id, id));
}

/** Deletes a survey (its key figures and tokens go with it). */
export async function deleteSurvey(db: Executor, id: string) {
  await db.delete(surveys).where(eq(surveys.id, id));
}

// ——— Responses and tokens —————————————————————————————————————————————————————————————

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues one-time tokens; returns them in clear, once (only their hashes are stored). */
export async function issueSurveyTokens(
  db: Executor,
  surveyId: string,
  count: number,
  day: string,
) {
  const tokens = Array.from({ length: count }, () => crypto.randomUUID().replaceAll("-", ""));
  if (tokens.length > 0)
    await db
      .insert(surveyTokens)
      .values(tokens.map((t) => ({ surveyId, tokenHash: hashToken(t), issuedOn: day })));
  return tokens;
}

// Anonymity at rest. Spending a token and storing its answer in one transaction would give both
// rows the same transaction id (xmin) and neighbouring places on disk: anyone reading the
// database or a backup could join them. So an answer is parked in the mixing pool (spending the
// token in the same transaction, so that neither happens without the other), and enters
// `survey_responses` only in a batch of at least k answers (k ≥ the survey's disclosure
// threshold) written in random order by one transaction, all dated the day of the batch. The
// pool is then rewritten empty (VACUUM FULL): the pool rows that shared a transaction id with
// the tokens are gone, down to the file.

/**
 * Parks validated answers in the mixing pool, spending the one-time token (if any) in the same
 * transaction: "parked", or — nothing written — "survey_not_open" (the survey is not collecting
 * at this moment) or "token_spent" (no unspent token of the survey has this value). The pool
 * row holds the survey and the answers, nothing else. Not counted in results until mixed
 * (`mixPooledResponses`).
 */
export async function parkResponse(
  db: Executor,
  input: { surveyId: string; answers: Answers; day: string; token?: string | null },
): Promise<ParkOutcome> {
  return db.transaction(async (tx): Promise<ParkOutcome> => {
    // Share mode: a status change (which locks the row for update) waits for the answers being
    // parked, and answers parked after it see the new status.
    const [open] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.id, input.surveyId), eq(surveys.status, "open")))
      .for("share");
    if (!open) return "survey_not_open";
    if (input.token) {
      const spent = await tx
        .update(surveyTokens)
        .set({ usedOn: input.day })
        .where(
          and(
            eq(surveyTokens.surveyId, input.surveyId),
            eq(surveyTokens.tokenHash, hashToken(input.token)),
            isNull(surveyTokens.usedOn),
          ),
        )
        .returning({ id: surveyTokens.id });
      // Nothing written: the transaction ends without a change.
      if (spent.length === 0) return "token_spent";
    }
    await tx
      .insert(surveyResponsePool)
      .values({ surveyId: input.surveyId, answers: input.answers });
    return "parked";
  });
}

/** A uniformly random permutation (Fisher–Yates, with the system's secure random numbers). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface MixOutcome {
  /** Answers that left the pool for the results. */
  moved: number;
  /** Stored answers taken back into the last batch of a closing survey, to make it k strong. */
  remixed: number;
}

/**
 * Moves the survey's pooled answers into `survey_responses` when at least `batchSize` wait — or,
 * with `final` (the survey stops collecting), whatever waits — in random order, with fresh random
 * ids (version 4) and the batch's `day`, in the caller's transaction. A final batch smaller than `batchSize`
 * is topped up with stored answers picked at random, deleted and written again with it, so that
 * it too hides each of its answers among `batchSize` (then vacuum `survey_responses` as well, see
 * `vacuumResponsePool`). Run `vacuumResponsePool` once the transaction is committed.
 */
export async function mixPooledResponses(
  tx: Executor,
  surveyId: string,
  options: { day: string; batchSize: number; final?: boolean },
): Promise<MixOutcome> {
  // Locked: a concurrent mix waits, then finds these rows gone and leaves the rest to wait.
  const waiting = await tx
    .select({ id: surveyResponsePool.id, answers: surveyResponsePool.answers })
    .from(surveyResponsePool)
    .where(eq(surveyResponsePool.surveyId, surveyId))
    .for("update");
  if (waiting.length === 0 || (waiting.length < options.batchSize && !options.final))
    return { moved: 0, remixed: 0 };
  let remixed: Answers[] = [];
  const missing = options.batchSize - waiting.length;
  if (missing > 0) {
    const stored = await tx
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.synthetic, false)));
    const picked = shuffled(stored.map((r) => r.id)).slice(0, missing);
    if (picked.length > 0)
      remixed = (
        await tx
          .delete(surveyResponses)
          .where(inArray(surveyResponses.id, picked))
          .returning({ answers: surveyResponses.answers })
      ).map((r) => r.answers);
  }
  const batch = shuffled([...waiting.map((w) => w.answers), ...remixed]);
  for (let i = 0; i < batch.length; i += 500)
    await tx.insert(surveyResponses).values(
      batch.slice(i, i + 500).map((answers) => ({
        surveyId,
        answers,
        submittedOn: options.day,
      })),
    );
  await tx.delete(surveyResponsePool).where(
    inArray(
      surveyResponsePool.id,
      waiting.map((w) => w.id),
    ),
  );
  return { moved: waiting.length, remixed: remixed.length };
}

/**
 * Rewrites the pool (and, after a final batch took stored answers back, the responses) so that
 * no deleted row survives in their files: a plain VACUUM only marks the space free, the old rows
 * stay readable on the page. Outside any transaction; the pool is small, the lock brief.
 */
export async function vacuumResponsePool(
  db: Database,
  options: { responses?: boolean } = {},
): Promise<void> {
  await db.execute(sql`vacuum full ${surveyResponsePool}`);
  if (options.responses) await db.execute(sql`vacuum full ${surveyResponses}`);
}

/**
 * The answering request: parks the answers (spending the token), then — in a transaction of its
 * own — mixes the survey's pool if a batch of `batchSize` is complete, and rewrites the pool's
 * file outside any transaction. Returns how parking went (`parkResponse`) and how many answers
 * entered the results (0 while the batch fills). Once parked, the answer is kept: a failed mix
 * is retried by the next answer or the survey's closing, and is only logged.
 */
export async function storeResponse(
  db: Database,
  input: {
    surveyId: string;
    answers: Answers;
    day: string;
    token?: string | null;
    batchSize: number;
  },
): Promise<{ outcome: ParkOutcome; moved: number }> {
  const outcome = await parkResponse(db, input);
  if (outcome !== "parked") return { outcome, moved: 0 };
  let moved = 0;
  try {
    ({ moved } = await db.transaction((tx) =>
      mixPooledResponses(tx, input.surveyId, { day: input.day, batchSize: input.batchSize }),
    ));
    if (moved > 0) await vacuumResponsePool(db);
  } catch (error) {
    console.error(
      `Enquêtes : le mélange des réponses en attente a échoué, il sera repris (${(error as Error).message}).`,
    );
  }
  return { outcome, moved };
}

/** Answers received, mixed into the results or still waiting in the pool. */
export async function receivedAnswerCount(db: Executor, surveyId: string): Promise<number> {
  const result = (await db.execute(sql`
    select (select count(*) from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveyId})
      + (select count(*) from ${surveyResponsePool} where ${surveyResponsePool.surveyId} = ${surveyId})
      as n`)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** Bulk insert (seed, import), in batches. */
export async function insertResponses(
  db: Executor,
  surveyId: string,
  rows: { submittedOn: string; answers: Answers; synthetic?: boolean }[],
): Promise<number> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(surveyResponses).values(
      rows.slice(i, i + 500).map((r) => ({
        surveyId,
        submittedOn: r.submittedOn,
        answers: r.answers,
        synthetic: r.synthetic ?? false,
      })),
    );
  }
  return rows.length;
}

// ——— Aggregation, in SQL ——————————————————————————————————————————————————————————————

/** `answers->>'q'`: the answer as text (booleans read 'true'/'false'). */
const answerText = (questionId: string) => sql`(${surveyResponses.answers} ->> ${questionId})`;
const answerNumber = (questionId: string) =>
  sql`(${surveyResponses.answers} ->> ${questionId})::float8`;
const answered = (questionId: string) =>
  sql`(${surveyResponses.answers} -> ${questionId}) is not null`;
const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
/** Choice codes as stored: yes/no answers are JSON booleans. */
const storedChoices = (q: Question | undefined, choices: readonly string[]) =>
  q?.type === "yes_no"
    ? choices.map((c) => (c === "yes" ? "true" : c === "no" ? "false" : c))
    : [...choices];

function hasChoice(q: Question | undefined, questionId: string, choices: readonly string[]): SQL {
  const values = textArray(storedChoices(q, choices));
  if (q?.type === "multiple")
    return sql`jsonb_exists_any(${surveyResponses.answers} -> ${questionId}, ${values})`;
  return sql`${answerText(questionId)} = any(${values})`;
}

function statisticSql(q: Question | undefined, questionId: string, stat: Statistic): SQL {
  const x = answerNumber(questionId);
  switch (stat.kind) {
    case "mean":
      return sql`avg(${x})`;
    case "median":
      return sql`percentile_cont(0.5) within group (order by ${x})`;
    case "quantile":
      return sql`percentile_cont(${stat.p}::float8) within group (order by ${x})`;
    case "share_above":
      return stat.inclusive
        ? sql`avg(case when ${x} >= ${stat.threshold}::float8 then 1.0 else 0.0 end)`
        : sql`avg(case when ${x} > ${stat.threshold}::float8 then 1.0 else 0.0 end)`;
    case "share_below":
      return stat.inclusive
        ? sql`avg(case when ${x} <= ${stat.threshold}::float8 then 1.0 else 0.0 end)`
        : sql`avg(case when ${x} < ${stat.threshold}::float8 then 1.0 else 0.0 end)`;
    case "share_choice":
      return sql`avg(case when ${hasChoice(q, questionId, stat.choices)} then 1.0 else 0.0 end)`;
  }
}

export interface AggregateQuery {
  survey: Pick<Survey, "id" | "questions">;
  questionId: string;
  statistic: Statistic;
  filter?: KeyFigureFilter | null;
  /** A single-choice or yes/no question: one row per answer to it (null: not answered). */
  groupBy?: string | null;
}

export interface AggregateRow {
  /** The group's answer code (yes/no: "yes"/"no"); null for the whole survey or no answer. */
  key: string | null;
  /** Respondents in the group who answered the question. */
  n: number;
  value: number | null;
}

/** The question a query names: the caller checked it is in the questionnaire. */
const questionOf = (survey: Pick<Survey, "questions">, id: string) => {
  const q = survey.questions.find((x) => x.id === id);
  if (!q) throw new Error(`Survey query on question "${id}", not in the questionnaire`);
  return q;
};

/**
 * One statistic over the answers to one question, for the whole survey or per group — a
 * single `GROUP BY` query, whatever the number of responses.
 */
export async function aggregate(db: Executor, query: AggregateQuery): Promise<AggregateRow[]> {
  const q = questionOf(query.survey, query.questionId);
  const conditions: SQL[] = [
    eq(surveyResponses.surveyId, query.survey.id),
    answered(query.questionId),
  ];
  if (query.filter) {
    const fq = questionOf(query.survey, query.filter.questionId);
    conditions.push(hasChoice(fq, query.filter.questionId, query.filter.choices));
  }
  const group = query.groupBy ? questionOf(query.survey, query.groupBy) : null;
  const key =
    group?.type === "yes_no"
      ? sql`case ${answerText(group.id)} when 'true' then 'yes' when 'false' then 'no' end`
      : group
        ? answerText(group.id)
        : sql`null::text`;
  const rows = await db
    .select({
      key: sql<string | null>`${key}`.as("group_key"),
      n: sql<number>`count(*)::int`,
      value: sql<number | null>`(${statisticSql(q, query.questionId, query.statistic)})::float8`,
    })
    .from(surveyResponses)
    .where(and(...conditions))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({
    key: r.key,
    n: Number(r.n),
    value: r.value === null ? null : Number(r.value),
  }));
}

export interface ManyRow {
  key: string | null;
  /** Respondents in the group. */
  n: number;
  /** Per requested statistic, in order: answers counted and the value. */
  values: { n: number; value: number | null }[];
}

/**
 * Several statistics over several questions in ONE pass over the responses (one `GROUP BY`):
 * what a results page or an export of a whole survey needs. Missing answers drop out of each
 * statistic on their own (the JSON path yields NULL, which aggregates skip).
 */
export async function aggregateMany(
  db: Executor,
  query: {
    survey: Pick<Survey, "id" | "questions">;
    statistics: { questionId: string; statistic: Statistic }[];
    groupBy?: string | null;
  },
): Promise<ManyRow[]> {
  const group = query.groupBy ? questionOf(query.survey, query.groupBy) : null;
  const key =
    group?.type === "yes_no"
      ? sql`case ${answerText(group.id)} when 'true' then 'yes' when 'false' then 'no' end`
      : group
        ? answerText(group.id)
        : sql`null::text`;
  const columns = query.statistics.map(({ questionId, statistic }, i) => {
    const q = questionOf(query.survey, questionId);
    const stat =
      statistic.kind === "share_choice"
        ? sql`avg(case when ${answered(questionId)} then case when ${hasChoice(q, questionId, statistic.choices)} then 1.0 else 0.0 end end)`
        : statisticSql(q, questionId, statistic);
    return sql`count(${surveyResponses.answers} -> ${questionId})::int as ${sql.raw(`n_${i}`)}, (${stat})::float8 as ${sql.raw(`v_${i}`)}`;
  });
  const result = (await db.execute(sql`
    select ${key} as group_key, count(*)::int as n, ${sql.join(columns, sql`, `)}
    from ${surveyResponses}
    where ${surveyResponses.surveyId} = ${query.survey.id}
    group by 1 order by 1`)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((row) => ({
    key: (row.group_key as string | null) ?? null,
    n: Number(row.n),
    values: query.statistics.map((_, i) => {
      const v = row[`v_${i}`];
      return { n: Number(row[`n_${i}`]), value: v === null || v === undefined ? null : Number(v) };
    }),
  }));
}

export interface ChoiceCountRow {
  group: string | null;
  choice: string;
  n: number;
}

/** How many chose each answer (single, multiple, yes/no), overall or per group. */
export async function choiceCounts(
  db: Executor,
  query: Omit<AggregateQuery, "statistic">,
): Promise<ChoiceCountRow[]> {
  const q = questionOf(query.survey, query.questionId);
  const group = query.groupBy ? questionOf(query.survey, query.groupBy) : null;
  const groupKey =
    group?.type === "yes_no"
      ? sql`case ${answerText(group.id)} when 'true' then 'yes' when 'false' then 'no' end`
      : group
        ? answerText(group.id)
        : sql`null::text`;
  const choice =
    q.type === "multiple"
      ? sql`jsonb_array_elements_text(${surveyResponses.answers} -> ${q.id})`
      : q.type === "yes_no"
        ? sql`case ${answerText(q.id)} when 'true' then 'yes' else 'no' end`
        : answerText(q.id);
  const filter = query.filter
    ? sql`and ${hasChoice(questionOf(query.survey, query.filter.questionId), query.filter.questionId, query.filter.choices)}`
    : sql``;
  // Both drivers (node-postgres, PGlite) answer `execute` with `{ rows }`.
  const result = (await db.execute(sql`
    select grp, choice, count(*)::int as n from (
      select ${groupKey} as grp, ${choice} as choice
      from ${surveyResponses}
      where ${surveyResponses.surveyId} = ${query.survey.id} and ${answered(q.id)} ${filter}
    ) answers
    group by grp, choice
    order by grp, choice`)) as unknown as {
    rows: { grp: string | null; choice: string; n: number }[];
  };
  return result.rows.map((r) => ({ group: r.grp, choice: r.choice, n: Number(r.n) }));
}

/** Responses, period and whether any is synthetic. */
export async function responseStats(db: Executor, surveyId: string) {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      from: sql<string | null>`min(${surveyResponses.submittedOn})::text`,
      to: sql<string | null>`max(${surveyResponses.submittedOn})::text`,
      synthetic: sql<boolean>`coalesce(bool_or(${surveyResponses.synthetic}), false)`,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return {
    n: Number(row?.n ?? 0),
    from: row?.from ?? null,
    to: row?.to ?? null,
    synthetic: Boolean(row?.synthetic),
  };
}

/** Responses per answer to one (single-choice) question, unanswered ones under a null key. */
export async function responsesPerAnswer(
  db: Executor,
  surveyId: string,
  questionId: string,
): Promise<{ key: string | null; n: number }[]> {
  const rows = await db
    .select({ key: sql<string | null>`${answerText(questionId)}`, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Responses per answer to one question and per day, for series over time. */
export async function responsesPerAnswerPerDay(
  db: Executor,
  surveyId: string,
  questionId: string,
): Promise<{ key: string | null; day: string; n: number }[]> {
  const rows = await db
    .select({
      key: sql<string | null>`${answerText(questionId)}`,
      day: sql<string>`${surveyResponses.submittedOn}::text`,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(sql`1`, surveyResponses.submittedOn);
  return rows.map((r) => ({ key: r.key, day: r.day, n: Number(r.n) }));
}

/** Responses per day (the only date kept with answers). */
export async function responsesPerDay(
  db: Executor,
  surveyId: string,
): Promise<{ day: string; n: number }[]> {
  const rows = await db
    .select({
      day: sql<string>`${surveyResponses.submittedOn}::text`,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(surveyResponses.submittedOn)
    .orderBy(asc(surveyResponses.submittedOn));
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}

// ——— Key figures —————————————————————————————————————————————————————————————————————

export async function upsertKeyFigure(
  db: Executor,
  surveyId: string,
  definition: KeyFigureDefinition,
  position = 0,
) {
  await db
    .insert(surveyKeyFigures)
    .values({ id: definition.id, surveyId, definition, published: definition.published, position })
    .onConflictDoUpdate({
      target: surveyKeyFigures.id,
      set: { definition, published: definition.published, position, updatedAt: sql`now()` },
    });
}

export async function listKeyFigureDefinitions(db: Executor): Promise<KeyFigureDefinition[]> {
  const rows = await db
    .select({ definition: surveyKeyFigures.definition, published: surveyKeyFigures.published })
    .from(surveyKeyFigures)
    .orderBy(
      asc(surveyKeyFigures.surveyId),
      asc(surveyKeyFigures.position),
      asc(surveyKeyFigures.id),
    );
  return rows.map((r) => ({ ...r.definition, published: r.published }));
}

export async function findKeyFigure(db: Executor, id: string) {
  const [row] = await db
    .select({
      definition: surveyKeyFigures.definition,
      published: surveyKeyFigures.published,
      position: surveyKeyFigures.position,
      surveyId: surveyKeyFigures.surveyId,
    })
    .from(surveyKeyFigures)
    .where(eq(surveyKeyFigures.id, id));
  return row
    ? { ...row, definition: { ...row.definition, published: row.published } as KeyFigureDefinition }
    : null;
}

/** Next free position among a survey's key figures (a new figure goes last). */
export async function nextKeyFigurePosition(db: Executor, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${surveyKeyFigures.position}) + 1, 0)::int` })
    .from(surveyKeyFigures)
    .where(eq(surveyKeyFigures.surveyId, surveyId));
  return Number(row?.n ?? 0);
}

export async function deleteKeyFigure(db: Executor, id: string) {
  await db.delete(surveyKeyFigures).where(eq(surveyKeyFigures.id, id));
}

/** The raw statistic and provenance of a key figure (the domain rounds and suppresses). */
export async function computeKeyFigureRaw(
  db: Executor,
  survey: Survey,
  definition: KeyFigureDefinition,
): Promise<{ raw: number | null; provenance: FigureProvenance }> {
  const [row] = await aggregate(db, {
    survey,
    questionId: definition.questionId,
    statistic: definition.statistic,
    filter: definition.filter,
  });
  const stats = await responseStats(db, survey.id);
  return {
    raw: row?.value ?? null,
    provenance: {
      surveySlug: survey.slug,
      survey: survey.title,
      partners: survey.partners,
      year: survey.year,
      respondents: row?.n ?? 0,
      from: stats.from,
      to: stats.to,
      synthetic: stats.synthetic,
    },
  };
}
