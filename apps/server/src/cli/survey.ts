import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { startInvitations, stopInvitationJobs, systemContext } from "@tribune/api";
import { FOR_TERMINAL, formatCount, formatNumber } from "@tribune/domain/format";
import {
  CAMPAIGN_STATUS_LABELS,
  describeCampaignProgress,
  INVITATION_RATE,
  type InvitationCampaign,
  InvitationRate,
  parseAddressList,
} from "@tribune/domain/surveys";
import type { Command } from "commander";
import { mailTarget, readEnv } from "../env";
import { createInvitationMailer } from "../mail/invitation-mailer";
import { withDatabase } from "./database";

/**
 * `tribune survey invite --survey SLUG --file emails.txt [--rate N]`: sends each address of the
 * file its own one-time link to the survey, over SMTP (TRIBUNE_SMTP_URL), at N messages a
 * minute, with a progress line. Works on the database directly, like the other commands; on
 * PGlite, stop the server first. Ctrl-C stops after the batch in flight: run the same command
 * again to resume (those already invited are skipped).
 */
export function surveyCommands(program: Command): void {
  const survey = program.command("survey").description("Enquêtes");
  survey
    .command("invite")
    .description("Envoie à chaque adresse du fichier son lien de réponse personnel, à usage unique")
    .requiredOption("--survey <identifiant>", "identifiant de l'enquête (son slug)")
    .requiredOption("--file <fichier>", "fichier d'adresses : une ou plusieurs par ligne")
    .option(
      "--rate <n>",
      `messages par minute (${INVITATION_RATE.min} à ${INVITATION_RATE.max})`,
      String(INVITATION_RATE.default),
    )
    .action(async (opts: { survey: string; file: string; rate: string }) => {
      const env = readEnv();
      const rate = InvitationRate.parse(Number(opts.rate));
      const text = await readFile(resolve(env.INIT_CWD ?? process.cwd(), opts.file), "utf8");
      const list = parseAddressList(text);
      if (list.invalid.length > 0) {
        for (const bad of list.invalid.slice(0, 20)) console.error(bad.message);
        if (list.invalid.length > 20)
          console.error(`… et ${formatNumber(list.invalid.length - 20, FOR_TERMINAL)} autres.`);
        throw new Error("Corrigez le fichier : aucune invitation n'est partie.");
      }
      const mailer = createInvitationMailer(mailTarget(env));
      const tty = process.stdout.isTTY;
      const line = (c: InvitationCampaign) =>
        `Invitations : ${describeCampaignProgress(c, FOR_TERMINAL)}`;
      // One line rewritten on a terminal, a line per batch otherwise (a log, a test).
      const print = (c: InvitationCampaign) =>
        tty ? process.stdout.write(`\r${line(c)}\u001b[K`) : console.log(line(c));
      try {
        const ended = await withDatabase(async ({ db, events }) => {
          const ctx = {
            ...systemContext(db, events),
            ...(env.TRIBUNE_PUBLIC_URL ? { publicUrl: env.TRIBUNE_PUBLIC_URL } : {}),
            ...(mailer ? { invitationMailer: mailer } : {}),
          };
          const { campaign, done } = await startInvitations(
            ctx,
            // The service finds a survey by its id or its slug.
            { id: opts.survey, rate, source: { kind: "list", text } },
            { onProgress: print },
          );
          const skipped =
            campaign.skipped > 0
              ? ` (${formatCount(campaign.skipped, "déjà invitée, ignorée", "déjà invitées, ignorées", FOR_TERMINAL)})`
              : "";
          console.log(
            `${formatCount(campaign.total, "invitation", "invitations", FOR_TERMINAL)} à envoyer${skipped}, ${formatNumber(rate, FOR_TERMINAL)} par minute.`,
          );
          const interrupt = () => void stopInvitationJobs();
          process.once("SIGINT", interrupt);
          process.once("SIGTERM", interrupt);
          try {
            print(campaign);
            return await done;
          } finally {
            process.off("SIGINT", interrupt);
            process.off("SIGTERM", interrupt);
          }
        }, env);
        if (tty) process.stdout.write("\n");
        console.log(`${CAMPAIGN_STATUS_LABELS[ended.status]} — ${line(ended)}.`);
        if (ended.status !== "finished") {
          console.log(
            "Relancez la même commande avec la même liste pour reprendre : les adresses déjà invitées sont ignorées.",
          );
          process.exitCode = 1;
        }
      } finally {
        mailer?.close();
      }
    });
}
