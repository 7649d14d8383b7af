import { writeFile } from "node:fs/promises";
import type { AppRouter } from "@tribune/api";
import { isUnreachable } from "@tribune/cli-kit";
import { PressKitModel } from "@tribune/domain";
import { FOR_TERMINAL, formatNumber } from "@tribune/domain/format";
import { renderPressKitWithReport } from "@tribune/press-kit";
import { TRPCClientError } from "@trpc/client";
import { createDossierClient } from "./client";

export interface ExportOptions {
  server: string;
  year: number;
  out: string;
  /** The path as the user typed it, for messages. */
  outLabel: string;
  credentials: () => Promise<{ email: string; password: string }>;
  progress: (line: string) => void;
}

/** A failure the user can act on, in French; the CLI prints it and exits non-zero. */
export class DossierError extends Error {}

const PRESS_ROLES = "Presse, Bureau National ou Administration";

const codeOf = (error: unknown) =>
  error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data?.code : undefined;

/** Logs in, fetches the edition's press-kit model, renders it here and writes the PDF. */
export async function exportDossier(
  options: ExportOptions,
): Promise<{ pageCount: number; bytes: number }> {
  const { server, year, progress } = options;
  const client = createDossierClient(server);
  const unreachable = () =>
    new DossierError(
      `Serveur injoignable à ${server}. Est-il démarré ? (pnpm start, ou --server <url>)`,
    );

  const { email, password } = await options.credentials();
  progress("Connexion…");
  try {
    await client.auth.login.mutate({ email, password });
  } catch (error) {
    if (isUnreachable(error)) throw unreachable();
    const code = codeOf(error);
    if (code === "UNAUTHORIZED")
      throw new DossierError(
        `Connexion refusée pour ${email} : adresse e-mail ou mot de passe incorrect.`,
      );
    if (code === "TOO_MANY_REQUESTS")
      throw new DossierError(`Trop de tentatives de connexion : ${(error as Error).message}`);
    throw new DossierError(`Connexion impossible : ${(error as Error).message}`);
  }

  progress("Récupération des données…");
  let model: PressKitModel;
  try {
    model = PressKitModel.parse(await client.pressKit.model.query({ year }));
  } catch (error) {
    if (isUnreachable(error)) throw unreachable();
    const code = codeOf(error);
    if (code === "FORBIDDEN") {
      throw new DossierError(
        `Le compte ${email} n'a pas accès au dossier de presse : il faut un compte ${PRESS_ROLES}.`,
      );
    }
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      throw new DossierError(`Aucune édition ${year} sur ${server}.`);
    throw new DossierError(`Le serveur n'a pas fourni le dossier : ${(error as Error).message}`);
  }
  // Leave no session behind on the server; a failure here changes nothing for the export.
  await client.auth.logout.mutate().catch(() => undefined);

  progress("Mise en page…");
  const { pdf, pageCount } = await renderPressKitWithReport(model);
  try {
    await writeFile(options.out, pdf);
  } catch (error) {
    throw new DossierError(`Impossible d'écrire ${options.outLabel} : ${(error as Error).message}`);
  }
  const ko = formatNumber(Math.round(pdf.byteLength / 1024), FOR_TERMINAL);
  progress(`Écrit : ${options.outLabel} (${pageCount} pages, ${ko} Ko)`);
  return { pageCount, bytes: pdf.byteLength };
}
