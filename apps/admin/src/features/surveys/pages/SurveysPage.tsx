import { useQuery } from "@tanstack/react-query";
import { KEY_FIGURE_READERS, SURVEY_MANAGERS, SURVEY_RESULT_READERS } from "@tribune/domain/auth";
import { formatDate, formatNumber } from "@tribune/domain/format";
import { SURVEY_STATUS_LABELS } from "@tribune/domain/surveys";
import { Link } from "react-router";
import { useTRPC } from "../../../app/trpc";
import { QueryState } from "../../../ui/catalog/CatalogLayout";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import "../../union/registration.css";
import "../surveys.css";

/** The surveys with their response counts, and the key figures computed live from them. */
export default function SurveysPage() {
  const trpc = useTRPC();
  const me = useMe();
  const surveys = useQuery(trpc.survey.list.queryOptions());
  const showFigures = hasRole(me.data?.role, KEY_FIGURE_READERS);
  const figures = useQuery({ ...trpc.survey.keyFigures.queryOptions(), enabled: showFigures });
  const canSeeResults = hasRole(me.data?.role, SURVEY_RESULT_READERS);
  const canManage = hasRole(me.data?.role, SURVEY_MANAGERS);

  return (
    <section>
      <div className="page-header">
        <h1>Enquêtes</h1>
        {canManage && (
          <div className="page-header__actions">
            <Link className="button" to="/enquetes/chiffres-cles">
              Modifier les chiffres clés
            </Link>
            <Link className="button button--primary" to="/enquetes/nouvelle">
              Nouvelle enquête
            </Link>
          </div>
        )}
      </div>
      <QueryState
        query={surveys}
        empty={
          canManage
            ? "Aucune enquête pour l'instant. Créez-en une avec « Nouvelle enquête » ci-dessus."
            : "Aucune enquête pour l'instant : le bureau national les crée."
        }
      >
        {(list) => (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Enquêtes et réponses</caption>
              <thead>
                <tr>
                  <th scope="col">Enquête</th>
                  <th scope="col">Partenaires</th>
                  <th scope="col">Statut</th>
                  <th scope="col" className="num">
                    Questions
                  </th>
                  <th scope="col" className="num">
                    Réponses
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {canSeeResults ? <Link to={`/enquetes/${s.id}`}>{s.title}</Link> : s.title}
                      {s.sensitivity === "health" && (
                        <div className="muted small">Données de santé</div>
                      )}
                    </th>
                    <td>{s.partners.join(", ")}</td>
                    <td>{SURVEY_STATUS_LABELS[s.status]}</td>
                    <td className="num">{s.questions}</td>
                    <td className="num">
                      {formatNumber(s.responses)}
                      {s.synthetic && <div className="muted small">données synthétiques</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>

      {showFigures && (
        <>
          <h2>Chiffres clés</h2>
          <p className="muted">
            Calculés à l'instant à partir des réponses enregistrées ; ce sont ceux du dossier de
            presse.
          </p>
          <QueryState
            query={figures}
            empty={
              canManage
                ? "Aucun chiffre clé défini. Définissez-en un avec « Modifier les chiffres clés » ci-dessus."
                : "Aucun chiffre clé défini pour l'instant."
            }
          >
            {(list) => (
              <div className="table-scroll">
                <table className="data">
                  <caption className="visually-hidden">Chiffres clés et provenance</caption>
                  <thead>
                    <tr>
                      <th scope="col">Chiffre</th>
                      <th scope="col">Phrase</th>
                      <th scope="col">Provenance</th>
                      <th scope="col">Publié</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((f) => (
                      <tr key={f.definition.id}>
                        <th scope="row">
                          <code>{f.definition.id}</code>
                        </th>
                        <td>
                          {f.suppressed
                            ? "Masqué (trop peu de répondant·es)"
                            : (f.sentence ?? "Pas de données")}
                        </td>
                        <td>
                          {f.provenance.survey}
                          {f.provenance.year ? ` (${f.provenance.year})` : ""} ·{" "}
                          {formatNumber(f.provenance.respondents)} répondant·es
                          {f.provenance.from && f.provenance.to && (
                            <div className="muted small">
                              du {formatDate(f.provenance.from)} au {formatDate(f.provenance.to)}
                            </div>
                          )}
                          {f.provenance.synthetic && (
                            <div className="muted small">réponses synthétiques (démonstration)</div>
                          )}
                        </td>
                        <td>{f.definition.published ? "Oui" : "Non"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </QueryState>
        </>
      )}
    </section>
  );
}
