import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AccountListing, AccountRoleInput, type Role } from "@tribune/domain/auth";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { apiResolver } from "../../../ui/forms";
import { RoleFields, subdivisionFor } from "./RoleFields";

type Subdivision = { id: string; name: string };
type RoleValues = { role: Role; subdivisionId: string };
const ROLE_FIELDS = ["role", "subdivisionId"] as const;

/**
 * What an administrator does to another person's account from its row: change its role (a
 * representative with their subdivision), disable it (confirmed: its sessions end at once) or
 * enable it again. The server refuses what would lock the platform out (one's own account,
 * the last administrator) and says why; the refusal shows in the dialog.
 */
export function AccountActions({
  account,
  subdivisions,
  onDone,
}: {
  account: AccountListing;
  subdivisions: Subdivision[];
  onDone: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<"role" | "disable" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });
  const done = (notice: string) => async () => {
    await refresh();
    setOpen(null);
    onDone(notice);
  };
  const setRoleOf = useMutation(
    trpc.account.setRole.mutationOptions({
      onSuccess: done(`${account.email} : rôle changé, effectif dès sa prochaine action.`),
    }),
  );
  const disable = useMutation(
    trpc.account.disable.mutationOptions({
      onSuccess: done(`Compte de ${account.email} désactivé ; ses sessions sont fermées.`),
    }),
  );
  const enable = useMutation(
    trpc.account.enable.mutationOptions({
      onSuccess: done(`Compte de ${account.email} réactivé.`),
    }),
  );
  const who = <span className="visually-hidden"> de {account.email}</span>;

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen("role")}>
        Changer le rôle{who}
      </button>
      {account.disabled ? (
        <button
          type="button"
          className="button"
          disabled={enable.isPending}
          onClick={() => enable.mutate({ email: account.email })}
        >
          Réactiver{who}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setOpen("disable")}>
          Désactiver{who}
        </button>
      )}
      {enable.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(enable.error)}
        </p>
      )}

      {open === "role" && (
        <RoleDialog
          account={account}
          subdivisions={subdivisions}
          mutation={setRoleOf}
          onCancel={() => setOpen(null)}
        />
      )}

      {open === "disable" && (
        <ConfirmDialog
          title={`Désactiver le compte de ${account.email} ?`}
          onCancel={() => setOpen(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setOpen(null)}>
                Annuler
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={disable.isPending}
                onClick={() => disable.mutate({ email: account.email })}
              >
                {disable.isPending ? "Désactivation…" : "Désactiver"}
              </button>
            </>
          }
        >
          <p>
            Ses sessions ouvertes sont fermées tout de suite et la personne ne peut plus se
            connecter. Le compte se réactive ici, avec son mot de passe d'avant.
          </p>
          {disable.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(disable.error)}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

/**
 * « Changer le rôle »: the role and, for a representative, the subdivision, checked with the
 * API's schema. Mounted with the dialog, so it opens on the account's current role each time.
 */
function RoleDialog({
  account,
  subdivisions,
  mutation,
  onCancel,
}: {
  account: AccountListing;
  subdivisions: Subdivision[];
  mutation: {
    mutate: (input: z.output<typeof AccountRoleInput>) => void;
    isPending: boolean;
    error: unknown;
  };
  onCancel: () => void;
}) {
  const formId = useId();
  const toInput = (values: RoleValues) => ({
    email: account.email,
    role: values.role,
    subdivisionId: subdivisionFor(values.role, values.subdivisionId),
  });
  const form = useForm<RoleValues, unknown, z.output<typeof AccountRoleInput>>({
    resolver: apiResolver(AccountRoleInput, toInput, ROLE_FIELDS),
    defaultValues: { role: account.role, subdivisionId: account.subdivisionId ?? "" },
  });
  const role = form.watch("role");
  // The subdivisions may arrive after the dialog opened: a select without its options would
  // show the first one, not the account's.
  const { getValues, setValue } = form;
  useEffect(() => {
    if (subdivisions.length > 0) setValue("subdivisionId", getValues("subdivisionId"));
  }, [subdivisions, getValues, setValue]);
  const { errors } = form.formState;
  const serverErrors = fieldErrors(mutation.error);

  return (
    <ConfirmDialog
      title={`Rôle de ${account.email}`}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? "Enregistrement…" : "Enregistrer"}
          </button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
      >
        <RoleFields
          roleLabel="Nouveau rôle"
          role={role}
          register={{ role: form.register("role"), subdivisionId: form.register("subdivisionId") }}
          subdivisions={subdivisions}
          errors={{
            role: errors.role?.message ?? serverErrors?.role?.[0],
            subdivisionId: errors.subdivisionId?.message ?? serverErrors?.subdivisionId?.[0],
          }}
        />
      </form>
      <p className="muted">
        Ses sessions ouvertes prennent le nouveau rôle dès leur prochaine action.
      </p>
      {(mutation.error || errors.root) && (
        <p role="alert" className="notice notice--error">
          {mutation.error ? errorMessage(mutation.error) : errors.root?.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
