import { isUnreachable } from "./network";

/**
 * What a command-line client (dashboard, dossier) knows when a call fails, to say it in
 * French. Only `server` is required; the rest makes the sentence precise.
 */
export interface ClientErrorContext {
  /** The server's address, named when it cannot be reached. */
  server: string;
  /** The e-mail being signed in with: a refusal then means a wrong e-mail or password. */
  signingInAs?: string;
  /** The signed-in account, named when it may not do what was asked. */
  account?: string;
  /** What was asked, after "n'a pas accès": "au dossier de presse" (default "à ces données"). */
  resource?: string;
  /** Who may: "Bureau National ou Administration". */
  allowedRoles?: string;
  /** How to sign in again once a session expired: "relancez pnpm dashboard pour vous reconnecter". */
  signInAgain?: string;
}

/** The part of a tRPC client error this reads: the server's error `data` (see api's errorFormatter). */
interface ServerErrorData {
  code?: string;
  httpStatus?: number;
  appCode?: string;
}

const DATABASE_UNAVAILABLE = "database_unavailable";

const field = <T extends "string" | "number">(value: unknown, key: string, type: T) => {
  const v =
    value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return (typeof v === type ? v : undefined) as (T extends "string" ? string : number) | undefined;
};

/** A tRPC client error, read by shape (the CLIs' @trpc/client is theirs, not this kit's). */
function trpcErrorOf(
  error: unknown,
): { message: string; data: ServerErrorData | null; status: number | undefined } | null {
  if (!(error instanceof Error) || error.name !== "TRPCClientError") return null;
  const raw = (error as { data?: unknown }).data;
  const data: ServerErrorData | null =
    raw && typeof raw === "object"
      ? {
          code: field(raw, "code", "string"),
          httpStatus: field(raw, "httpStatus", "number"),
          appCode: field(raw, "appCode", "string"),
        }
      : null;
  const response = (error as { meta?: { response?: unknown } }).meta?.response;
  return {
    message: error.message,
    data,
    status: data?.httpStatus ?? field(response, "status", "number"),
  };
}

/** The tRPC code of a client error ("UNAUTHORIZED", …), or undefined for any other failure. */
export const trpcCodeOf = (error: unknown): string | undefined => trpcErrorOf(error)?.data?.code;

/**
 * Any failure of a call to the Tribune server as one French sentence for a terminal: server
 * unreachable, database momentarily unavailable (503 `database_unavailable`), session expired
 * or wrong password (401), account without the role (403), too many attempts (429), a
 * refusal the server explained (its French message), or an answer that is not Tribune's.
 */
export function explainClientError(error: unknown, context: ClientErrorContext): string {
  const { server } = context;
  if (isUnreachable(error))
    return `Serveur injoignable à ${server}. Est-il démarré ? (pnpm start, ou --server <url>)`;
  const trpc = trpcErrorOf(error);
  if (!trpc) {
    const message = error instanceof Error ? error.message : String(error);
    return `Erreur inattendue : ${message}`;
  }
  const { data, status, message } = trpc;
  if (!data) {
    // No tRPC error body: a proxy's page, another service on that port, a server too old.
    return status === 503
      ? `Le serveur ${server} est momentanément indisponible : réessayez dans quelques secondes.`
      : `Le serveur ${server} a répondu de façon inattendue${status ? ` (HTTP ${status})` : ""} : est-ce bien un serveur Tribune ?`;
  }
  if (data.appCode === DATABASE_UNAVAILABLE)
    return "La base de données du serveur est momentanément indisponible : réessayez dans quelques secondes.";
  switch (data.code) {
    case "UNAUTHORIZED":
      return context.signingInAs
        ? `Connexion refusée pour ${context.signingInAs} : adresse e-mail ou mot de passe incorrect.`
        : `Votre session a expiré : ${context.signInAgain ?? "reconnectez-vous"}.`;
    case "FORBIDDEN": {
      const who = context.account ? `Le compte ${context.account} n'a` : "Votre compte n'a";
      const roles = context.allowedRoles ? ` : il faut un compte ${context.allowedRoles}` : "";
      return `${who} pas accès ${context.resource ?? "à ces données"}${roles}.`;
    }
    case "TOO_MANY_REQUESTS":
      // The server says how long to wait ("Réessayez dans quelques minutes.").
      return message || "Trop de demandes : réessayez dans quelques minutes.";
    case "SERVICE_UNAVAILABLE":
      return (
        message || "Le serveur est momentanément indisponible : réessayez dans quelques secondes."
      );
    case "BAD_REQUEST":
      return context.signingInAs ? `Identifiants invalides : ${message}` : message;
    default:
      // The server words its refusals in French (not found, conflict, internal error).
      return message || `Le serveur a répondu par une erreur (HTTP ${status ?? "?"}).`;
  }
}
