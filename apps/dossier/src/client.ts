import type { AppRouter } from "@tribune/api";
import { cookieFetch } from "@tribune/cli-kit";
import { createTRPCClient, httpLink } from "@trpc/client";

/**
 * A tRPC client that keeps the session cookie like a browser would: it remembers what
 * auth.login sets (Set-Cookie) and sends it back on every later call.
 */
export function createDossierClient(server: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.replace(/\/+$/, "")}/trpc`, fetch: cookieFetch() })],
  });
}

export type DossierClient = ReturnType<typeof createDossierClient>;
