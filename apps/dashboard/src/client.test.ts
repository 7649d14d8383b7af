import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { explain, isUnauthorized } from "./client";

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
