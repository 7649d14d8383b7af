import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AccountListing, InvitationInput, ROLE_LABELS, type Role } from "@tribune/domain/auth";
import { formatDateTime } from "@tribune/domain/format";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import "../../../ui/catalog/catalog.css";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";
import { AccountActions } from "../components/AccountActions";
import { RoleFields, subdivisionFor } from "../components/RoleFields";
import { useMe } from "../hooks/useMe";

type Fields = { email: string; displayName: string; role: Role; subdivisionId: string };
const FIELDS = ["email", "displayName", "role", "subdivisionId"] as const;
const toInput = (values: Fields) => ({
  ...values,
  subdivisionId: subdivisionFor(values.role, values.subdivisionId),
});

const stateOf = (account: AccountListing) =>
  account.disabled ? "Désactivé" : account.invitationPending ? "Invitation en attente" : "Actif";

/** Invites a staff member: an account without password, and a message to choose one. */
function InviteForm({ onInvited }: { onInvited: (email: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subdivisions = useQuery(trpc.subdivision.options.queryOptions());
  const form = useForm<Fields, unknown, z.output<typeof InvitationInput>>({
    resolver: apiResolver(InvitationInput, toInput, FIELDS),
    defaultValues: { email: "", displayName: "", role: "organiser", subdivisionId: "" },
  });
  const invite = useMutation(
    trpc.account.invite.mutationOptions({
      onSuccess: (account) => {
        form.reset();
        onInvited(account.email);
        return queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });
      },
    }),
  );
  const role = form.watch("role");
  const serverErrors = fieldErrors(invite.error);

  return (
    <form
      className="card"
      aria-labelledby="invite-title"
      onSubmit={form.handleSubmit((values) => invite.mutate(values))}
      noValidate
    >
      <h2 id="invite-title">Inviter une personne</h2>
      <p className="muted">
        Le compte est créé sans mot de passe ; la personne reçoit un lien, valable 7 jours, pour
        choisir le sien.
      </p>
      <Field
        label="Adresse e-mail"
        error={form.formState.errors.email?.message ?? serverErrors?.email?.[0]}
      >
        {(props) => <input {...props} type="email" {...form.register("email")} />}
      </Field>
      <Field label="Nom affiché" error={form.formState.errors.displayName?.message}>
        {(props) => <input {...props} type="text" {...form.register("displayName")} />}
      </Field>
      <RoleFields
        roleLabel="Rôle"
        role={role}
        register={{ role: form.register("role"), subdivisionId: form.register("subdivisionId") }}
        subdivisions={subdivisions.data ?? []}
        errors={{
          role: form.formState.errors.role?.message,
          subdivisionId: form.formState.errors.subdivisionId?.message,
        }}
      />
      {(invite.error || form.formState.errors.root) && (
        <p role="alert" className="notice notice--error">
          {invite.error ? errorMessage(invite.error) : form.formState.errors.root?.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={invite.isPending}>
        {invite.isPending ? "Envoi…" : "Inviter"}
      </button>
    </form>
  );
}

/**
 * « Comptes » (administrators): every staff account with its state; invite a person (a message
 * with a link to choose a password), send an invitation again while it awaits, change
 * another person's role, disable or enable their account (AccountActions).
 */
export default function AccountsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(trpc.account.list.queryOptions());
  const me = useMe();
  const subdivisions = useQuery(trpc.subdivision.options.queryOptions());
  const subdivisionName = (id: string | null) =>
    subdivisions.data?.find((s) => s.id === id)?.name ?? null;
  const resend = useMutation(
    trpc.account.resendInvitation.mutationOptions({
      onSuccess: ({ email, expiresAt }) => {
        setNotice(
          `Nouvelle invitation envoyée à ${email}, valable jusqu'au ${formatDateTime(expiresAt)} ; le lien précédent ne fonctionne plus.`,
        );
        return queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });
      },
    }),
  );

  return (
    <section className="accounts">
      <h1>Comptes</h1>
      <p className="muted">
        Les comptes de l'équipe. Un mot de passe oublié se remplace depuis la page de connexion («
        Mot de passe oublié ? »).
      </p>
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      <InviteForm
        onInvited={(email) =>
          setNotice(`Invitation envoyée à ${email} : le lien est valable 7 jours.`)
        }
      />
      {(list.error || resend.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(list.error ?? resend.error)}
        </p>
      )}
      {list.data && (
        <table className="data">
          <caption className="visually-hidden">Comptes de l'équipe</caption>
          <thead>
            <tr>
              <th scope="col">Adresse</th>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">État</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((account) => (
              <tr key={account.id}>
                <td>{account.email}</td>
                <td>{account.displayName}</td>
                <td>
                  {ROLE_LABELS[account.role]}
                  {account.subdivisionId && subdivisionName(account.subdivisionId) && (
                    <span className="muted"> · {subdivisionName(account.subdivisionId)}</span>
                  )}
                </td>
                <td>{stateOf(account)}</td>
                <td>
                  <div className="catalog__row-actions">
                    {account.id === me.data?.id ? (
                      <span className="muted">Votre compte</span>
                    ) : (
                      <AccountActions
                        account={account}
                        subdivisions={subdivisions.data ?? []}
                        onDone={setNotice}
                      />
                    )}
                    {account.invitationPending && !account.disabled && (
                      <button
                        type="button"
                        className="button"
                        disabled={resend.isPending}
                        onClick={() => resend.mutate({ email: account.email })}
                      >
                        Renvoyer l'invitation
                        <span className="visually-hidden"> à {account.email}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
