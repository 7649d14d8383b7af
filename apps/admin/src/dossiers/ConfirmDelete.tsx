import { type ReactNode, useState } from "react";
import { ConfirmDialog } from "../catalog/ConfirmDialog";
import { errorMessage } from "../trpc";

/**
 * Asks before deleting, then deletes; a refusal from the server (a motion already voted on, a
 * meeting that still holds motions) is shown in the dialog, in the server's words.
 */
export function ConfirmDelete({
  title,
  children,
  remove,
  onDeleted,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  remove: () => Promise<unknown>;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    setPending(true);
    setFailure(null);
    try {
      await remove();
      onDeleted();
    } catch (error) {
      setFailure(errorMessage(error));
      setPending(false);
    }
  }

  return (
    <ConfirmDialog
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            Annuler
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={submit}
            disabled={pending || failure !== null}
          >
            {pending ? "Suppression…" : "Supprimer"}
          </button>
        </>
      }
    >
      {children ?? <p>Cette suppression est définitive ; elle sera inscrite au journal.</p>}
      {failure && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}
    </ConfirmDialog>
  );
}
