import { realActivity } from "@tribune/db/seed";
import { ROLE_LABELS } from "@tribune/domain/auth";
import { FOR_TERMINAL, formatCount } from "@tribune/domain/format";
import type { Command } from "commander";
import { loadDemo } from "../bootstrap";
import { readEnv } from "../env";
import { withDatabase } from "./database";

/**
 * `tribune demo load`: the demo (the 2026 congress, its dossiers, the press kit's surveys with
 * synthetic responses, demo accounts when there is no account yet) on any database — but never
 * on one holding what real people did (registrations, survey answers).
 */
export function demoLoadCommand(demo: Command): void {
  demo
    .command("load")
    .description(
      "Charge la démonstration (congrès 2026, réponses synthétiques, comptes de démonstration) ; refuse une base qui contient des données réelles",
    )
    .action(async () => {
      const env = readEnv();
      const outcome = await withDatabase(async ({ db }) => {
        const real = await realActivity(db);
        if (real.registrations > 0 || real.responses > 0)
          throw new Error(
            `Cette base contient des données réelles (${formatCount(real.registrations, "inscription", "inscriptions", FOR_TERMINAL)}, ${formatCount(real.responses, "réponse d'enquête", "réponses d'enquête", FOR_TERMINAL)}) : la démonstration n'y est pas chargée.`,
          );
        return db.transaction((tx) => loadDemo(tx, { demoPassword: env.TRIBUNE_DEMO_PASSWORD }));
      }, env);
      console.log(
        outcome.seeded
          ? "Démonstration chargée : 26e congrès (Dijon, 22–23 janvier 2026), ses dossiers et les enquêtes du dossier de presse avec des réponses synthétiques."
          : "La démonstration était déjà là : complétée sans rien écraser.",
      );
      if (outcome.demoAccounts.length > 0) {
        console.log(
          "Comptes de démonstration — notez ces mots de passe, ils ne seront plus affichés :",
        );
        for (const a of outcome.demoAccounts)
          console.log(`  ${a.email.padEnd(28)} ${a.password}   ${ROLE_LABELS[a.role]}`);
      } else console.log("Des comptes existent déjà : aucun compte de démonstration n'a été créé.");
    });
}
