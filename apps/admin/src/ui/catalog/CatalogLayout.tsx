import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { errorMessage, useTRPC } from "../../app/trpc";
import { EmptyState } from "../EmptyState";
import { restoreFocus } from "../focus";
import "./catalog.css";

/**
 * The shape shared by the catalogue pages (rooms, speakers, partners): a heading with the
 * "add" button, a status line announced to screen readers, the list, and the editor beside it
 * (under it on narrow screens) while something is being created or edited.
 */
export function CatalogLayout({
  title,
  intro,
  addLabel,
  onAdd,
  status,
  editor,
  children,
}: {
  title: string;
  intro?: ReactNode;
  addLabel: string;
  onAdd: (() => void) | undefined;
  status: string | null;
  editor: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="catalog">
      <header className="catalog__header">
        <div>
          <h1>{title}</h1>
          {intro && <p className="muted catalog__intro">{intro}</p>}
        </div>
        <button type="button" className="button button--primary" onClick={onAdd} disabled={!onAdd}>
          {addLabel}
        </button>
      </header>
      <div role="status" className="catalog__status">
        {status && <p className="notice notice--ok">{status}</p>}
      </div>
      <div className={editor ? "catalog__body catalog__body--editing" : "catalog__body"}>
        <div className="catalog__list">{children}</div>
        {editor}
      </div>
    </section>
  );
}

/**
 * The editor card: a titled region whose first field takes the focus when it opens; when it
 * closes, the focus goes back to the button that opened it.
 */
export function EditorPanel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  // Read at first render, before any effect moves the focus (StrictMode runs effects twice).
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const panel = ref.current;
    panel?.querySelector<HTMLElement>("input, select, textarea")?.focus();
    panel?.scrollIntoView?.({ block: "nearest" });
    return () => {
      const active = document.activeElement;
      if (!active || active === document.body || panel?.contains(active)) restoreFocus(opener);
    };
  }, [opener]);
  return (
    <section ref={ref} className="card catalog__editor" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Loading, failure and emptiness of a list, in French; renders `children` once there is data.
 * `empty` says what is empty and what to do next (shown by `EmptyState`).
 */
export function QueryState<T>({
  query,
  empty,
  children,
}: {
  query: { data: T[] | undefined; error: unknown; isPending: boolean };
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.error) {
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(query.error)}
      </p>
    );
  }
  if (query.isPending || !query.data) return <p className="muted">Chargement…</p>;
  if (query.data.length === 0) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}

/** Save / cancel, with the server's refusal (if any) just above them. */
export function FormFooter({
  error,
  submitting,
  onCancel,
}: {
  error: string | undefined;
  submitting: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="catalog__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? "Enregistrement…" : "Enregistrer"}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </>
  );
}

/** A row's "Modifier" and "Supprimer" buttons, named after the row for screen readers. */
export function RowActions({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div className="catalog__row-actions">
      <button type="button" className="button button--small" onClick={onEdit}>
        Modifier<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button button--small button--ghost-danger"
        onClick={onDelete}
      >
        Supprimer<span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}

type Area = "room" | "speaker" | "partner";

/**
 * After a change to rooms, speakers or partners: refetch that list, and mark stale what the
 * change may have touched elsewhere (sessions lose a deleted room, the journal has a new line).
 */
export function useAfterChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (area: Area) => invalidateAfterChange(queryClient, trpc, area);
}

function invalidateAfterChange(
  queryClient: QueryClient,
  trpc: ReturnType<typeof useTRPC>,
  area: Area,
) {
  return Promise.all(
    [trpc[area], trpc.session, trpc.schedule, trpc.audit].map((router) =>
      queryClient.invalidateQueries({ queryKey: router.pathKey() }),
    ),
  );
}
