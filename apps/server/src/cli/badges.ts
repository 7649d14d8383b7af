import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { badgeSheets, certificateBook, subdivisionNamed, systemContext } from "@tribune/api";
import { formatCount } from "@tribune/domain/format";
import { IsoDate } from "@tribune/domain/kernel";
import { BADGE_FORMATS, type BadgeFormat } from "@tribune/domain/union";
import { renderBadges, renderCertificates } from "@tribune/press-kit";
import { type Command, Option } from "commander";
import { readEnv } from "../env";
import { withDatabase } from "./database";

const yearOf = (value: string) => {
  if (!/^\d{4}$/.test(value)) throw new Error(`--edition ${value} : une année sur 4 chiffres.`);
  return Number(value);
};

/**
 * `tribune badges` and `tribune attestations`: the attendees' PDFs straight from the database
 * (the server may be stopped), rendered in this process by the same package as the server's
 * worker. Each print is audited as an export by the system, as from the admin.
 */
export function badgeCommands(program: Command): void {
  program
    .command("badges")
    .description("Badges des congressistes (PDF à imprimer et découper)")
    .requiredOption("--edition <année>", "année de l'édition")
    .requiredOption("--out <fichier>", "fichier PDF à écrire, ex. badges.pdf")
    .addOption(
      new Option("--format <format>", "a6 (4 par A4) ou card (10 par A4)")
        .choices(BADGE_FORMATS)
        .default("a6"),
    )
    .option("--subdivision <nom>", "une subdivision seulement, ex. Dijon")
    .option("--depuis <AAAA-MM-JJ>", "inscrit·es depuis ce jour seulement")
    .action(
      async (opts: {
        edition: string;
        out: string;
        format: BadgeFormat;
        subdivision?: string;
        depuis?: string;
      }) => {
        const env = readEnv();
        const year = yearOf(opts.edition);
        const since = opts.depuis ? IsoDate.safeParse(opts.depuis) : null;
        if (since && !since.success)
          throw new Error(`--depuis ${opts.depuis} : une date AAAA-MM-JJ.`);
        const model = await withDatabase(async ({ db, events }) => {
          const ctx = systemContext(db, events);
          const subdivisionId = opts.subdivision
            ? (await subdivisionNamed(ctx, opts.subdivision)).id
            : undefined;
          return badgeSheets(ctx, {
            year,
            format: opts.format,
            ...(subdivisionId && { subdivisionId }),
            ...(since?.success && { registeredSince: since.data }),
          });
        }, env);
        const { pdf, pageCount } = await renderBadges(model);
        const out = resolve(env.INIT_CWD ?? process.cwd(), opts.out);
        await writeFile(out, pdf);
        console.log(
          `${formatCount(model.badges.length, "badge", "badges")} sur ${formatCount(pageCount, "feuille", "feuilles")} A4 : ${out}`,
        );
      },
    );

  program
    .command("attestations")
    .description("Attestations de présence de toutes les personnes arrivées (PDF)")
    .requiredOption("--edition <année>", "année de l'édition")
    .requiredOption("--out <fichier>", "fichier PDF à écrire, ex. attestations.pdf")
    .action(async (opts: { edition: string; out: string }) => {
      const env = readEnv();
      const year = yearOf(opts.edition);
      const model = await withDatabase(
        ({ db, events }) => certificateBook(systemContext(db, events), { year }),
        env,
      );
      const { pdf } = await renderCertificates(model);
      const out = resolve(env.INIT_CWD ?? process.cwd(), opts.out);
      await writeFile(out, pdf);
      console.log(
        `${formatCount(model.certificates.length, "attestation", "attestations")} : ${out}`,
      );
    });
}
