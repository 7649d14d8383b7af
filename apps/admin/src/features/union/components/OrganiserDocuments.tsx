import { ROUTES } from "@tribune/domain/routes";
import { BADGE_FORMAT_LABELS, BADGE_FORMATS, type BadgeFormat } from "@tribune/domain/union";
import { useState } from "react";
import { downloadPdf } from "../../../ui/download";
import { Field } from "../../../ui/Field";
import { useSubdivisionOptions } from "../shared";
import "./attendee.css";

/**
 * The organisers' prints on the registrations page: badges (everyone holding a place, one
 * subdivision, or those registered since a day; A6 or card size) and every checked-in
 * attendee's attendance certificate. Rendered by the server's PDF worker; audited there.
 */
export function OrganiserDocuments({ year }: { year: number }) {
  const subdivisions = useSubdivisionOptions();
  const [format, setFormat] = useState<BadgeFormat>("a6");
  const [subdivisionId, setSubdivisionId] = useState("");
  const [since, setSince] = useState("");
  const [busy, setBusy] = useState<"badges" | "certificates" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (what: "badges" | "certificates", url: string, fileName: string) => {
    setBusy(what);
    setProblem(null);
    try {
      await downloadPdf(url, fileName);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const badgesUrl = () => {
    const params = new URLSearchParams({ format });
    if (subdivisionId) params.set("subdivision", subdivisionId);
    if (since) params.set("depuis", since);
    return `${ROUTES.badgesPdf.url(year)}?${params}`;
  };

  return (
    <details className="card organiser-documents">
      <summary>Badges et attestations de présence</summary>
      <form
        className="organiser-documents__badges"
        onSubmit={(event) => {
          event.preventDefault();
          void run("badges", badgesUrl(), `badges-${year}.pdf`);
        }}
      >
        <Field label="Format">
          {(props) => (
            <select
              {...props}
              value={format}
              onChange={(event) => setFormat(event.target.value as BadgeFormat)}
            >
              {BADGE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {BADGE_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Subdivision">
          {(props) => (
            <select
              {...props}
              value={subdivisionId}
              onChange={(event) => setSubdivisionId(event.target.value)}
            >
              <option value="">Toutes</option>
              {(subdivisions.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Inscrit·es depuis le (facultatif)">
          {(props) => (
            <input
              {...props}
              type="date"
              value={since}
              onChange={(event) => setSince(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === "badges" ? "Préparation des badges…" : "Imprimer les badges (PDF)"}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() =>
            void run(
              "certificates",
              ROUTES.certificatesPdf.url(year),
              `attestations-de-presence-${year}.pdf`,
            )
          }
        >
          {busy === "certificates"
            ? "Préparation des attestations…"
            : "Télécharger toutes les attestations de présence (PDF)"}
        </button>
      </p>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
    </details>
  );
}
