import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api";
import {
  DOSSIER_EDITORS,
  MotionInput,
  VOTE_CHOICE_LABELS,
  VOTE_CHOICES,
  VOTE_RULE_LABELS,
  VOTE_RULES,
  type VoteChoice,
  type VoteRule,
} from "@tribune/domain";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useSearchParams } from "react-router";
import { hasRole, useMe } from "../auth/useMe";
import { FormFooter } from "../catalog/CatalogLayout";
import { apiResolver, showServerError } from "../catalog/forms";
import "../catalog/catalog.css";
import { errorMessage, useTRPC } from "../trpc";
import { formatLongDate } from "./format";
import "./dossiers.css";

type Meeting = RouterOutputs["motion"]["meetings"][number];

export const meetingLabel = (m: Meeting) =>
  `${m.city}, ${m.date ? formatLongDate(m.date) : "date non précisée"}`;

export default function MotionsPage() {
  const trpc = useTRPC();
  const me = useMe();
  const canCreate = hasRole(me.data?.role, DOSSIER_EDITORS);
  const [params, setParams] = useSearchParams();
  const selected = params.get("motion");
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.motion.list.queryOptions());

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("motion", id);
    else next.delete("motion");
    setParams(next);
  };

  return (
    <section className="dossiers">
      <h1>Motions du Conseil d'Administration</h1>
      <p className="muted">
        Une voix par subdivision ; adoptée à la majorité simple des suffrages exprimés sauf règle
        contraire. Abstentions et absences ne sont pas comptées.
      </p>
      {canCreate && !creating && (
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          Nouvelle motion
        </button>
      )}
      {creating && <MotionForm onDone={() => setCreating(false)} />}
      {list.isError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(list.error)}
        </p>
      )}
      {list.data?.length === 0 && <p className="muted">Aucune motion enregistrée.</p>}
      {list.data && list.data.length > 0 && (
        <table className="votes">
          <caption className="visually-hidden">Motions et résultats</caption>
          <thead>
            <tr>
              <th scope="col">Motion</th>
              <th scope="col">Conseil d'Administration</th>
              <th scope="col">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-current={selected === m.id || undefined}
                    onClick={() => select(m.id)}
                  >
                    {m.title}
                  </button>
                  {m.synthetic && <span className="badge"> donnée de démonstration</span>}
                </th>
                <td>{meetingLabel(m.meeting)}</td>
                <td>
                  {m.result.adopted ? "Adoptée" : "Non adoptée"} ({m.result.pour} pour,{" "}
                  {m.result.contre} contre)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <MotionVotes id={selected} />}
    </section>
  );
}

function MotionVotes({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const motion = useQuery(trpc.motion.get.queryOptions({ id }));
  const vote = useMutation(trpc.motion.vote.mutationOptions());
  const [status, setStatus] = useState<string | null>(null);
  const role = me.data?.role;
  const canVoteFor = (subdivisionId: string) =>
    role === "admin" || (role === "representative" && me.data?.subdivisionId === subdivisionId);

  if (motion.isPending) return <p className="muted">Chargement…</p>;
  if (motion.isError)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(motion.error)}
      </p>
    );
  const m = motion.data;

  async function record(subdivisionId: string, subdivisionName: string, choice: VoteChoice) {
    setStatus(null);
    try {
      await vote.mutateAsync({ motionId: id, subdivisionId, choice });
      await queryClient.invalidateQueries({ queryKey: trpc.motion.pathKey() });
      setStatus(`Vote de ${subdivisionName} enregistré : ${VOTE_CHOICE_LABELS[choice]}.`);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <article className="dossier" aria-labelledby="motion-title">
      <h2 id="motion-title">{m.title}</h2>
      <p className="muted">
        {meetingLabel(m.meeting)} · {VOTE_RULE_LABELS[m.rule]}
      </p>
      <p style={{ whiteSpace: "pre-wrap" }}>{m.text}</p>
      <p>
        <strong>{m.result.explanation}</strong>
      </p>
      <div role="status">{status && <p className="notice">{status}</p>}</div>
      <table className="votes">
        <caption>Vote par subdivision</caption>
        <thead>
          <tr>
            <th scope="col">Subdivision</th>
            <th scope="col">Vote</th>
          </tr>
        </thead>
        <tbody>
          {m.votes.map((v) => (
            <tr key={v.subdivisionId}>
              <th scope="row">{v.subdivisionName}</th>
              <td>
                {canVoteFor(v.subdivisionId) ? (
                  <select
                    aria-label={`Vote de ${v.subdivisionName}`}
                    value={v.choice ?? ""}
                    disabled={vote.isPending}
                    onChange={(e) =>
                      e.target.value &&
                      record(v.subdivisionId, v.subdivisionName, e.target.value as VoteChoice)
                    }
                  >
                    <option value="">— non enregistré —</option>
                    {VOTE_CHOICES.map((c) => (
                      <option key={c} value={c}>
                        {VOTE_CHOICE_LABELS[c]}
                      </option>
                    ))}
                  </select>
                ) : v.choice ? (
                  VOTE_CHOICE_LABELS[v.choice]
                ) : (
                  <span className="muted">non enregistré</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

type Fields = {
  meetingId: string;
  title: string;
  text: string;
  rule: VoteRule;
  synthetic: boolean;
};
const FIELDS = ["meetingId", "title", "text", "rule", "synthetic"] as const;

function MotionForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meetings = useQuery(trpc.motion.meetings.queryOptions());
  const create = useMutation(trpc.motion.create.mutationOptions());
  const ids = {
    meeting: useId(),
    title: useId(),
    text: useId(),
    rule: useId(),
    synthetic: useId(),
  };
  const form = useForm<Fields, unknown, MotionInput>({
    resolver: apiResolver<Fields, MotionInput>(MotionInput, (v) => v, FIELDS),
    defaultValues: { meetingId: "", title: "", text: "", rule: "simple", synthetic: false },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.motion.pathKey() });
      onDone();
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });
  const error = (message: string | undefined) =>
    message && (
      <p className="field__error" role="alert">
        {message}
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Nouvelle motion" className="dossier">
      <div className="field">
        <label htmlFor={ids.meeting}>Conseil d'Administration</label>
        <select id={ids.meeting} {...form.register("meetingId")}>
          <option value="">— choisir —</option>
          {(meetings.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {meetingLabel(m)}
            </option>
          ))}
        </select>
        {error(errors.meetingId?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.title}>Titre</label>
        <input id={ids.title} type="text" {...form.register("title")} />
        {error(errors.title?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.text}>Texte de la motion</label>
        <textarea id={ids.text} rows={6} {...form.register("text")} />
        {error(errors.text?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.rule}>Règle de vote</label>
        <select id={ids.rule} {...form.register("rule")}>
          {VOTE_RULES.map((r) => (
            <option key={r} value={r}>
              {VOTE_RULE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <label className="field__choice" htmlFor={ids.synthetic}>
        <input id={ids.synthetic} type="checkbox" {...form.register("synthetic")} /> Donnée de
        démonstration (pas une décision réelle)
      </label>
      <FormFooter
        error={errors.root?.server?.message}
        submitting={isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
