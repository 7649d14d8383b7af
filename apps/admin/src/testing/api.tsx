/**
 * Test support for components that talk to the API: the real tRPC client and TanStack Query,
 * but the HTTP layer answered by functions, one per procedure path. Only tests import this.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AppRouter } from "@tribune/api/types";
import { type Edition, editionStatus } from "@tribune/domain/congress";
import type { Registration } from "@tribune/domain/union";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { afterEach } from "vitest";
import { TRPCProvider } from "../app/trpc";

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export type Handler = (input: unknown) => unknown;
export interface Call {
  path: string;
  input: unknown;
}

const STATUS_OF: Record<string, [httpStatus: number, trpcCode: string, jsonRpcCode: number]> = {
  invalid: [400, "BAD_REQUEST", -32600],
  referenced: [409, "CONFLICT", -32009],
  already_exists: [409, "CONFLICT", -32009],
  not_found: [404, "NOT_FOUND", -32004],
  forbidden: [403, "FORBIDDEN", -32003],
};

/** What a handler throws to make the fake server answer like the real one refusing. */
export class ApiRefusal {
  constructor(
    readonly appCode: string,
    readonly message: string,
    readonly fieldErrors: Record<string, string[]> | null = null,
  ) {}
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function refusal(path: string, error: ApiRefusal) {
  const [httpStatus, code, jsonRpcCode] = STATUS_OF[error.appCode] ?? [
    500,
    "INTERNAL_SERVER_ERROR",
    -32603,
  ];
  return answer(httpStatus, {
    error: {
      message: error.message,
      code: jsonRpcCode,
      data: {
        code,
        httpStatus,
        path,
        appCode: error.appCode,
        message: error.message,
        fieldErrors: error.fieldErrors,
        formErrors: null,
      },
    },
  });
}

/** Renders `ui` inside the app's providers, answering tRPC calls with `handlers`. */
export function renderWithApi(
  ui: ReactElement,
  { handlers, route = "/" }: { handlers: Record<string, Handler>; route?: string },
) {
  const calls: Call[] = [];
  const fetchImpl = async (url: URL | RequestInfo, init?: RequestInit) => {
    const parsed = new URL(String(url));
    const path = decodeURIComponent(parsed.pathname.replace(/^\/trpc\//, ""));
    const raw = init?.method === "POST" ? init.body : parsed.searchParams.get("input");
    const input = typeof raw === "string" && raw !== "" ? JSON.parse(raw) : undefined;
    calls.push({ path, input });
    const handler = handlers[path];
    if (!handler)
      return refusal(path, new ApiRefusal("not_found", `Pas de réponse prévue pour ${path}.`));
    try {
      return answer(200, { result: { data: (await handler(input)) ?? null } });
    } catch (error) {
      if (error instanceof ApiRefusal) return refusal(path, error);
      throw error;
    }
  };
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpLink({ url: "http://tribune.test/trpc", fetch: fetchImpl })],
  });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </TRPCProvider>
    </QueryClientProvider>,
  );
  /** The calls made to one procedure, in order. */
  const callsTo = (path: string) => calls.filter((call) => call.path === path);
  return { ...view, user, calls, callsTo, queryClient };
}

export const EDITION: Edition = {
  id: "7a1c6c1e-8d1f-4c39-9a55-2f4b8c1d0e01",
  number: 26,
  year: 2026,
  theme: "Soigner demain",
  subtitle: "",
  city: "Dijon",
  venue: "Palais des congrès",
  firstDay: "2026-01-22",
  lastDay: "2026-01-23",
  timeZone: "Europe/Paris",
  expectedAttendance: 1000,
  registrationOpensOn: "2025-10-01",
  registrationClosesOn: null,
  archivedAt: null,
};

/** The edition as the API gives it (edition.current, byYear, list): with its state. */
export const EDITION_VIEW = { ...EDITION, status: editionStatus(EDITION, new Date()) };

/** A uuid that zod accepts, numbered for readable tests. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/**
 * Léa Martin's registration to EDITION, confirmed, meals taken; `overrides` give each test the
 * case it is about (a status, an arrival, another code).
 */
export const registration = (overrides: Partial<Registration> = {}): Registration => ({
  id: uuid(9),
  editionId: EDITION.id,
  code: "K7QM-3XPA",
  memberId: null,
  firstName: "Léa",
  lastName: "Martin",
  email: "lea@exemple.fr",
  subdivisionId: uuid(1),
  yearOfTraining: null,
  meals: true,
  gala: false,
  status: "registered",
  waitlistPosition: null,
  synthetic: false,
  registeredAt: "2026-11-02T09:00:00.000Z",
  confirmedAt: "2026-11-02T09:00:00.000Z",
  cancelledAt: null,
  checkedInAt: null,
  ...overrides,
});
