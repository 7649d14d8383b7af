import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SURVEY_MANAGERS } from "@tribune/domain/auth";
import { formatNumber, formatPercent } from "@tribune/domain/format";
import {
  type FreeTextAnswer,
  type QuestionResult,
  type ResultGroup,
  smallCountNotice,
  withheldNotice,
} from "@tribune/domain/surveys";
import { useState } from "react";
import { useParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { EmptyState } from "../../../ui/EmptyState";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { downloadText } from "../../union/shared";
import { type BarDatum, HorizontalBars } from "../components/charts";
import { SurveyTabs } from "../components/SurveyTabs";

const SUPPRESSED = "masqué";
const number = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? "—" : formatNumber(x, { maxDecimals: digits });
const percent = (x: number | null) => (x === null ? SUPPRESSED : formatPercent(x));

function GroupRow({ group }: { group: ResultGroup }) {
  if (group.suppressed) {
    return (
      <tr className="suppressed">
        <th scope="row">{group.label}</th>
        <td colSpan={3} className="muted">
          Masqué : effectif inférieur au seuil de confidentialité
        </td>
      </tr>
    );
  }
  const summary = group.stats
    ? `moyenne ${number(group.stats.mean)} · médiane ${number(group.stats.median)} · Q1 ${number(group.stats.q1)} · Q3 ${number(group.stats.q3)}`
    : (group.choices ?? [])
        .map((c) => `${c.label} : ${c.n === null ? SUPPRESSED : `${c.n} (${percent(c.share)})`}`)
        .join(" · ");
  return (
    <tr>
      <th scope="row">{group.label}</th>
      <td className="num">{group.n}</td>
      <td colSpan={2}>{summary}</td>
    </tr>
  );
}

/**
 * The bars of a result: group means for a number or a scale; otherwise the share of each
 * answer over everyone. Suppressed groups and answers draw nothing and say "masqué".
 */
function chartOf(result: QuestionResult): { title: string; bars: BarDatum[]; unit: string } | null {
  const groups = [result.overall, ...result.groups];
  if (result.overall.stats || groups.some((g) => g.stats))
    return {
      title: "Moyenne par groupe",
      unit: "",
      bars: groups.map((g) => ({ label: g.label, value: g.stats?.mean ?? null })),
    };
  if (result.overall.choices)
    return {
      title: "Part de chaque réponse, sur l'ensemble",
      unit: " %",
      bars: result.overall.choices.map((c) => ({
        label: c.label,
        value: c.share === null ? null : Math.round(c.share * 1000) / 10,
      })),
    };
  return null;
}

/**
 * The free-text answers of a question; the bureau and the admin may hide one for good (an answer
 * that names someone), after confirming.
 */
function FreeTexts({
  surveyId,
  questionId,
  texts,
}: {
  surveyId: string;
  questionId: string;
  texts: FreeTextAnswer[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canHide = hasRole(useMe().data?.role, SURVEY_MANAGERS);
  const [hiding, setHiding] = useState<FreeTextAnswer | null>(null);
  const hide = useMutation(
    trpc.survey.hideFreeText.mutationOptions({
      onSuccess: async () => {
        setHiding(null);
        await queryClient.invalidateQueries({ queryKey: trpc.survey.results.queryKey() });
      },
    }),
  );
  return (
    <>
      <ul>
        {texts.map((t) => (
          <li key={t.id}>
            {t.text}
            {canHide && (
              <>
                {" "}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Masquer la réponse « ${t.text.slice(0, 60)} »`}
                  onClick={() => {
                    hide.reset();
                    setHiding(t);
                  }}
                >
                  Masquer
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {hiding && (
        <ConfirmDialog
          title="Masquer cette réponse libre ?"
          onCancel={() => setHiding(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setHiding(null)}>
                Annuler
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={hide.isPending}
                onClick={() => hide.mutate({ surveyId, questionId, answerId: hiding.id })}
              >
                {hide.isPending ? "Masquage…" : "Masquer"}
              </button>
            </>
          }
        >
          <blockquote>{hiding.text}</blockquote>
          <p>
            Elle ne sera plus montrée à personne, ici ni ailleurs. Le masquage est inscrit au
            journal, sans le texte.
          </p>
          {hide.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(hide.error)}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

/** One survey's results, question by question, broken down with disclosure control shown. */
export default function SurveyResultsPage() {
  const trpc = useTRPC();
  const { id } = useParams();
  const survey = useQuery(trpc.survey.get.queryOptions(id ? { id } : skipToken));
  const [questionId, setQuestionId] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<string | null>(null);
  const questions = survey.data?.questions ?? [];
  const current =
    questionId ?? questions.find((q) => q.type !== "single" || !q.profile)?.id ?? null;
  const result = useQuery(
    trpc.survey.results.queryOptions(
      id && current ? { surveyId: id, questionId: current, groupBy } : skipToken,
    ),
  );
  const breakdowns = questions.filter(
    (q) => (q.type === "single" || q.type === "yes_no") && q.id !== current,
  );
  const exportCsv = useMutation(
    trpc.survey.exportResults.mutationOptions({
      onSuccess: (file) => downloadText(file.filename, file.csv),
    }),
  );
  const withheld = result.data?.withheld ?? null;
  const chart = result.data && !withheld ? chartOf(result.data) : null;
  // Every answer hidden (a small survey): say why rather than draw an empty axis.
  const allHidden =
    !!result.data &&
    !withheld &&
    (result.data.overall.suppressed ||
      (chart !== null && !chart.bars.some((bar) => (bar.value ?? 0) > 0)));

  if (survey.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(survey.error)}
      </p>
    );
  if (!survey.data) return <p className="muted">Chargement…</p>;
  if (current === null)
    return (
      <section>
        <h1>{survey.data.title}</h1>
        {id && <SurveyTabs id={id} />}
        <EmptyState>
          Aucune question à analyser : cette enquête ne pose encore que des questions de profil, ou
          aucune. Ajoutez-en dans l'onglet « Questionnaire ».
        </EmptyState>
      </section>
    );
  return (
    <section>
      <h1>{survey.data.title}</h1>
      {id && <SurveyTabs id={id} />}
      <p className="muted">
        Seuil de confidentialité : {survey.data.disclosureThreshold} répondant·es. Les groupes plus
        petits sont masqués, ainsi qu'un groupe complémentaire quand il le faut pour qu'on ne puisse
        pas les retrouver par soustraction.
      </p>
      <div className="survey-toolbar">
        <label>
          Question{" "}
          <select value={current ?? ""} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Ventiler par{" "}
          <select value={groupBy ?? ""} onChange={(e) => setGroupBy(e.target.value || null)}>
            <option value="">(ensemble)</option>
            {breakdowns.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <button
          type="button"
          className="button"
          disabled={!id || exportCsv.isPending || withheld !== null}
          title={withheld ? "Pas d'export tant que les résultats sont masqués." : undefined}
          onClick={() => id && exportCsv.mutate({ id, groupBy })}
        >
          Exporter les résultats (CSV)
        </button>
      </div>
      {exportCsv.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(exportCsv.error)}
        </p>
      )}
      {result.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(result.error)}
        </p>
      )}
      {withheld && (
        <p role="status" className="notice notice--warning" data-testid="results-withheld">
          {withheldNotice(withheld)}
        </p>
      )}
      {result.data && !withheld && (
        <>
          {allHidden ? (
            <p role="status" className="notice notice--warning" data-testid="results-small">
              {smallCountNotice(survey.data.disclosureThreshold)} Une réponse n'est montrée que si
              assez de répondant·es l'ont donnée, afin que personne ne puisse être reconnu·e.
            </p>
          ) : (
            chart && (
              <>
                <h2>{chart.title}</h2>
                <HorizontalBars data={chart.bars} unit={chart.unit} />
              </>
            )
          )}
          <div className="table-scroll">
            <table className="data">
              <caption>{result.data.questionLabel}</caption>
              <thead>
                <tr>
                  <th scope="col">Groupe</th>
                  <th scope="col" className="num">
                    Réponses
                  </th>
                  <th scope="col" colSpan={2}>
                    Résultat
                  </th>
                </tr>
              </thead>
              <tbody>
                <GroupRow group={result.data.overall} />
                {result.data.groups.map((g) => (
                  <GroupRow key={g.key ?? "sans-reponse"} group={g} />
                ))}
              </tbody>
            </table>
          </div>
          {result.data.questionType === "text" && (
            <>
              <h2>Réponses libres</h2>
              {result.data.overall.texts && id ? (
                <FreeTexts
                  surveyId={id}
                  questionId={result.data.questionId}
                  texts={result.data.overall.texts}
                />
              ) : (
                <p className="muted">Moins de dix réponses libres : elles ne sont pas affichées.</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
