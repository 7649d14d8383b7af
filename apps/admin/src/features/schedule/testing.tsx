import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { AppRouter } from "@tribune/api/types";
import type { Edition, Room, Session, SessionKind } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { EDITION_2026, FRIDAY, THURSDAY } from "@tribune/reference";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { ReactNode } from "react";
import { TRPCProvider } from "../../app/trpc";

/** A procedure's answer: data, or a refusal shaped as the server formats it. */
export class ApiRefusal {
  constructor(
    readonly message: string,
    readonly fieldErrors: Record<string, string[]> | null = null,
    readonly status = 400,
  ) {}
}
type Handler = (input: unknown) => unknown | Promise<unknown>;

/**
 * A fetch that answers tRPC requests from handlers, so tests run the real client, links, query
 * cache and error helpers without a server. Every call is recorded.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: { path: string; input: unknown }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url), "http://test");
    const path = u.pathname.replace(/^\/trpc\//, "");
    const raw = init?.method === "POST" ? init.body : u.searchParams.get("input");
    const input = raw ? JSON.parse(String(raw)) : undefined;
    calls.push({ path, input });
    const handler = handlers[path];
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      });
    if (!handler)
      return json({ error: refusal(new ApiRefusal(`No handler for ${path}`, null, 404)) }, 404);
    try {
      return json({ result: { data: await handler(input) } });
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      return json({ error: refusal(error) }, error.status);
    }
  };
  return { fetch, calls };
}

function refusal(error: ApiRefusal) {
  return {
    message: error.message,
    code: -32600,
    data: {
      code: error.status === 404 ? "NOT_FOUND" : "BAD_REQUEST",
      httpStatus: error.status,
      appCode: "invalid",
      fieldErrors: error.fieldErrors,
    },
  };
}

export function makeWrapper(handlers: Record<string, Handler>) {
  const api = fakeApi(handlers);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpLink({ url: "http://test/trpc", fetch: api.fetch as typeof fetch })],
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
  return { wrapper, queryClient, calls: api.calls };
}

// Fixtures: the 2026 edition's shape with ids tests can read.
export const EDITION: Edition = { id: "00000001-0000-4000-8000-000000000001", ...EDITION_2026 };
export const THU = THURSDAY;
export const FRI = FRIDAY;

export const room = (n: number, days: string[] = []): Room => ({
  id: `00000002-0000-4000-8000-00000000000${n}`,
  editionId: EDITION.id,
  name: `Salle ${n}`,
  capacity: null,
  order: n,
  days,
});

let next = 0;
export function session(
  day: string,
  start: string,
  end: string,
  where: Room[] | "venue",
  extra: Partial<Session> & { kind?: SessionKind } = {},
): Session {
  next += 1;
  return {
    id: `00000003-0000-4000-8000-${String(next).padStart(12, "0")}`,
    editionId: EDITION.id,
    kind: "atelier",
    title: `Session ${next}`,
    description: "",
    startsAt: instantFromLocal(day, start),
    endsAt: instantFromLocal(day, end),
    roomIds: where === "venue" ? [] : where.map((r) => r.id),
    wholeVenue: where === "venue",
    speakerIds: [],
    themes: [],
    partnerId: null,
    capacityOverride: null,
    published: true,
    ...extra,
  };
}
