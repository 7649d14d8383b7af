import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useTRPC } from "../../../app/trpc";
import { DeleteDialog } from "../../../ui/DeleteDialog";

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

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
        Supprimer la subdivision
      </button>
      {asking && (
        <DeleteDialog
          title={`Supprimer la subdivision « ${name} » ?`}
          forceable={false}
          remove={() => remove.mutateAsync({ id })}
          onDeleted={async () => {
            await queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() });
            await navigate("/subdivisions");
          }}
          onCancel={() => setAsking(false)}
        >
          <p>
            Pour une subdivision saisie par erreur : elle disparaît du formulaire d'inscription. Une
            subdivision qui a des adhérent·es, des inscriptions ou des représentant·es ne peut être
            supprimée.
          </p>
        </DeleteDialog>
      )}
    </>
  );
}
