import { writeFile } from "node:fs/promises";
import { cookieFetch, explainClientError, trpcCodeOf } from "@tribune/cli-kit";
import { FOR_TERMINAL, formatNumber } from "@tribune/domain/format";
import { PressKitModel } from "@tribune/domain/press-kit";
import { createDossierClient } from "./client";
import { downloadPressKit } from "./download";

export interface ExportOptions {
  server: string;
  /** The edition's year; absent: the server's current edition (its one rule). */
  year?: number | undefined;
  /** Where to write the PDF for the edition of `year`: the path, and as the user typed it. */
  output: (year: number) => { out: string; outLabel: string };
  credentials: () => Promise<{ email: string; password: string }>;
  progress: (line: string) => void;
  /** Warnings (stderr): the export goes on. */
  warn: (line: string) => void;
}

/** A failure the user can act on, in French; the CLI prints it and exits non-zero. */
export class DossierError extends Error {}

const PRESS_ROLES = "Presse, Bureau National ou Administration";

/**
 * Logs in, fetches the edition's press-kit model (to warn of the programme's conflicts, and to
 * name what is missing or refused), then has the server lay it out — the PDF every reader
 * downloads (GET /api/editions/:year/press-kit.pdf), rendered in the server's warm worker — and
 * writes it. Nothing is laid out here: the command starts at once, and installs on a laptop
 * without react-pdf. A new edition's kit is drafts (templates, or the previous edition's
 * texts): its pages print under the BROUILLON watermark until the bureau validates each section.
 */
export async function exportDossier(
  options: ExportOptions,
): Promise<{ year: number; pageCount: number; bytes: number }> {
  const { server, progress } = options;
  // One session for the tRPC calls and the PDF's download.
  const fetchWithCookies = cookieFetch();
  const client = createDossierClient(server, fetchWithCookies);
  const { email, password } = await options.credentials();
  /** cli-kit's explainer, in the dossier's words. */
  const explained = (error: unknown, signingIn = false) =>
    new DossierError(
      explainClientError(error, {
        server,
        ...(signingIn ? { signingInAs: email } : { account: email }),
        resource: "au dossier de presse",
        allowedRoles: PRESS_ROLES,
      }),
    );

  progress("Connexion…");
  try {
    await client.auth.login.mutate({ email, password });
  } catch (error) {
    throw explained(error, true);
  }

  let year = options.year;
  if (year === undefined) {
    let current: { year: number } | null;
    try {
      current = await client.edition.current.query();
    } catch (error) {
      throw explained(error);
    }
    if (!current) throw new DossierError(`Aucune édition du congrès sur ${server}.`);
    year = current.year;
  }
  const { out, outLabel } = options.output(year);

  progress("Récupération des données…");
  let answer: unknown;
  try {
    answer = await client.pressKit.model.query({ year });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      throw new DossierError(`Aucune édition ${year} sur ${server}.`);
    throw explained(error);
  }
  const parsed = PressKitModel.safeParse(answer);
  if (!parsed.success)
    throw new DossierError(`Le serveur n'a pas fourni le dossier : ${parsed.error.message}`);
  const model = parsed.data;
  warnOfConflicts(model.programmeConflicts, options.warn);

  progress("Mise en page…");
  let download: Awaited<ReturnType<typeof downloadPressKit>>;
  try {
    download = await downloadPressKit(server, year, fetchWithCookies);
  } catch (error) {
    throw explained(error);
  } finally {
    // Leave no session behind on the server; a failure here changes nothing for the export.
    await client.auth.logout.mutate().catch(() => undefined);
  }
  if (!download.ok) throw new DossierError(download.message);
  const { pdf, pageCount } = download;
  try {
    await writeFile(out, pdf);
  } catch (error) {
    throw new DossierError(`Impossible d'écrire ${outLabel} : ${(error as Error).message}`);
  }
  const ko = formatNumber(Math.round(pdf.byteLength / 1024), FOR_TERMINAL);
  progress(`Écrit : ${outLabel} (${pageCount} pages, ${ko} Ko)`);
  return { year, pageCount, bytes: pdf.byteLength };
}

/**
 * A programme with conflicts still exports (the PDF prints overlapping sessions side by side),
 * but the press officer is told before sending it, with what to ask the organisers to fix.
 */
function warnOfConflicts(conflicts: string[], warn: (line: string) => void) {
  if (conflicts.length === 0) return;
  const count = formatNumber(conflicts.length, FOR_TERMINAL);
  warn(
    `Attention : le programme publié a ${count} conflit${conflicts.length > 1 ? "s" : ""} ` +
      "(le PDF imprime côte à côte les sessions qui se chevauchent) :",
  );
  for (const conflict of conflicts) warn(`  - ${conflict}`);
  warn("Faites-les corriger dans le programme avant de diffuser le dossier.");
}
