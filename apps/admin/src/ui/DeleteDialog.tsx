import { type ReactNode, useState } from "react";
import { errorCode, errorMessage } from "../app/trpc";
import { ConfirmDialog } from "./ConfirmDialog";

/**
 * Asks before deleting, then deletes. When the server refuses because sessions still use the
 * thing (appCode "referenced"), its message says which consequences a forced delete has, and
 * "Supprimer quand même" sends the request again with `confirm: true` — unless the thing cannot
 * be forced (`forceable: false`: a voted motion, a subdivision with members): then the
 * server's refusal is shown in its words, with nothing left to try.
 */
export function DeleteDialog<Result>({
  title,
  children,
  remove,
  onDeleted,
  onCancel,
  forceable = true,
}: {
  /** "Supprimer la salle « Amphi » ?" */
  title: string;
  children?: ReactNode;
  remove: (confirm: boolean) => Promise<Result>;
  forceable?: boolean;
  onDeleted: (result: Result) => void;
  onCancel: () => void;
}) {
  const [pending, setPending] = useState(false);
  const [referenced, setReferenced] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(confirm: boolean) {
    setPending(true);
    setFailure(null);
    try {
      const result = await remove(confirm);
      onDeleted(result);
    } catch (error) {
      if (forceable && !confirm && errorCode(error) === "referenced")
        setReferenced(errorMessage(error));
      else setFailure(errorMessage(error));
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
          {(forceable || failure === null) && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => submit(referenced !== null)}
              disabled={pending}
            >
              {pending ? "Suppression…" : referenced ? "Supprimer quand même" : "Supprimer"}
            </button>
          )}
        </>
      }
    >
      {children ?? <p>Cette suppression est définitive ; elle sera inscrite au journal.</p>}
      {referenced && (
        <p role="alert" className="notice notice--warning">
          {referenced}
        </p>
      )}
      {failure && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}
    </ConfirmDialog>
  );
}
