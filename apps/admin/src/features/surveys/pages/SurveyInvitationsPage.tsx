import { zodResolver } from "@hookform/resolvers/zod";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCount, formatDateTime, formatNumber } from "@tribune/domain/format";
import {
  CAMPAIGN_STATUS_LABELS,
  campaignProgress,
  describeCampaignProgress,
  describeMembersLeftOut,
  INVITATION_RATE,
  type InvitationCampaign,
  InvitationForm,
  type InvitationOverview,
  invitationStartInput,
  parseAddressList,
} from "@tribune/domain/surveys";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { ChangeEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { SurveyTabs } from "../components/SurveyTabs";

/**
 * Invitations by e-mail to one survey: a list of addresses (pasted or from a file) or the members
 * of subdivisions, and a rate; each address receives its own one-time link. The progress bar
 * moves with each batch the server sends (the live stream), the counts beside it. Nothing on
 * this page — nor on the server — ever pairs an address with its link.
 */
export default function SurveyInvitationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const survey = useQuery(trpc.survey.get.queryOptions(id ? { id } : skipToken));
  const overview = useQuery(trpc.survey.invitations.get.queryOptions(id ? { id } : skipToken));
  useSubscription(
    trpc.survey.invitations.live.subscriptionOptions(id ? { id } : skipToken, {
      onData: (data) =>
        queryClient.setQueryData(
          trpc.survey.invitations.get.queryKey({ id }),
          data as InvitationOverview,
        ),
    }),
  );
  const subdivisions = useQuery(trpc.subdivision.options.queryOptions());
  const start = useMutation(
    trpc.survey.invitations.start.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.survey.invitations.get.queryKey({ id }) }),
    }),
  );
  const pause = useMutation(
    trpc.survey.invitations.pause.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.survey.invitations.get.queryKey({ id }) }),
    }),
  );
  const form = useForm<InvitationForm>({
    resolver: zodResolver(InvitationForm),
    defaultValues: { mode: "list", text: "", subdivisionIds: [], rate: INVITATION_RATE.default },
  });
  const [mode, text] = useWatch({ control: form.control, name: ["mode", "text"] });
  const list = mode === "list" && text.trim() ? parseAddressList(text) : null;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    form.setValue("text", await file.text(), { shouldValidate: true });
  };

  const error = survey.error ?? overview.error;
  if (error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(error)}
      </p>
    );
  if (!survey.data || !overview.data) return <p className="muted">Chargement…</p>;
  const { campaign, invited, canSend } = overview.data;
  const running = campaign?.status === "running";

  return (
    <section>
      <h1>{survey.data.title}</h1>
      <SurveyTabs id={id} />
      <h2>Invitations par courriel</h2>
      <p className="muted">
        Chaque adresse reçoit son propre lien de réponse, à usage unique. Tribune ne garde jamais
        quelle adresse a reçu quel lien : seulement les nombres d'envois, et de quoi ne pas inviter
        deux fois la même adresse.
      </p>
      {!canSend && (
        <p className="notice notice--error">
          Ce serveur n'envoie pas de courriel par SMTP (TRIBUNE_SMTP_URL) : les invitations ne
          peuvent pas partir d'ici.
        </p>
      )}
      <p>
        {formatCount(invited, "adresse déjà invitée", "adresses déjà invitées")} à cette enquête.
      </p>
      {campaign && <CampaignProgress campaign={campaign} />}
      {running && (
        <p>
          <button
            type="button"
            className="button"
            disabled={pause.isPending}
            onClick={() => pause.mutate({ id })}
          >
            Mettre en pause
          </button>
        </p>
      )}
      {pause.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(pause.error)}
        </p>
      )}

      <form
        className="card"
        noValidate
        onSubmit={form.handleSubmit((values) => start.mutate(invitationStartInput(id, values)))}
      >
        <fieldset>
          <legend>Destinataires</legend>
          <label>
            <input type="radio" value="list" {...form.register("mode")} /> Une liste d'adresses
          </label>
          <label>
            <input type="radio" value="subdivisions" {...form.register("mode")} /> Les adhérent·es
            de subdivisions
          </label>
        </fieldset>
        {mode === "list" ? (
          <>
            <Field
              label="Adresses"
              hint="Une ou plusieurs par ligne, séparées par des espaces, virgules ou points-virgules ; « Nom <adresse> » accepté."
              error={form.formState.errors.text?.message}
            >
              {(props) => <textarea {...props} rows={8} {...form.register("text")} />}
            </Field>
            <div className="field">
              <label htmlFor="invitation-file">Ou un fichier (texte ou CSV d'une colonne)</label>
              <input
                id="invitation-file"
                type="file"
                accept=".txt,.csv,text/plain,text/csv"
                onChange={(e) => void onFile(e)}
              />
            </div>
            {list && list.invalid.length === 0 && (
              <p className="muted" role="status">
                {formatCount(list.addresses.length, "adresse", "adresses")}
                {list.duplicates > 0
                  ? `, ${formatCount(list.duplicates, "doublon ignoré", "doublons ignorés")}`
                  : ""}
                .
              </p>
            )}
          </>
        ) : (
          <fieldset>
            <legend>Subdivisions</legend>
            {subdivisions.data?.map((s) => (
              <label key={s.id}>
                <input type="checkbox" value={s.id} {...form.register("subdivisionIds")} /> {s.name}
              </label>
            ))}
            {form.formState.errors.subdivisionIds?.message && (
              <p className="field__error" role="alert">
                {form.formState.errors.subdivisionIds.message}
              </p>
            )}
          </fieldset>
        )}
        <Field
          label="Débit (messages par minute)"
          hint={`De ${INVITATION_RATE.min} à ${formatNumber(INVITATION_RATE.max)} ; les envois partent par lots, à ce rythme.`}
          error={form.formState.errors.rate?.message}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={INVITATION_RATE.min}
              max={INVITATION_RATE.max}
              {...form.register("rate", { valueAsNumber: true })}
            />
          )}
        </Field>
        {start.data && describeMembersLeftOut(start.data.membersLeftOut) && (
          <p role="status" className="notice">
            {describeMembersLeftOut(start.data.membersLeftOut)}
          </p>
        )}
        {start.error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(start.error)}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={!canSend || running || start.isPending}
        >
          {start.isPending ? "Démarrage…" : "Envoyer les invitations"}
        </button>
      </form>
    </section>
  );
}

/** The latest campaign: its state, a progress bar and its counts. */
function CampaignProgress({ campaign }: { campaign: InvitationCampaign }) {
  const share = campaignProgress(campaign);
  return (
    <div className="card" aria-live="polite">
      <p>
        <strong>{CAMPAIGN_STATUS_LABELS[campaign.status]}</strong> — commencé le{" "}
        {formatDateTime(campaign.startedAt)}
        {campaign.skipped > 0 &&
          ` (${formatCount(campaign.skipped, "adresse déjà invitée, ignorée", "adresses déjà invitées, ignorées")})`}
      </p>
      <progress
        aria-label="Progression de l'envoi"
        max={campaign.total}
        value={campaign.sent + campaign.bounced + campaign.failed}
        style={{ width: "100%" }}
      >
        {Math.round(share * 100)} %
      </progress>
      <p>{describeCampaignProgress(campaign)}</p>
      {campaign.status === "interrupted" || campaign.status === "paused" ? (
        <p className="muted">
          Pour reprendre, envoyez à nouveau la même liste : les adresses déjà invitées sont
          ignorées, les autres reçoivent un nouveau lien.
        </p>
      ) : null}
      {campaign.bounced > 0 && (
        <p className="muted">
          Les adresses refusées par le serveur de courriel ne sont pas connues de Tribune : elles
          recevront un lien si la liste est envoyée à nouveau.
        </p>
      )}
    </div>
  );
}
