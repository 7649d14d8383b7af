import type { ReactNode } from "react";
import "./empty-state.css";

/**
 * What a list or table shows when it has nothing to show, instead of a bare header: one
 * sentence saying what is empty and what to do next. A filtered list that matches nothing
 * says so and offers to clear its filters (`onClear`).
 */
export function EmptyState({
  children,
  onClear,
  clearLabel = "Effacer les filtres",
}: {
  children: ReactNode;
  onClear?: () => void;
  clearLabel?: string;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state__text">{children}</p>
      {onClear && (
        <button type="button" className="button button--small" onClick={onClear}>
          {clearLabel}
        </button>
      )}
    </div>
  );
}
