import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { chooseEdition, type DashboardClient, explain, isUnauthorized } from "./client";
import { sampleData } from "./test-fixtures";

const SERVER = "http://127.0.0.1:3000";

/** A refusal as @trpc/client builds it from the server's error body. */
const refusal = (code: string, httpStatus: number, appCode: string, message: string) =>
  TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus, appCode, path: "edition.list" } },
  });

describe("explain", () => {
  it("says the database is momentarily unavailable on a 503, not 'an error'", () => {
    const error = refusal(
      "SERVICE_UNAVAILABLE",
      503,
      "database_unavailable",
      "La base de données est momentanément indisponible. Réessayez dans quelques secondes.",
    );
    expect(explain(error, SERVER).message).toBe(
      "La base de données du serveur est momentanément indisponible : réessayez dans quelques secondes.",
    );
  });

  it("says 'too many attempts' once, in the server's words", () => {
    const error = refusal(
      "TOO_MANY_REQUESTS",
      429,
      "rate_limited",
      "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
    );
    expect(explain(error, SERVER, "bureau@tribune.demo").message).toBe(
      "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
    );
  });

  it("tells an expired session how to sign in again, and knows it for a 401", () => {
    const error = refusal("UNAUTHORIZED", 401, "unauthenticated", "Non connecté·e.");
    expect(isUnauthorized(error)).toBe(true);
    expect(explain(error, SERVER).message).toBe(
      "Votre session a expiré : relancez pnpm dashboard pour vous reconnecter.",
    );
  });
});

describe("chooseEdition", () => {
  const { edition } = sampleData();
  const e2027 = {
    ...edition,
    id: "x",
    number: 27,
    year: 2027,
    firstDay: "2027-01-21",
    lastDay: "2027-01-22",
  };
  const calls: string[] = [];
  const client = {
    edition: {
      current: {
        query: async () => {
          calls.push("current");
          return e2027;
        },
      },
      list: {
        query: async () => {
          calls.push("list");
          return [edition, e2027];
        },
      },
      byYear: {
        query: async ({ year }: { year: number }) => {
          calls.push(`byYear ${year}`);
          if (year === 2026) return edition;
          throw refusal("NOT_FOUND", 404, "not_found", `L'édition ${year} est introuvable.`);
        },
      },
    },
  } as unknown as DashboardClient;

  it("follows the server's current edition by default, the year asked for with --edition", async () => {
    calls.length = 0;
    expect((await chooseEdition(client, SERVER, "current")).year).toBe(2027);
    expect((await chooseEdition(client, SERVER, { year: 2026 })).year).toBe(2026);
    expect(calls).toEqual(["current", "byYear 2026"]);
  });

  it("applies the domain's rule at the --at instant: the congress running then", async () => {
    const chosen = await chooseEdition(client, SERVER, { at: new Date("2026-01-22T09:42:00Z") });
    expect(chosen.year).toBe(2026);
  });

  it("says in French that the server has no such edition", async () => {
    await expect(chooseEdition(client, SERVER, { year: 2031 })).rejects.toThrow(
      `Aucune édition 2031 sur ${SERVER}.`,
    );
  });
});
