import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SESSION_KIND_LABELS, SESSION_KINDS, type SessionKind } from "@tribune/domain/congress";
import { formatCount } from "@tribune/domain/format";
import {
  FALLBACK_KIND,
  type ImportKindLine,
  type KindMapping,
  MAX_PROGRAMME_IMPORT_BYTES,
  type ProgrammeImportReport,
} from "@tribune/domain/schedule";
import { type ChangeEvent, useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import "./programme-import.css";

const MEGABYTES = Math.round(MAX_PROGRAMME_IMPORT_BYTES / 1024 / 1024);

/** What the report says, in lists a person scans. */
function ReportView({ report }: { report: ProgrammeImportReport }) {
  if (report.fileRefusal)
    return (
      <p role="alert" className="notice notice--error">
        Fichier refusé : {report.fileRefusal}
      </p>
    );
  return (
    <div className="programme-import__report">
      <p>
        {formatCount(report.created, "session créée", "sessions créées")},{" "}
        {formatCount(report.updated, "mise à jour", "mises à jour")},{" "}
        {formatCount(report.skipped, "inchangée", "inchangées")}
        {report.applied ? "." : " (aperçu : rien n'est encore écrit)."}
      </p>
      {report.roomsCreated.length > 0 && <p>Salles créées : {report.roomsCreated.join(", ")}</p>}
      {report.speakersCreated.length > 0 && (
        <p>Intervenant·es ajouté·es : {report.speakersCreated.join(", ")}</p>
      )}
      {report.unmappedKinds.length > 0 && (
        <p>
          Types sans correspondance, importés en « {SESSION_KIND_LABELS[FALLBACK_KIND]} » sauf choix
          contraire ci-dessous : {report.unmappedKinds.join(" ; ")}
        </p>
      )}
      {report.conflicts.length > 0 && (
        <ul aria-label="Conflits">
          {report.conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {report.wrongDates && (
        <p role="alert" className="notice notice--warning">
          {report.wrongDates}
        </p>
      )}
      {report.refused.length > 0 && (
        <RefusedLines lines={report.refused} folded={report.wrongDates !== null} />
      )}
    </div>
  );
}

/** Beyond this many, the refused sessions are listed folded: the summary says enough. */
const REFUSALS_SHOWN_OPEN = 10;

/** The sessions the import leaves out, each with its reason. */
function RefusedLines({
  lines,
  folded,
}: {
  lines: ProgrammeImportReport["refused"];
  /** Folded whatever their number: a sentence above already says why (wrong dates). */
  folded: boolean;
}) {
  const table = (
    <table className="data" aria-label="Sessions refusées">
      <thead>
        <tr>
          <th scope="col" className="num">
            N°
          </th>
          <th scope="col">Session</th>
          <th scope="col">Raison</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.position}>
            <td className="num">{line.position}</td>
            <td>{line.title ?? line.guid ?? "—"}</td>
            <td>{line.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!folded && lines.length <= REFUSALS_SHOWN_OPEN) return table;
  return (
    <details className="programme-import__refused">
      <summary>Voir {formatCount(lines.length, "session refusée", "sessions refusées")}</summary>
      {table}
    </details>
  );
}

/**
 * The file's session types and the kind each becomes: the organiser changes a line, the
 * preview follows. The choices are kept for the edition's next import.
 */
function KindTable({
  lines,
  onChange,
  disabled,
}: {
  lines: ImportKindLine[];
  onChange: (value: string, kind: SessionKind) => void;
  disabled: boolean;
}) {
  return (
    <table className="data" aria-label="Types de session du fichier">
      <caption className="muted">
        Chaque type (ou piste) du fichier devient un type de session de Tribune ; vos choix sont
        gardés pour le prochain import de cette édition.
      </caption>
      <thead>
        <tr>
          <th scope="col">Dans le fichier</th>
          <th scope="col">Sessions</th>
          <th scope="col">Devient</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.value}>
            <th scope="row">
              {line.value}
              {!line.known && <span className="muted"> (non reconnu)</span>}
            </th>
            <td>{line.sessions}</td>
            <td>
              <select
                aria-label={`Type de session pour « ${line.value} »`}
                value={line.kind}
                disabled={disabled}
                onChange={(e) => onChange(line.value, e.target.value as SessionKind)}
              >
                {SESSION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {SESSION_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Importing a programme drafted in another tool (frab, pretalx: schedule.json or .xml): the
 * file is checked first (a preview of what would be created, updated, refused), and imported
 * only when nothing is refused — new sessions as drafts.
 */
export function ProgrammeImport({ editionId }: { editionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [report, setReport] = useState<ProgrammeImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<KindMapping>({});
  const run = useMutation(trpc.schedule.import.mutationOptions());
  const preview = async (content: string, kindMapping: KindMapping) =>
    setReport(
      await run.mutateAsync({ editionId, content, kindMapping, dryRun: true }).catch(() => null),
    );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    setReport(null);
    setProblem(null);
    if (chosen.size > MAX_PROGRAMME_IMPORT_BYTES) {
      setFile(null);
      setProblem(`Fichier trop volumineux : ${MEGABYTES} Mo au plus.`);
      return;
    }
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    setMapping({});
    await preview(content, {});
  };
  const choose = async (value: string, kind: SessionKind) => {
    if (!file) return;
    const next = { ...mapping, [value]: kind };
    setMapping(next);
    await preview(file.content, next);
  };
  const apply = async () => {
    if (!file) return;
    setReport(
      await run
        .mutateAsync({ editionId, content: file.content, kindMapping: mapping })
        .catch(() => null),
    );
    setFile(null);
    await queryClient.invalidateQueries({ queryKey: trpc.schedule.pathKey() });
  };
  const sound =
    report !== null &&
    !report.applied &&
    !report.fileRefusal &&
    report.refused.length === 0 &&
    report.conflicts.length === 0;

  return (
    <section className="programme-import" aria-labelledby="programme-import-title">
      <h2 id="programme-import-title">Importer un programme</h2>
      <p className="muted">
        Export schedule.json ou schedule.xml de frab ou pretalx. Les nouvelles sessions arrivent en
        brouillon ; un nouvel import du même fichier met à jour les mêmes sessions.
      </p>
      <label className="programme-import__file">
        Fichier du programme
        <input type="file" accept=".json,.xml,application/json,application/xml" onChange={onFile} />
      </label>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {run.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(run.error)}
        </p>
      )}
      {report && <ReportView report={report} />}
      {report && file && !report.applied && report.kinds.length > 0 && (
        <KindTable lines={report.kinds} onChange={choose} disabled={run.isPending} />
      )}
      {report?.applied && (
        <p role="status">Programme importé : les nouvelles sessions sont en brouillon.</p>
      )}
      {sound && file && (
        <button type="button" className="button" onClick={apply} disabled={run.isPending}>
          Importer {formatCount(report.created + report.updated, "session", "sessions")}
        </button>
      )}
    </section>
  );
}
