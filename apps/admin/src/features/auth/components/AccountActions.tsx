import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AccountListing, ROLE_LABELS, ROLES, type Role } from "@tribune/domain/auth";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { Field } from "../../../ui/Field";

type Subdivision = { id: string; name: string };

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
  const [role, setRole] = useState<Role>(account.role);
  const [subdivisionId, setSubdivisionId] = useState(account.subdivisionId ?? "");
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
        <ConfirmDialog
          title={`Rôle de ${account.email}`}
          onCancel={() => setOpen(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setOpen(null)}>
                Annuler
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={setRoleOf.isPending}
                onClick={() =>
                  setRoleOf.mutate({
                    email: account.email,
                    role,
                    subdivisionId:
                      role === "representative" && subdivisionId ? subdivisionId : null,
                  })
                }
              >
                {setRoleOf.isPending ? "Enregistrement…" : "Enregistrer"}
              </button>
            </>
          }
        >
          <Field label="Nouveau rôle">
            {(props) => (
              <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {role === "representative" && (
            <Field label="Subdivision représentée">
              {(props) => (
                <select
                  {...props}
                  value={subdivisionId}
                  onChange={(e) => setSubdivisionId(e.target.value)}
                >
                  <option value="">Choisir…</option>
                  {subdivisions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <p className="muted">
            Ses sessions ouvertes prennent le nouveau rôle dès leur prochaine action.
          </p>
          {setRoleOf.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(setRoleOf.error)}
            </p>
          )}
        </ConfirmDialog>
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
