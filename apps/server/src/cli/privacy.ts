import { purgeExpiredPersonalData, systemContext } from "@tribune/api";
import { formatCount, formatDate } from "@tribune/domain/format";
import type { Command } from "commander";
import { readEnv } from "../env";
import { withDatabase } from "./database";

/**
 * `tribune privacy purge`: what the running server does every hour, on demand — the personal
 * data of congresses past their promised retention becomes counts per subdivision.
 */
export function privacyCommands(program: Command): void {
  const privacy = program
    .command("privacy")
    .description("Données personnelles : durée de conservation promise aux inscrit·es");
  privacy
    .command("purge")
    .description(
      "Efface les inscriptions des congrès terminés depuis plus d'un an (restent les comptes par subdivision)",
    )
    .option("--dry-run", "dire ce qui serait effacé, sans rien effacer")
    .action(async (opts: { dryRun?: boolean }) => {
      const dryRun = opts.dryRun === true;
      const reports = await withDatabase(
        ({ db }) => purgeExpiredPersonalData(systemContext(db), { dryRun }),
        readEnv(),
      );
      if (reports.length === 0)
        return console.log("Rien à effacer : aucun congrès n'a dépassé sa durée de conservation.");
      for (const r of reports)
        console.log(
          `${dryRun ? "Serait effacé" : "Effacé"} — congrès ${r.year} (conservé jusqu'au ${formatDate(r.keptUntil)}) : ${[
            formatCount(r.registrations, "inscription", "inscriptions"),
            formatCount(r.signups, "inscription à un atelier", "inscriptions à des ateliers"),
            formatCount(r.messages, "courriel", "courriels"),
            formatCount(
              r.auditEntries,
              "entrée du journal anonymisée",
              "entrées du journal anonymisées",
            ),
          ].join(", ")}.`,
        );
    });
}
