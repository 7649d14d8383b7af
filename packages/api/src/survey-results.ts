import {
  aggregate,
  aggregateMany,
  choiceCounts,
  computeKeyFigureRaw,
  type Executor,
  findSurvey,
  listKeyFigureDefinitions,
  responseStats,
  visibleFreeTextAnswers,
} from "@tribune/db";
import {
  type ChoiceResult,
  type ComputedKeyFigure,
  DomainError,
  discloseFreeText,
  effectiveThreshold,
  finishKeyFigure,
  type KeyFigureDefinition,
  type Question,
  type QuestionResult,
  type ResultGroup,
  type ResultStats,
  type Statistic,
  type Survey,
  suppressedKeys,
  withheldResults,
} from "@tribune/domain";

/**
 * Results and key figures, from the SQL aggregates of `@tribune/db` through the domain's
 * disclosure control. Every reader of survey data (API, exports, press kit) goes through here.
 */

const NO_ANSWER = "Sans réponse";

const choiceLabels = (q: Question): { value: string; label: string }[] =>
  q.type === "single" || q.type === "multiple"
    ? q.choices
    : q.type === "yes_no"
      ? [
          { value: "yes", label: "Oui" },
          { value: "no", label: "Non" },
        ]
      : [];

const suppressedGroup = (key: string | null, label: string): ResultGroup => ({
  key,
  label,
  suppressed: true,
  n: null,
  stats: null,
  choices: null,
  texts: null,
});

function choicesOf(
  q: Question,
  counts: Map<string, number>,
  n: number,
  threshold: number,
): ChoiceResult[] {
  const labels = choiceLabels(q);
  // Answers to one single-choice question partition the group: complementary suppression
  // applies. Multiple choices overlap: each count stands alone.
  const hidden =
    q.type === "multiple"
      ? new Set(labels.filter((c) => (counts.get(c.value) ?? 0) < threshold).map((c) => c.value))
      : suppressedKeys(
          labels.map((c) => ({ key: c.value, n: counts.get(c.value) ?? 0 })),
          threshold,
        );
  return labels.map((c) => {
    const k = counts.get(c.value) ?? 0;
    return hidden.has(c.value)
      ? { choice: c.value, label: c.label, n: null, share: null }
      : { choice: c.value, label: c.label, n: k, share: n > 0 ? k / n : null };
  });
}

/**
 * The results of one question. While a sensitive survey collects, nothing but the number of
 * responses in steps (`withheld`). Free-text answers are read only with `freeText: "read"`: the
 * caller checks who may read them (`canReadFreeText`); exports pass "omit".
 */
export async function questionResult(
  db: Executor,
  survey: Survey,
  questionId: string,
  groupBy: string | null,
  { freeText }: { freeText: "read" | "omit" },
): Promise<QuestionResult> {
  const q = survey.questions.find((x) => x.id === questionId);
  if (!q) throw new DomainError("invalid", "Question inconnue dans cette enquête.");
  const group = groupBy ? survey.questions.find((x) => x.id === groupBy) : null;
  if (groupBy && (!group || (group.type !== "single" && group.type !== "yes_no")))
    throw new DomainError(
      "invalid",
      "On ne peut ventiler que par une question à choix unique ou oui/non.",
    );
  if (group && group.id === q.id)
    throw new DomainError("invalid", "Ventilation par la question elle-même.");
  const threshold = effectiveThreshold(survey.disclosureThreshold);
  const numeric = q.type === "number" || q.type === "likert";
  const head = {
    surveyId: survey.id,
    questionId: q.id,
    questionLabel: q.label,
    questionType: q.type,
    threshold,
    groupBy: group?.id ?? null,
  };

  const withheld = withheldResults(survey, (await responseStats(db, survey.id)).n);
  if (withheld)
    return { ...head, withheld, overall: suppressedGroup(null, "Ensemble"), groups: [] };

  // Counts (and numeric statistics) per group, one GROUP BY query each.
  const countStat: Statistic = { kind: "share_choice", choices: ["__"] };
  const base = { survey, questionId };
  const run = async (by: string | null) => {
    const stats = new Map<string | null, ResultStats>();
    let rows: { key: string | null; n: number }[];
    if (numeric) {
      // Mean and quartiles of every group in one pass.
      const many = await aggregateMany(db, {
        survey,
        groupBy: by,
        statistics: [
          { kind: "mean" as const },
          { kind: "quantile" as const, p: 0.5 },
          { kind: "quantile" as const, p: 0.25 },
          { kind: "quantile" as const, p: 0.75 },
        ].map((statistic) => ({ questionId, statistic })),
      });
      rows = many
        .filter((r) => (r.values[0]?.n ?? 0) > 0)
        .map((r) => ({ key: r.key, n: r.values[0]?.n ?? 0 }));
      for (const r of many) {
        const [mean, median, q1, q3] = r.values.map((v) => v.value);
        stats.set(r.key, {
          mean: mean ?? null,
          median: median ?? null,
          q1: q1 ?? null,
          q3: q3 ?? null,
        });
      }
    } else {
      rows = await aggregate(db, { ...base, statistic: countStat, groupBy: by });
    }
    const counts =
      numeric || q.type === "text" ? [] : await choiceCounts(db, { ...base, groupBy: by });
    return { rows, stats, counts };
  };

  const build = (
    key: string | null,
    label: string,
    n: number,
    data: Awaited<ReturnType<typeof run>>,
    texts: ResultGroup["texts"],
  ): ResultGroup => ({
    key,
    label,
    suppressed: false,
    n,
    stats: numeric ? (data.stats.get(key) ?? null) : null,
    choices:
      numeric || q.type === "text"
        ? null
        : choicesOf(
            q,
            new Map(data.counts.filter((c) => c.group === key).map((c) => [c.choice, c.n])),
            n,
            threshold,
          ),
    texts,
  });

  const all = await run(null);
  const total = all.rows[0]?.n ?? 0;
  const overallTexts =
    q.type === "text" && freeText === "read"
      ? discloseFreeText(await visibleFreeTextAnswers(db, survey.id, q.id))
      : null;
  const overall =
    total < threshold
      ? suppressedGroup(null, "Ensemble")
      : build(null, "Ensemble", total, all, overallTexts);

  let groups: ResultGroup[] = [];
  if (group) {
    const byGroup = await run(group.id);
    const n = new Map(byGroup.rows.map((r) => [r.key, r.n]));
    const keys = [
      ...choiceLabels(group),
      ...(n.has(null) ? [{ value: null, label: NO_ANSWER }] : []),
    ];
    const hidden = suppressedKeys(
      keys.map((k) => ({ key: k.value ?? "", n: n.get(k.value) ?? 0 })),
      threshold,
    );
    groups = keys.map((k) =>
      // Free text is never broken down: too easy to recognise someone in a small group.
      hidden.has(k.value ?? "")
        ? suppressedGroup(k.value, k.label)
        : build(k.value, k.label, n.get(k.value) ?? 0, byGroup, null),
    );
  }

  return { ...head, withheld: null, overall, groups };
}

/** One key figure computed now, from its survey's responses. */
export async function computeKeyFigure(
  db: Executor,
  survey: Survey,
  definition: KeyFigureDefinition,
): Promise<ComputedKeyFigure> {
  const { raw, provenance } = await computeKeyFigureRaw(db, survey, definition);
  return finishKeyFigure(definition, raw, provenance, survey.disclosureThreshold, survey);
}

/** Every key figure computed on read; `publishedOnly` for the press (and the press kit). */
export async function computeKeyFigures(
  db: Executor,
  { publishedOnly }: { publishedOnly: boolean },
): Promise<ComputedKeyFigure[]> {
  const definitions = await listKeyFigureDefinitions(db);
  const surveys = new Map<string, Survey | null>();
  const out: ComputedKeyFigure[] = [];
  for (const definition of definitions) {
    if (!surveys.has(definition.surveySlug))
      surveys.set(definition.surveySlug, await findSurvey(db, definition.surveySlug));
    const survey = surveys.get(definition.surveySlug);
    if (!survey) continue;
    if (publishedOnly && (!definition.published || survey.status !== "published")) continue;
    out.push(await computeKeyFigure(db, survey, definition));
  }
  return out;
}
