import type { AppRouter } from "@tribune/api/types";
import { cookieFetch } from "@tribune/cli-kit";
import { createTRPCClient, httpLink } from "@trpc/client";

/**
 * A tRPC client that keeps the session cookie like a browser would: it remembers what
 * auth.login sets (Set-Cookie) and sends it back on every later call. Give it the fetch of a
 * jar shared with other requests (the PDF's download) to make them in the same session.
 */
export function createDossierClient(server: string, fetchWithCookies = cookieFetch()) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.replace(/\/+$/, "")}/trpc`, fetch: fetchWithCookies })],
  });
}

export type DossierClient = ReturnType<typeof createDossierClient>;
