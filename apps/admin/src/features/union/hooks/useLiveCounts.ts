import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "../../../app/trpc";

/** Live registration and arrival counts of the edition, pushed by the server (SSE). */
export function useLiveCounts(editionId: string | undefined) {
  const trpc = useTRPC();
  return useSubscription(
    trpc.registration.live.subscriptionOptions(editionId ? { editionId } : skipToken),
  );
}
