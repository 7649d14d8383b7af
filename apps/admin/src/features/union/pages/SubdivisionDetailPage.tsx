import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SUBDIVISION_EDITORS } from "@tribune/domain/auth";
import { formatNumber } from "@tribune/domain/format";
import { SubdivisionUpdate, YEAR_OF_TRAINING_LABELS } from "@tribune/domain/union";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { apiResolver, showServerError } from "../../../ui/forms";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { SubdivisionDelete } from "../components/SubdivisionDelete";
import "../registration.css";

type Fields = {
  unionName: string;
  university: string;
  contactEmail: string;
  declaredMembers: string;
};
const FIELDS = ["unionName", "university", "contactEmail", "declaredMembers"] as const;

/** One subdivision: its local union, representatives and members by year; editable. */
export default function SubdivisionDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const detail = useQuery(trpc.subdivision.get.queryOptions({ id }));
  const update = useMutation(trpc.subdivision.update.mutationOptions());
  const [saved, setSaved] = useState(false);
  const form = useForm<Fields, unknown, z.output<typeof SubdivisionUpdate>>({
    resolver: apiResolver(
      SubdivisionUpdate,
      (v: Fields) => ({
        ...v,
        id,
        declaredMembers: v.declaredMembers === "" ? undefined : Number(v.declaredMembers),
      }),
      FIELDS,
    ),
    values: detail.data
      ? {
          unionName: detail.data.unionName,
          university: detail.data.university,
          contactEmail: detail.data.contactEmail,
          declaredMembers: String(detail.data.declaredMembers),
        }
      : undefined,
  });

  if (detail.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(detail.error)}
      </p>
    );
  if (!detail.data) return <p className="muted">Chargement…</p>;
  const s = detail.data;
  const errors = form.formState.errors;

  return (
    <section className="subdivision">
      <p>
        <Link to="/subdivisions">← Subdivisions</Link>
      </p>
      <h1>{s.name}</h1>
      <p className="muted">
        {[s.unionName, s.university].filter(Boolean).join(" · ") ||
          "Structure locale et université à compléter (Coordonnées)."}
      </p>
      <div className="subdivision__grid">
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">Adhérent·es</h2>
          <p>
            <strong>{formatNumber(s.members)}</strong> fiches enregistrées ·{" "}
            {formatNumber(s.declaredMembers)} déclaré·es par la structure
          </p>
          <ul className="plain">
            {s.membersByYear.map((n, i) => (
              <li key={YEAR_OF_TRAINING_LABELS[i + 1]}>
                {YEAR_OF_TRAINING_LABELS[i + 1]} : {formatNumber(n)}
              </li>
            ))}
          </ul>
          <Link className="button" to={`/adherents?subdivision=${s.id}`}>
            Voir les adhérent·es
          </Link>
        </section>
        <section className="card" aria-labelledby="reps-title">
          <h2 id="reps-title">Représentant·es au Conseil d'Administration</h2>
          {s.representativeList.length === 0 ? (
            <p className="muted">Aucun compte de représentant·e pour cette subdivision.</p>
          ) : (
            <ul className="plain">
              {s.representativeList.map((r) => (
                <li key={r.id}>
                  {r.displayName || r.email} <span className="muted">({r.email})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">Coordonnées</h2>
          <form
            noValidate
            onSubmit={form.handleSubmit(async (input) => {
              setSaved(false);
              try {
                await update.mutateAsync(input);
                await queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() });
                setSaved(true);
              } catch (error) {
                showServerError(form.setError, error, FIELDS);
              }
            })}
          >
            <Field label="Structure locale" error={errors.unionName?.message}>
              {(p) => <input {...p} {...form.register("unionName")} />}
            </Field>
            <Field label="Université" error={errors.university?.message}>
              {(p) => <input {...p} {...form.register("university")} />}
            </Field>
            <Field label="E-mail de contact" error={errors.contactEmail?.message}>
              {(p) => <input {...p} type="email" {...form.register("contactEmail")} />}
            </Field>
            <Field label="Adhérent·es déclaré·es" error={errors.declaredMembers?.message}>
              {(p) => <input {...p} inputMode="numeric" {...form.register("declaredMembers")} />}
            </Field>
            {errors.root?.server && (
              <p role="alert" className="notice notice--error">
                {errors.root.server.message}
              </p>
            )}
            <div role="status">{saved && <p className="notice notice--ok">Enregistré.</p>}</div>
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              Enregistrer
            </button>
          </form>
        </section>
      </div>
      {hasRole(me.data?.role, SUBDIVISION_EDITORS) && (
        <p>
          <SubdivisionDelete id={s.id} name={s.name} />
        </p>
      )}
    </section>
  );
}
