import { type ReactNode, useEffect, useId, useRef } from "react";

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal side panel on the native <dialog>: the page behind is inert (focus stays inside),
 * Escape closes it, and focus goes back to what opened it.
 */
export function SidePanel({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Our own close() (on unmount) also fires "close": only a close by the browser is reported.
  const closing = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closing.current = false;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog).focus();
    return () => {
      closing.current = true;
      if (dialog.open) dialog.close();
      // The opener may be gone (a deleted session): fall back to the page title.
      const target = opener?.isConnected ? opener : document.getElementById("programme-title");
      target?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="side-panel"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // Re-opened meanwhile (React's strict mode runs effects twice): not a real close.
        if (!closing.current && !ref.current?.open) onClose();
      }}
    >
      <div className="side-panel__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          Fermer<span className="visually-hidden"> le panneau</span>
        </button>
      </div>
      <div className="side-panel__body">{children}</div>
    </dialog>
  );
}
