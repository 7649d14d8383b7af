import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { importProgramme, systemContext } from "@tribune/api";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { SESSION_KIND_LABELS, SessionKind } from "@tribune/domain/congress";
import { formatCount } from "@tribune/domain/format";
import { DomainError } from "@tribune/domain/kernel";
import {
  FALLBACK_KIND,
  type KindMapping,
  MAX_PROGRAMME_IMPORT_BYTES,
  type ProgrammeImportReport,
} from "@tribune/domain/schedule";
import type { Command } from "commander";
import { readEnv } from "../env";
import { withDatabase } from "./database";

/** `--kind workshop=atelier`, repeatable: the organiser's mapping of types and tracks. */
function collectKind(value: string, previous: KindMapping): KindMapping {
  const at = value.lastIndexOf("=");
  const name = value.slice(0, at).trim();
  const kind = SessionKind.safeParse(value.slice(at + 1).trim());
  if (at <= 0 || !name || !kind.success)
    throw new Error(
      `--kind ${value} : attendu TYPE=TYPE_DE_SESSION, parmi ${Object.keys(SESSION_KIND_LABELS).join(", ")}.`,
    );
  return { ...previous, [name]: kind.data };
}

/** The report, as a person reads it in a terminal. */
export function reportLines(report: ProgrammeImportReport, file: string, year: number): string[] {
  const lines = [
    `Import de ${file} dans l'édition ${year}${report.dryRun ? " (essai : rien n'est écrit)" : ""}`,
  ];
  if (report.fileRefusal) return [...lines, `Fichier refusé : ${report.fileRefusal}`];
  lines.push(
    `  Sessions : ${formatCount(report.created, "créée", "créées")}, ${formatCount(report.updated, "mise à jour", "mises à jour")}, ${formatCount(report.skipped, "inchangée", "inchangées")}`,
  );
  if (report.roomsCreated.length > 0)
    lines.push(`  Salles créées : ${report.roomsCreated.join(", ")}`);
  if (report.speakersCreated.length > 0)
    lines.push(`  Intervenant·es ajouté·es : ${report.speakersCreated.join(", ")}`);
  if (report.kinds.length > 0)
    lines.push(
      `  Types : ${report.kinds.map((k) => `${k.value} → ${SESSION_KIND_LABELS[k.kind]} (${k.sessions})`).join(" ; ")} — choix gardés pour le prochain import`,
    );
  if (report.unmappedKinds.length > 0)
    lines.push(
      `  Types sans correspondance, importés en « ${SESSION_KIND_LABELS[FALLBACK_KIND]} » (précisez --kind TYPE=…) : ${report.unmappedKinds.join(" ; ")}`,
    );
  for (const conflict of report.conflicts) lines.push(`  Conflit : ${conflict}`);
  if (report.wrongDates) lines.push(`  ${report.wrongDates}`);
  for (const line of report.refused)
    lines.push(
      `  Session n°${line.position}${line.title ? ` « ${line.title} »` : ""} refusée : ${line.reason}`,
    );
  if (report.applied) lines.push("Programme importé : les nouvelles sessions sont en brouillon.");
  else if (!report.dryRun || report.refused.length + report.conflicts.length > 0)
    lines.push("Fichier refusé : rien n'a été écrit.");
  return lines;
}

export function programmeCommands(program: Command): void {
  const programme = program.command("programme").description("Programme d'une édition");
  programme
    .command("import")
    .description(
      "Importe un programme frab/pretalx (schedule.json ou schedule.xml) en sessions brouillon",
    )
    .argument("<fichier>", "schedule.json ou schedule.xml")
    .requiredOption("--edition <année>", "année de l'édition")
    .option("--dry-run", "lire et rendre compte sans rien écrire")
    .option("--kind <type=session>", "type ou piste → type de session (répétable)", collectKind, {})
    .action(
      async (file: string, opts: { edition: string; dryRun?: boolean; kind: KindMapping }) => {
        const env = readEnv();
        const path = resolve(env.INIT_CWD ?? process.cwd(), file);
        const year = /^\d{4}$/.test(opts.edition) ? Number(opts.edition) : Number.NaN;
        // A huge file is refused before it is read into memory.
        const size = (await stat(path).catch(() => null))?.size;
        if (size === undefined) throw new Error(`Fichier introuvable : ${file}`);
        if (size > MAX_PROGRAMME_IMPORT_BYTES)
          throw new Error(
            `Fichier trop volumineux : ${Math.round(MAX_PROGRAMME_IMPORT_BYTES / 1024 / 1024)} Mo au plus. Rien n'a été écrit.`,
          );
        const content = await readFile(path, "utf8");
        const report = await withDatabase(async ({ db }) => {
          const edition = Number.isNaN(year) ? null : await findEditionByYear(db, year);
          if (!edition) throw new Error(`Aucune édition ${opts.edition}.`);
          // No live event: the command closes the database as soon as it committed, before a
          // NOTIFY could leave (as `edition create`); a running server refreshes within a minute.
          return importProgramme(systemContext(db), {
            editionId: edition.id,
            content,
            dryRun: opts.dryRun ?? false,
            kindMapping: opts.kind,
          });
        }, env).catch((error: unknown) => {
          throw error instanceof DomainError ? new Error(error.message) : error;
        });
        for (const line of reportLines(report, file, year)) console.log(line);
        const refused = report.fileRefusal || report.refused.length + report.conflicts.length > 0;
        if (refused) process.exitCode = 1;
      },
    );
}
