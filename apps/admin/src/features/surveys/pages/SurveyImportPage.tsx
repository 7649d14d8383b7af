import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCount, formatNumber } from "@tribune/domain/format";
import { MAX_SURVEY_IMPORT_BYTES, type SurveyImportReport } from "@tribune/domain/surveys";
import { type ChangeEvent, useState } from "react";
import { useParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { SurveyTabs } from "../components/SurveyTabs";

type Mapping = Record<string, string | null>;

/**
 * Responses from a survey tool's CSV export (LimeSurvey): the file is checked first (dry run:
 * the suggested column for each question, every bad row), the mapping can be changed and
 * checked again, and only a file without errors is imported — in one go.
 */
export default function SurveyImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const survey = useQuery(trpc.survey.get.queryOptions(id ? { id } : skipToken));
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [report, setReport] = useState<SurveyImportReport | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const run = useMutation(trpc.survey.import.mutationOptions());

  const check = async (csv: string, map: Mapping | null) => {
    setImported(null);
    const r = await run.mutateAsync({ surveyId: id, csv, mapping: map, dryRun: true });
    setReport(r);
    setMapping(r.mapping);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    setTooLarge(null);
    if (chosen.size > MAX_SURVEY_IMPORT_BYTES) {
      setFile(null);
      setReport(null);
      setTooLarge(
        `Fichier trop volumineux (${formatNumber(chosen.size / 1024 / 1024, { maxDecimals: 1 })} Mo ; 32 Mo au plus) : retirez les colonnes inutiles ou découpez-le.`,
      );
      return;
    }
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setReport(null);
    await check(csv, null).catch(() => undefined);
  };
  const apply = async () => {
    if (!file || !mapping) return;
    const r = await run.mutateAsync({ surveyId: id, csv: file.csv, mapping, dryRun: false });
    setImported(r.imported);
    setReport(null);
    setFile(null);
    await queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
  };

  if (survey.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(survey.error)}
      </p>
    );
  if (!survey.data) return <p className="muted">Chargement…</p>;
  const questions = survey.data.questions;
  const labelOf = (qid: string | null) =>
    qid === null ? "—" : (questions.find((q) => q.id === qid)?.label ?? qid);

  return (
    <section>
      <h1>{survey.data.title}</h1>
      <SurveyTabs id={id} />
      <h2>Importer des réponses</h2>
      <p className="muted">
        Export CSV des réponses de LimeSurvey (ou d'un autre outil) : une colonne par question,
        nommée par son code. Les colonnes qui identifieraient quelqu'un (adresse IP, jeton, date
        précise) ne sont jamais importées ; seule la date du jour de réponse est gardée.
      </p>
      <div className="field">
        <label htmlFor="import-file">Fichier CSV</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void onFile(e)}
        />
      </div>
      {tooLarge && (
        <p role="alert" className="notice notice--error">
          {tooLarge}
        </p>
      )}
      {run.isPending && <p className="muted">Vérification…</p>}
      {run.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(run.error)}
        </p>
      )}
      <div role="status">
        {imported !== null && (
          <p className="notice notice--ok">
            {formatCount(imported, "réponse importée", "réponses importées")}.
          </p>
        )}
      </div>

      {file && report && mapping && (
        <>
          <h3>Correspondance des colonnes</h3>
          <div className="table-scroll mapping">
            <table className="data">
              <caption className="visually-hidden">Question et colonne du fichier</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Colonne du fichier</th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">
                      {q.label} <code className="muted small">{q.id}</code>
                    </th>
                    <td>
                      <select
                        aria-label={`Colonne pour « ${q.label} »`}
                        value={mapping[q.id] ?? ""}
                        onChange={(e) => setMapping({ ...mapping, [q.id]: e.target.value || null })}
                      >
                        <option value="">— non importée —</option>
                        {report.header.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="survey-status">
            <button
              type="button"
              className="button"
              disabled={run.isPending}
              onClick={() => void check(file.csv, mapping).catch(() => undefined)}
            >
              Vérifier à nouveau avec cette correspondance
            </button>
          </p>

          <h3>Vérification (rien n'est encore enregistré)</h3>
          <p>
            {file.name} : {formatCount(report.rows, "ligne", "lignes")},{" "}
            {formatCount(report.valid, "valable", "valables")},{" "}
            <strong>{formatCount(report.errorCount, "erreur", "erreurs")}</strong>.
          </p>
          {report.errors.length > 0 && (
            <div className="table-scroll">
              <table className="data">
                <caption>
                  Lignes en erreur
                  {report.errorCount > report.errors.length &&
                    ` (les ${report.errors.length} premières sur ${formatNumber(report.errorCount)})`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Ligne
                    </th>
                    <th scope="col">Question</th>
                    <th scope="col">Erreur</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several errors on one question
                    <tr key={`${e.line}-${e.questionId}-${i}`}>
                      <td className="num">{e.line}</td>
                      <td>{labelOf(e.questionId)}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={run.isPending || report.errorCount > 0 || report.valid === 0}
              onClick={() => void apply().catch(() => undefined)}
            >
              Importer {formatCount(report.valid, "réponse", "réponses")}
            </button>{" "}
            {report.errorCount > 0 && (
              <span className="muted">
                Corrigez le fichier : rien n'est importé tant qu'une ligne est en erreur.
              </span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
