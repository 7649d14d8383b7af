import { listOutbox, systemContext } from "@tribune/api";
import { formatCount, formatDateTime } from "@tribune/domain/format";
import { OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, OutboxQuery } from "@tribune/domain/mail";
import { type Command, Option } from "commander";
import { mailTarget, readEnv } from "../env";
import { withDatabase } from "./database";

/** `tribune mail list`: the outbox's messages with their status, newest first (no bodies). */
export function mailCommands(program: Command): void {
  const mail = program.command("mail").description("Courriels envoyés par Tribune (outbox)");
  mail
    .command("list")
    .description("Liste les courriels et leur statut, les plus récents d'abord")
    .addOption(new Option("--status <statut>", "seulement ce statut").choices(OUTBOX_STATUSES))
    .option("--limit <n>", "nombre de courriels affichés", "50")
    .action(async (opts: { status?: string; limit: string }) => {
      const query = OutboxQuery.parse({ status: opts.status, limit: Number(opts.limit) });
      const env = readEnv();
      const page = await withDatabase(({ db }) => listOutbox(systemContext(db), query), env);
      const { counts } = page;
      console.log(
        [
          formatCount(counts.sent, "envoyé", "envoyés", { plainSpaces: true }),
          formatCount(counts.pending, "en attente", "en attente"),
          formatCount(counts.sending, "en cours d'envoi", "en cours d'envoi"),
          formatCount(counts.dead, "abandonné", "abandonnés"),
        ].join(", "),
      );
      const target = mailTarget(env);
      if ("directory" in target)
        console.log(
          `Sans TRIBUNE_SMTP_URL, chaque courriel envoyé est un fichier .eml dans ${target.directory}`,
        );
      if (page.items.length === 0) return console.log("Aucun courriel.");
      console.table(
        page.items.map((m) => ({
          statut: OUTBOX_STATUS_LABELS[m.status],
          destinataire: m.recipient,
          objet: m.subject,
          créé: formatDateTime(m.createdAt),
          envoyé: m.sentAt ? formatDateTime(m.sentAt) : "",
          tentatives: m.attempts,
          erreur: m.lastError ?? "",
        })),
      );
      if (page.total > page.items.length)
        console.log(`… ${page.total - page.items.length} de plus (--limit).`);
    });
}
