import { QueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tribune/api/types";
import { ROUTES, TRPC_MAX_BATCH_SIZE } from "@tribune/domain/routes";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Refusals will not turn into successes by retrying.
        retry: (count, error) => count < 2 && !isClientError(error),
      },
    },
  });
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Live counts arrive as server-sent events (EventSource sends the session cookie).
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: ROUTES.trpc }),
        // The limit the server holds batches to.
        false: httpBatchLink({ url: ROUTES.trpc, maxItems: TRPC_MAX_BATCH_SIZE }),
      }),
    ],
  });
}

type ErrorData = {
  appCode?: string;
  fieldErrors?: Record<string, string[]> | null;
  httpStatus?: number;
};

const dataOf = (error: unknown): ErrorData | undefined =>
  error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;

function isClientError(error: unknown): boolean {
  const status = dataOf(error)?.httpStatus ?? 500;
  return status >= 400 && status < 500;
}

/** The French message the server sent, or a generic one when the server could not be reached. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    return dataOf(error) ? error.message : "Le serveur est injoignable. Vérifiez votre connexion.";
  }
  return "Une erreur inattendue est survenue.";
}

export const errorCode = (error: unknown) => dataOf(error)?.appCode;
export const fieldErrors = (error: unknown) => dataOf(error)?.fieldErrors ?? null;
