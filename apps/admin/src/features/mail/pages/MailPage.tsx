import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCount, formatDateTime } from "@tribune/domain/format";
import {
  MAIL_KIND_LABELS,
  type MailKind,
  OUTBOX_STATUS_LABELS,
  OUTBOX_STATUSES,
  type OutboxStatus,
} from "@tribune/domain/mail";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../../ui/EmptyState";
import { FilterBar, SelectFilter } from "../../../ui/filters";
import "../../../ui/catalog/catalog.css";
import { errorMessage, useTRPC } from "../../../app/trpc";

const isStatus = (value: string | null): value is OutboxStatus =>
  (OUTBOX_STATUSES as readonly string[]).includes(value ?? "");

const kindLabel = (kind: string) => MAIL_KIND_LABELS[kind as MailKind] ?? kind;

/**
 * « Courriels » (administrators): the outbox by status, newest first, without any message's
 * body; a message given up (dead) can be sent again.
 */
export default function MailPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("statut");
  const status = isStatus(statusParam) ? statusParam : undefined;
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.mail.list.queryOptions({ status, limit: 200 }),
    placeholderData: keepPreviousData,
  });
  const resend = useMutation(
    trpc.mail.resend.mutationOptions({
      onSuccess: () => {
        setNotice("Le courriel repart : il sera envoyé dans quelques secondes.");
        return queryClient.invalidateQueries({ queryKey: trpc.mail.pathKey() });
      },
    }),
  );
  const counts = list.data?.counts;

  return (
    <section className="mail">
      <h1>Courriels</h1>
      <p className="muted">
        Les messages envoyés par Tribune, les plus récents en premier (heure de Paris). Un courriel
        refusé est réessayé de plus en plus tard, puis abandonné : « Renvoyer » le remet en route.
      </p>
      {counts && (
        <p>
          {[
            formatCount(counts.sent, "envoyé", "envoyés"),
            formatCount(counts.pending, "en attente", "en attente"),
            formatCount(counts.sending, "en cours d'envoi", "en cours d'envoi"),
            formatCount(counts.dead, "abandonné", "abandonnés"),
          ].join(" · ")}
        </p>
      )}
      <FilterBar>
        <SelectFilter
          label="Statut"
          value={status ?? ""}
          anyLabel="Tous les statuts"
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: OUTBOX_STATUS_LABELS[s] }))}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set("statut", value);
            else next.delete("statut");
            setParams(next, { replace: true });
          }}
        />
      </FilterBar>
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {(list.error || resend.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(list.error ?? resend.error)}
        </p>
      )}
      {!list.data ? (
        !list.error && <p className="muted">Chargement…</p>
      ) : list.data.items.length === 0 ? (
        status ? (
          <EmptyState
            clearLabel="Voir tous les statuts"
            onClear={() => {
              const next = new URLSearchParams(params);
              next.delete("statut");
              setParams(next, { replace: true });
            }}
          >
            Aucun courriel avec le statut «{" "}
            {OUTBOX_STATUS_LABELS[status].toLocaleLowerCase("fr-FR")} ».
          </EmptyState>
        ) : (
          <EmptyState>
            Aucun courriel pour l'instant : les messages que Tribune envoie (confirmations,
            invitations, liens de connexion) apparaîtront ici.
          </EmptyState>
        )
      ) : (
        <div className="catalog__list">
          <table className="data" aria-busy={list.isFetching || undefined}>
            <caption className="visually-hidden">Courriels</caption>
            <thead>
              <tr>
                <th scope="col">Statut</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Objet</th>
                <th scope="col">Type</th>
                <th scope="col">Créé</th>
                <th scope="col">Tentatives</th>
                <th scope="col">Dernière erreur</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{OUTBOX_STATUS_LABELS[m.status]}</td>
                  <td>{m.recipient}</td>
                  <td>{m.subject}</td>
                  <td>{kindLabel(m.kind)}</td>
                  <td>
                    {formatDateTime(m.createdAt)}
                    {m.sentAt && (
                      <span className="muted"> · envoyé {formatDateTime(m.sentAt)}</span>
                    )}
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? ""}</td>
                  <td>
                    {m.status === "dead" && (
                      <button
                        type="button"
                        className="button"
                        disabled={resend.isPending}
                        aria-label={`Renvoyer le courriel à ${m.recipient} : ${m.subject}`}
                        onClick={() => resend.mutate({ id: m.id })}
                      >
                        Renvoyer
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.total > list.data.items.length && (
            <p className="muted">
              {list.data.items.length} affichés sur {list.data.total} : filtrez par statut.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
