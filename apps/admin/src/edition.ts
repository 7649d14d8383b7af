import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc";

/** The edition organisers work on: the most recent one. */
export function useCurrentEdition() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.edition.list.queryOptions(),
    select: (editions) => editions.at(-1) ?? null,
  });
}
