import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDay, formatNumber, formatShortDate, pluralForm } from "@tribune/domain/format";
import { withheldNotice } from "@tribune/domain/surveys";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";
import { HorizontalBars, ResponsesOverTime, SubdivisionsOverTime } from "../components/charts";
import { SurveyTabs } from "../components/SurveyTabs";

const count = (n: number) => formatNumber(n);

/**
 * Collection status: responses per subdivision (small ones masked) and over time. While a
 * sensitive survey collects, progress only: the total in steps, day by day, and why.
 */
export default function SurveyCollectionPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const survey = useQuery(trpc.survey.get.queryOptions(id ? { id } : skipToken));
  const status = useQuery(trpc.survey.collection.queryOptions(id ? { id } : skipToken));
  // Reloaded when the server says answers came in (and on reconnecting, in case some were missed).
  const queryClient = useQueryClient();
  useSubscription(
    trpc.survey.live.subscriptionOptions(id ? { id } : skipToken, {
      onData: () =>
        queryClient.invalidateQueries({ queryKey: trpc.survey.collection.queryKey({ id }) }),
    }),
  );
  const error = survey.error ?? status.error;
  if (error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(error)}
      </p>
    );
  if (!survey.data || !status.data) return <p className="muted">Chargement…</p>;
  const c = status.data;
  const last = c.byDay.at(-1);
  // The series is masked entirely until it starts (see the domain's rule), then day by day.
  const shownDays = c.bySubdivisionOverTime.filter((d) => d.cumulative.some((n) => n !== null));
  const maskedDays = c.bySubdivisionOverTime.length - shownDays.length;
  return (
    <section>
      <h1>{survey.data.title}</h1>
      <SurveyTabs id={id} />
      <h2>Collecte des réponses</h2>
      {c.withheld ? (
        <p role="status" className="notice notice--warning" data-testid="collection-withheld">
          {withheldNotice(c.withheld)}
        </p>
      ) : (
        <p>
          <strong data-testid="collection-total">{count(c.total)}</strong>{" "}
          {pluralForm(c.total, "réponse", "réponses")}
          {last && <> · dernière le {formatDay(last.day)}</>}
          {c.synthetic && <span className="muted"> · dont des réponses synthétiques</span>}
        </p>
      )}

      <h3>Au fil des jours</h3>
      {c.byDay.length === 0 && !c.withheld ? (
        <EmptyState>{noAnswerYet(survey.data)}</EmptyState>
      ) : c.byDay.length === 0 && c.withheld ? (
        <p className="muted">
          Moins de {c.withheld.step} réponses pour l'instant : rien à montrer avant le premier
          palier.
        </p>
      ) : (
        <>
          <ResponsesOverTime data={c.byDay} />
          <details>
            <summary>Tableau jour par jour</summary>
            <div className="table-scroll">
              <table className="data">
                <caption className="visually-hidden">Réponses par jour</caption>
                <thead>
                  <tr>
                    <th scope="col">Jour</th>
                    <th scope="col" className="num">
                      Réponses
                    </th>
                    <th scope="col" className="num">
                      Total cumulé
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.byDay.map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{formatShortDate(d.day)}</th>
                      <td className="num">{count(d.responses)}</td>
                      <td className="num">{count(d.cumulative)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}

      <h3>Par subdivision</h3>
      {c.withheld ? (
        <p className="muted">
          Pas de décompte par subdivision tant que l'enquête est ouverte : la subdivision est une
          réponse, elle aussi.
        </p>
      ) : c.bySubdivision.length === 0 ? (
        <p className="muted">Cette enquête ne demande pas la subdivision.</p>
      ) : (
        <>
          <p className="muted">
            Seuil de confidentialité : {c.threshold}. Une subdivision en dessous est masquée, et une
            autre avec elle quand il le faut pour qu'on ne la retrouve pas par soustraction.
          </p>
          {c.bySubdivision.some((s) => s.responses !== null) ? (
            <HorizontalBars
              data={c.bySubdivision.map((s) => ({ label: s.subdivision, value: s.responses }))}
            />
          ) : (
            <p className="notice notice--warning">
              Trop peu de réponses pour montrer une subdivision : toutes sont masquées.
            </p>
          )}
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Réponses par subdivision</caption>
              <thead>
                <tr>
                  <th scope="col">Subdivision</th>
                  <th scope="col" className="num">
                    Réponses
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.bySubdivision.map((s) => (
                  <tr
                    key={s.subdivisionId ?? s.subdivision}
                    className={s.responses === null ? "suppressed" : undefined}
                  >
                    <th scope="row">{s.subdivision}</th>
                    <td className="num">{s.responses === null ? "masqué" : count(s.responses)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {!c.withheld && c.bySubdivision.length > 0 && c.byDay.length > 0 && (
        <>
          <h3>Par subdivision au fil des jours</h3>
          <p className="muted">
            Total cumulé de chaque subdivision montrée. Les subdivisions masquées dans le tableau
            ci-dessus le restent tous les jours, et la série ne commence qu'une fois chaque
            subdivision montrée au seuil — jamais le jour où une seule l'atteint : on ne peut pas
            retrouver un effectif masqué en comparant deux jours.
          </p>
          {shownDays.length > 0 ? (
            <SubdivisionsOverTime
              names={c.bySubdivision.map((s) => s.subdivision)}
              data={c.bySubdivisionOverTime}
            />
          ) : (
            <p className="notice notice--warning">
              Pas encore assez de réponses pour suivre une subdivision jour par jour.
            </p>
          )}
          {shownDays.length > 0 && (
            <details>
              <summary>Tableau par subdivision et par jour</summary>
              {maskedDays > 0 && (
                <p className="muted">
                  Jusqu'au {formatDay(c.byDay[maskedDays - 1]?.day ?? "")} : tout est masqué, la
                  série n'a pas encore commencé.
                </p>
              )}
              <div className="table-scroll">
                <table className="data">
                  <caption className="visually-hidden">
                    Total cumulé des réponses par subdivision et par jour
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Subdivision</th>
                      {shownDays.map((d) => (
                        <th key={d.day} scope="col" className="num">
                          {formatShortDate(d.day)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {c.bySubdivision.map((s, i) => (
                      <tr key={s.subdivisionId ?? s.subdivision}>
                        <th scope="row">{s.subdivision}</th>
                        {shownDays.map((d) => {
                          const n = d.cumulative[i] ?? null;
                          return (
                            <td key={d.day} className={n === null ? "num suppressed" : "num"}>
                              {n === null ? "masqué" : count(n)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** What an empty collection says, and what the bureau can do about it. */
function noAnswerYet(survey: { status: string; anonymity: string }): string {
  if (survey.status === "draft")
    return "Aucune réponse : l'enquête est un brouillon. Ouvrez la collecte dans l'onglet « Questionnaire ».";
  if (survey.status !== "open") return "Aucune réponse n'a été reçue pendant la collecte.";
  return survey.anonymity === "open_link"
    ? "Aucune réponse pour l'instant. Partagez le lien public de l'enquête (onglet « Questionnaire »)."
    : "Aucune réponse pour l'instant. Envoyez les liens de réponse depuis l'onglet « Invitations ».";
}
