import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { createContext, useContext } from "react";
import { useSearchParams } from "react-router";
import { useTRPC } from "./trpc";

/** An edition as the API gives it: with its state, and its budget for the roles that see it. */
export type EditionView = RouterOutputs["edition"]["list"][number];

/** The query parameter naming the edition a page shows: /programme?edition=2027. */
export const EDITION_PARAM = "edition";

/** The year asked for in a query string (?edition=2027), or null (none, or not a year). */
export function yearParam(search: URLSearchParams | string): number | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const raw = params.get(EDITION_PARAM);
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : null;
}

/** `search` with the edition set to `year` (the other parameters kept), "?…" or "". */
export function searchWithYear(search: string, year: number | null): string {
  const params = new URLSearchParams(search);
  if (year === null) params.delete(EDITION_PARAM);
  else params.set(EDITION_PARAM, String(year));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The year chosen in the admin's header while the URL does not say (a link inside a page that
 * does not carry ?edition): the shell keeps it and puts it back in the URL.
 */
export const ChosenYear = createContext<number | null>(null);

/**
 * The edition every page shows: the one the URL names (?edition=2027), else the one chosen in
 * the header, else the current edition as the API's one rule decides it (the running one, else
 * the next to come, else the last one over). `data` is null when there is no edition at all;
 * an unknown year is an `error` (the API's French "not found").
 */
export function useEdition() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const chosen = useContext(ChosenYear);
  const year = yearParam(params) ?? chosen;
  const byYear = useQuery(trpc.edition.byYear.queryOptions(year === null ? skipToken : { year }));
  const current = useQuery(
    trpc.edition.current.queryOptions(year === null ? undefined : skipToken),
  );
  const query = year === null ? current : byYear;
  const data: EditionView | null | undefined = query.data;
  return {
    data,
    error: query.error,
    isError: query.isError,
    isPending: query.isPending,
    /** The year the URL or the header asked for; null: the current edition. */
    year,
    /** Archived: the pages show it but change nothing. */
    readOnly: data?.status.readOnly ?? false,
  };
}

/** Every edition, newest first, for the switcher and the editions page. */
export function useEditions() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.edition.list.queryOptions(),
    select: (editions) => [...editions].sort((a, b) => b.year - a.year),
  });
}

/** After an edition was created, edited or archived: every edition query reloads. */
export function useEditionsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.edition.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.schedule.programme.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.registration.capacity.pathKey() }),
    ]);
}
