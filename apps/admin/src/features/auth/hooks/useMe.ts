import { useQuery } from "@tanstack/react-query";
import type { Role } from "@tribune/domain/auth";
import { useTRPC } from "../../../app/trpc";

/** The signed-in person (null when anonymous), shared by every page through the query cache. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
}

export const hasRole = (role: Role | undefined, allowed: readonly Role[]) =>
  !!role && allowed.includes(role);
