import { archiveEdition, createEdition, createEditionFrom, editionView } from "@tribune/api";
import type { OpenDatabase } from "@tribune/db";
import { findEditionByYear, listEditions } from "@tribune/db/repos/editions";
import {
  EditionFromInput,
  EditionInput,
  type EditionWithBudget,
  editionStatus,
} from "@tribune/domain/congress";
import { formatCount, formatEditionDates } from "@tribune/domain/format";
import { DomainError } from "@tribune/domain/kernel";
import type { Command } from "commander";
import { ZodError } from "zod";
import { withDatabase } from "./database";

/** The command-line flag of each field, to name it in an error. */
const FLAGS: Record<string, string> = {
  year: "--year",
  number: "--number",
  fromYear: "--from",
  theme: "--theme",
  subtitle: "--subtitle",
  city: "--city",
  venue: "--venue",
  firstDay: "--first-day",
  lastDay: "--last-day",
  timeZone: "--time-zone",
  expectedAttendance: "--expected-attendance",
  capacity: "--capacity",
  registrationOpensOn: "--registration-opens",
  registrationClosesOn: "--registration-closes",
  budgetEuros: "--budget",
};

/** A refusal said in French, naming the flag to fix. */
function explained(error: unknown): Error {
  if (error instanceof ZodError)
    return new Error(
      error.issues
        .map((i) => {
          const flag = FLAGS[String(i.path[0])];
          return flag ? `${flag} : ${i.message}` : i.message;
        })
        .join("\n"),
    );
  if (error instanceof DomainError) return new Error(error.message);
  // A tRPC-less service call wraps nothing: anything else is a bug, shown as it is.
  return error instanceof Error ? error : new Error(String(error));
}

const number = (value: string | undefined) =>
  value === undefined ? undefined : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;

interface CreateOptions {
  year: string;
  number: string;
  from?: string;
  theme?: string;
  subtitle?: string;
  city?: string;
  venue?: string;
  firstDay: string;
  lastDay: string;
  timeZone?: string;
  expectedAttendance?: string;
  capacity?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  budget?: string;
  copyProgramme?: boolean;
  partners: boolean;
  surveys: boolean;
}

const days = (e: EditionWithBudget) => formatEditionDates(e.firstDay, e.lastDay);
const describe = (e: EditionWithBudget) =>
  `${e.number}e congrès, ${e.city} (${e.venue}), ${days(e)} — ${editionStatus(e, new Date()).label}`;

async function create(opts: CreateOptions): Promise<string[]> {
  const fields = {
    year: number(opts.year),
    number: number(opts.number),
    theme: opts.theme,
    subtitle: opts.subtitle,
    city: opts.city,
    venue: opts.venue,
    firstDay: opts.firstDay,
    lastDay: opts.lastDay,
    timeZone: opts.timeZone,
    expectedAttendance: number(opts.expectedAttendance),
    capacity: number(opts.capacity),
    registrationOpensOn: opts.registrationOpens,
    registrationClosesOn: opts.registrationCloses,
    budgetEuros: number(opts.budget),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (opts.from === undefined) {
    const missing = (["theme", "city", "venue"] as const).filter((key) => opts[key] === undefined);
    if (missing.length > 0)
      throw new Error(
        `${missing.map((key) => FLAGS[key]).join(", ")} : obligatoire sans --from (l'édition dont reprendre ce qui manque).`,
      );
  }
  return withDatabase(async ({ db }: OpenDatabase) => {
    // No live bus: the command ends (and closes the database) as soon as it committed, before
    // a NOTIFY could leave; a running server's pages reload the edition list on their own.
    const ctx = { db, actor: null };
    if (opts.from === undefined) {
      const edition = await createEdition(ctx, EditionInput.parse(defined));
      return [`Édition ${edition.year} créée : ${describe(edition)}.`];
    }
    const input = EditionFromInput.parse({
      ...defined,
      fromYear: number(opts.from),
      copy: {
        programme: Boolean(opts.copyProgramme),
        partners: opts.partners,
        surveys: opts.surveys,
      },
    });
    const { edition, copied } = await createEditionFrom(ctx, input);
    const lines = [
      `Édition ${edition.year} créée à partir de ${copied.fromYear} : ${describe(edition)}.`,
      `Copié : ${formatCount(copied.rooms, "salle", "salles")} (avec leurs capacités), ${formatCount(copied.sections, "section", "sections")} du dossier de presse (en brouillon), ${formatCount(copied.partners, "partenaire", "partenaires")}.`,
    ];
    if (copied.capacity !== undefined)
      lines.push(
        copied.capacity === null
          ? "Capacité de l'édition reprise : sans limite."
          : `Capacité de l'édition reprise : ${formatCount(copied.capacity, "place", "places")}.`,
      );
    if (copied.manualFigures)
      lines.push(
        copied.manualFigures === 1
          ? "Chiffres cités du dossier de presse : 1 copié tel quel, avec sa source (à vérifier pour la nouvelle année)."
          : `Chiffres cités du dossier de presse : ${formatCount(copied.manualFigures, "copié", "copiés")} tels quels, avec leur source (à vérifier pour la nouvelle année).`,
      );
    if (copied.surveys.length > 0)
      lines.push(`Enquêtes préparées en brouillon : ${copied.surveys.join(", ")}.`);
    if (input.copy.programme)
      lines.push(
        `Programme : ${formatCount(copied.sessions, "session", "sessions")} en brouillon sur les nouveaux jours (à publier)${copied.sessionPlaces ? `, dont ${formatCount(copied.sessionPlaces, "atelier", "ateliers")} avec le nombre de places fixé` : ""}.`,
      );
    if (copied.sessionsLeftOut.length > 0)
      lines.push(
        `Non copiées (hors des nouveaux jours) : ${copied.sessionsLeftOut.map((t) => `« ${t} »`).join(", ")}.`,
      );
    lines.push("Les inscriptions, arrivées, réponses et votes ne sont jamais copiés.");
    return lines;
  });
}

/** `tribune edition create | list | archive`. */
export function editionCommands(program: Command): void {
  const edition = program.command("edition").description("Éditions du congrès");

  edition
    .command("create")
    .description("Crée une édition, de zéro ou à partir d'une précédente (--from)")
    .requiredOption("--year <année>", "année, ex. 2027")
    .requiredOption("--number <n>", "numéro du congrès, ex. 27")
    .option("--from <année>", "édition précédente dont reprendre salles, textes, partenaires…")
    .option("--theme <texte>", "thème (repris de --from s'il est omis)")
    .option("--subtitle <texte>", "sous-titre")
    .option("--city <ville>", "ville")
    .option("--venue <lieu>", "lieu, ex. « Centre de congrès »")
    .requiredOption("--first-day <AAAA-MM-JJ>", "premier jour")
    .requiredOption("--last-day <AAAA-MM-JJ>", "dernier jour")
    .option("--time-zone <zone>", "fuseau horaire (Europe/Paris par défaut)")
    .option("--expected-attendance <n>", "nombre de congressistes attendu·es")
    .option("--capacity <n>", "places ouvertes à l'inscription")
    .option("--registration-opens <AAAA-MM-JJ>", "ouverture des inscriptions")
    .option("--registration-closes <AAAA-MM-JJ>", "clôture des inscriptions")
    .option("--budget <euros>", "budget (visible du bureau et de l'administration seulement)")
    .option("--copy-programme", "reprendre le programme en sessions brouillon (avec --from)")
    .option("--no-partners", "ne pas reprendre les partenaires (avec --from)")
    .option("--no-surveys", "ne pas préparer les enquêtes de l'année (avec --from)")
    .action(async (opts: CreateOptions) => {
      if (opts.copyProgramme && opts.from === undefined)
        throw new Error("--copy-programme demande --from (l'édition dont reprendre le programme).");
      const lines = await create(opts).catch((error: unknown) => {
        throw explained(error);
      });
      for (const line of lines) console.log(line);
    });

  edition
    .command("list")
    .description("Liste les éditions et leur état")
    .action(async () => {
      const editions = await withDatabase(({ db }) => listEditions(db));
      if (editions.length === 0) {
        console.log("Aucune édition. Créez-en une : pnpm tribune edition create --help");
        return;
      }
      const now = new Date();
      for (const e of editions) {
        const view = editionView(e, "admin", now);
        console.log(
          `${e.year}  ${`${e.number}e`.padEnd(5)} ${`${e.city}, ${e.venue}`.padEnd(40)} ${days(e).padEnd(26)} ${view.status.label}`,
        );
      }
    });

  edition
    .command("archive")
    .description("Archive une édition terminée : elle se consulte mais ne se modifie plus")
    .requiredOption("--year <année>", "année de l'édition")
    .action(async (opts: { year: string }) => {
      const year = number(opts.year);
      const archived = await withDatabase(async ({ db }) => {
        const edition = year === undefined ? null : await findEditionByYear(db, year);
        if (!edition) throw new Error(`Aucune édition ${opts.year}.`);
        return archiveEdition({ db, actor: null }, edition.id);
      }).catch((error: unknown) => {
        throw explained(error);
      });
      console.log(`Édition ${archived.year} archivée : elle se consulte mais ne se modifie plus.`);
    });
}
