import { type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";
import { restoreFocus } from "./focus";

/**
 * A modal confirmation built on the native <dialog>: the browser traps focus inside it, Escape
 * cancels, and focus goes back to where it was when the dialog closes (or to the page's heading
 * if that element is gone). Render it only while it is open. The first button (put "Annuler" there) gets the focus, so Enter never destroys.
 */
export function ConfirmDialog({
  title,
  children,
  actions,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  /** Buttons, safest first. */
  actions: ReactNode;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // Read at first render, before any effect moves the focus (StrictMode runs effects twice).
  const [previous] = useState(() => document.activeElement);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>(".dialog__actions button")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      restoreFocus(previous);
    };
  }, [previous]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React remove the dialog rather than the browser hiding it behind our back.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
