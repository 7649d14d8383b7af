import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatCount, formatNumber } from "@tribune/domain/format";
import {
  allowedStatuses,
  SURVEY_STATUS_ACTIONS,
  SURVEY_STATUS_LABELS,
  type SurveyBuilderView,
} from "@tribune/domain/surveys";
import { useNavigate } from "react-router";
import { errorMessage, useTRPC } from "../../../../app/trpc";
import { ShareLink } from "../ShareLink";
import { InvitationLinks } from "./InvitationLinks";

/**
 * What the builder says of a survey's answers. Locking goes by `hasAnswers` (the server's rule:
 * answers received, those waiting to enter the results included), never by the count, which
 * stays at 0 until a batch enters the results, and moves in steps while health data is withheld.
 */
function answersNotice(view: SurveyBuilderView): string {
  if (!view.hasAnswers) return "Aucune réponse.";
  if (view.withheld)
    return view.responses === 0
      ? `Des réponses ont été reçues, moins de ${view.withheld.step} (données de santé : comptées par paliers de ${view.withheld.step}).`
      : `${formatNumber(view.responses)} réponses reçues ou plus (données de santé : comptées par paliers de ${view.withheld.step}).`;
  if (view.responses === 0)
    return `Des réponses ont été reçues : elles entrent dans les résultats par lots de ${view.batch}.`;
  return `${formatCount(view.responses, "réponse", "réponses")}.`;
}

/** The survey's status, its answers so far, its links, and the moves its status allows. */
export function StatusPanel({ view }: { view: SurveyBuilderView }) {
  const { survey } = view;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
  const setStatus = useMutation(trpc.survey.setStatus.mutationOptions({ onSuccess }));
  const remove = useMutation(
    trpc.survey.delete.mutationOptions({
      onSuccess: async () => {
        await onSuccess();
        navigate("/enquetes");
      },
    }),
  );
  const link = `${window.location.origin}/public/enquete/${survey.slug}`;
  return (
    <div className="card survey-card">
      <h2>Statut : {SURVEY_STATUS_LABELS[survey.status]}</h2>
      <p className="muted">
        {answersNotice(view)}{" "}
        {survey.status === "open" && survey.anonymity === "anonymous" && (
          <>
            Lien de réponse : <a href={link}>{link}</a> (avec un jeton à usage unique par personne)
          </>
        )}
        {survey.status === "open" &&
          survey.anonymity === "open_link" &&
          "Lien de réponse, à partager :"}
      </p>
      {survey.status === "open" && survey.anonymity === "open_link" && (
        <ShareLink url={link} title={survey.title} />
      )}
      {survey.status === "open" && survey.anonymity === "anonymous" && (
        <InvitationLinks surveyId={survey.id} slug={survey.slug} />
      )}
      <div className="survey-status">
        {allowedStatuses(survey.status).map((to) => (
          <button
            key={to}
            type="button"
            className={to === "draft" ? "button" : "button button--primary"}
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: survey.id, status: to })}
          >
            {SURVEY_STATUS_ACTIONS[to]}
          </button>
        ))}
        {survey.status === "draft" && !view.hasAnswers && (
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Supprimer le brouillon « ${survey.title} » ?`))
                remove.mutate({ id: survey.id });
            }}
          >
            Supprimer le brouillon
          </button>
        )}
      </div>
      {(setStatus.error || remove.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(setStatus.error ?? remove.error)}
        </p>
      )}
    </div>
  );
}
