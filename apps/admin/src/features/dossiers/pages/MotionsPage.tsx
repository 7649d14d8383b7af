import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DOSSIER_EDITORS } from "@tribune/domain/auth";
import {
  VOTE_CHOICE_LABELS,
  VOTE_CHOICES,
  VOTE_RULE_LABELS,
  type VoteChoice,
} from "@tribune/domain/dossiers";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import "../../../ui/catalog/catalog.css";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { DeleteDialog } from "../../../ui/DeleteDialog";
import { EmptyState } from "../../../ui/EmptyState";
import { MeetingsPanel } from "../components/MeetingsPanel";
import { MotionForm, votesCast } from "../components/MotionForm";
import { meetingLabel } from "../meetings";
import "./dossiers.css";

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
      {list.data?.length === 0 && (
        <EmptyState>
          Aucune motion enregistrée.
          {canCreate && " Ajoutez-en une avec « Nouvelle motion » ci-dessus."}
        </EmptyState>
      )}
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
      {selected && <MotionVotes id={selected} canEdit={canCreate} onDeleted={() => select(null)} />}
      {canCreate && <MeetingsPanel />}
    </section>
  );
}

function MotionVotes({
  id,
  canEdit,
  onDeleted,
}: {
  id: string;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const motion = useQuery(trpc.motion.get.queryOptions({ id }));
  const vote = useMutation(trpc.motion.vote.mutationOptions());
  const remove = useMutation(trpc.motion.delete.mutationOptions());
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
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

  if (editing) return <MotionForm motion={m} onDone={() => setEditing(false)} />;
  const voted = votesCast(m);
  return (
    <article className="dossier" aria-labelledby="motion-title">
      <h2 id="motion-title">{m.title}</h2>
      <p className="muted">
        {meetingLabel(m.meeting)} · {VOTE_RULE_LABELS[m.rule]}
      </p>
      <p style={{ whiteSpace: "pre-wrap" }}>{m.text}</p>
      {canEdit && (
        <div className="catalog__actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Modifier la motion
          </button>
          {voted === 0 ? (
            <button type="button" className="button" onClick={() => setDeleting(true)}>
              Supprimer la motion
            </button>
          ) : (
            <span className="muted">
              Une motion votée reste au registre : elle ne se supprime pas.
            </span>
          )}
        </div>
      )}
      {deleting && (
        <DeleteDialog
          forceable={false}
          title={`Supprimer la motion « ${m.title} » ?`}
          remove={() => remove.mutateAsync({ id: m.id })}
          onDeleted={() => {
            setDeleting(false);
            onDeleted();
            void queryClient.invalidateQueries({ queryKey: trpc.motion.pathKey() });
          }}
          onCancel={() => setDeleting(false)}
        />
      )}
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
