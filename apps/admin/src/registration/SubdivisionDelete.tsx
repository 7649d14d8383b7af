import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "../catalog/ConfirmDialog";
import { errorMessage, useTRPC } from "../trpc";

/**
 * Deletes a subdivision recorded by mistake. The server refuses one with members,
 * registrations, representatives or votes (their history stays): its reason is shown as is.
 */
export function SubdivisionDelete({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation(trpc.subdivision.delete.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setAsking(false);
    setFailure(null);
  };

  async function confirm() {
    try {
      await remove.mutateAsync({ id });
      await queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() });
      await navigate("/subdivisions");
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
        Supprimer la subdivision
      </button>
      {asking && (
        <ConfirmDialog
          title={`Supprimer la subdivision « ${name} » ?`}
          onCancel={close}
          actions={
            <>
              <button type="button" className="button" onClick={close}>
                Annuler
              </button>
              {!failure && (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={confirm}
                  disabled={remove.isPending}
                >
                  {remove.isPending ? "Suppression…" : "Supprimer"}
                </button>
              )}
            </>
          }
        >
          <p>
            Pour une subdivision saisie par erreur : elle disparaît du formulaire d'inscription. Une
            subdivision qui a des adhérent·es, des inscriptions ou des représentant·es ne peut être
            supprimée.
          </p>
          {failure && (
            <p role="alert" className="notice notice--error">
              {failure}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
