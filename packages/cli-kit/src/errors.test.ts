import { describe, expect, it } from "vitest";
import { explainClientError, trpcCodeOf } from "./errors";

const SERVER = "http://127.0.0.1:3000";

/** What @trpc/client throws: a TRPCClientError carrying the server's error data. */
class TRPCClientError extends Error {
  override name = "TRPCClientError";
  constructor(
    message: string,
    readonly data?: Record<string, unknown>,
    readonly meta?: { response?: { status: number } },
  ) {
    super(message);
  }
}
const refusal = (code: string, httpStatus: number, message: string, appCode?: string) =>
  new TRPCClientError(message, { code, httpStatus, appCode, path: "x" });

/** What fetch throws when nothing listens on the port. */
const refused = () =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
  });

describe("explainClientError", () => {
  it("says the server cannot be reached, and how to start it", () => {
    expect(explainClientError(refused(), { server: SERVER })).toBe(
      `Serveur injoignable à ${SERVER}. Est-il démarré ? (pnpm start, ou --server <url>)`,
    );
  });

  it("says the database is momentarily unavailable on a 503 database_unavailable", () => {
    const error = refusal(
      "SERVICE_UNAVAILABLE",
      503,
      "La base de données est momentanément indisponible. Réessayez dans quelques secondes.",
      "database_unavailable",
    );
    expect(explainClientError(error, { server: SERVER })).toBe(
      "La base de données du serveur est momentanément indisponible : réessayez dans quelques secondes.",
    );
  });

  it("tells a wrong password from an expired session on a 401", () => {
    const error = refusal("UNAUTHORIZED", 401, "Identifiants incorrects.", "unauthenticated");
    expect(explainClientError(error, { server: SERVER, signingInAs: "bureau@tribune.demo" })).toBe(
      "Connexion refusée pour bureau@tribune.demo : adresse e-mail ou mot de passe incorrect.",
    );
    expect(
      explainClientError(error, {
        server: SERVER,
        signInAgain: "relancez pnpm dashboard pour vous reconnecter",
      }),
    ).toBe("Votre session a expiré : relancez pnpm dashboard pour vous reconnecter.");
    expect(explainClientError(error, { server: SERVER })).toBe(
      "Votre session a expiré : reconnectez-vous.",
    );
  });

  it("names the account and the roles that may, on a 403", () => {
    const error = refusal("FORBIDDEN", 403, "Accès refusé.", "forbidden");
    expect(
      explainClientError(error, {
        server: SERVER,
        account: "member@tribune.demo",
        resource: "au dossier de presse",
        allowedRoles: "Presse, Bureau National ou Administration",
      }),
    ).toBe(
      "Le compte member@tribune.demo n'a pas accès au dossier de presse : il faut un compte Presse, Bureau National ou Administration.",
    );
    expect(explainClientError(error, { server: SERVER })).toBe(
      "Votre compte n'a pas accès à ces données.",
    );
  });

  it("passes on the server's own French sentence for a 429, once", () => {
    const error = refusal(
      "TOO_MANY_REQUESTS",
      429,
      "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
      "rate_limited",
    );
    expect(explainClientError(error, { server: SERVER, signingInAs: "a@b.fr" })).toBe(
      "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
    );
  });

  it("passes on the server's French message for other refusals", () => {
    const error = refusal("NOT_FOUND", 404, "Édition introuvable.", "not_found");
    expect(explainClientError(error, { server: SERVER })).toBe("Édition introuvable.");
  });

  it("says when the answer is not a Tribune server's (no tRPC error body)", () => {
    const error = new TRPCClientError("Unable to transform response from server", undefined, {
      response: { status: 502 },
    });
    expect(explainClientError(error, { server: SERVER })).toBe(
      `Le serveur ${SERVER} a répondu de façon inattendue (HTTP 502) : est-ce bien un serveur Tribune ?`,
    );
    const busy = new TRPCClientError("Service Unavailable", undefined, {
      response: { status: 503 },
    });
    expect(explainClientError(busy, { server: SERVER })).toBe(
      `Le serveur ${SERVER} est momentanément indisponible : réessayez dans quelques secondes.`,
    );
  });

  it("never leaves an error unexplained", () => {
    expect(explainClientError(new Error("boom"), { server: SERVER })).toBe(
      "Erreur inattendue : boom",
    );
    expect(explainClientError("boom", { server: SERVER })).toBe("Erreur inattendue : boom");
  });
});

describe("trpcCodeOf", () => {
  it("reads the tRPC code, and nothing from other errors", () => {
    expect(trpcCodeOf(refusal("UNAUTHORIZED", 401, "x"))).toBe("UNAUTHORIZED");
    expect(trpcCodeOf(refused())).toBeUndefined();
  });
});
