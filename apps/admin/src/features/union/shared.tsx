import { useQuery } from "@tanstack/react-query";
import {
  REGISTRATION_STATUS_LABELS,
  type RegistrationStatus,
  type SubdivisionOption,
} from "@tribune/domain/union";
import { useMemo } from "react";
import { useTRPC } from "../../app/trpc";

/** The subdivisions' names (public), and a lookup by id. */
export function useSubdivisionOptions() {
  const trpc = useTRPC();
  const query = useQuery(trpc.subdivision.options.queryOptions(undefined, { staleTime: 300_000 }));
  const nameOf = useMemo(() => {
    const names = new Map((query.data ?? []).map((s: SubdivisionOption) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? "—";
  }, [query.data]);
  return { ...query, nameOf };
}

export function StatusBadge({ status }: { status: RegistrationStatus }) {
  return <span className={`badge badge--${status}`}>{REGISTRATION_STATUS_LABELS[status]}</span>;
}

/** Saves text as a file the browser downloads (CSV exports). */
export function downloadText(filename: string, text: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One key per form submission, sent again on retries so the server registers once. */
export const newIdempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
