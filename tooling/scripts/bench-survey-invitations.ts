#!/usr/bin/env -S node --import tsx
/**
 * Survey invitations, end to end: --count addresses (default 6,000, the interns surveyed) given
 * as a list to `startInvitations`, their tokens issued in one transaction, each message rendered
 * and sent over SMTP (the server's pooled invitation mailer) to the in-process SMTP server of the
 * tests, at the highest rate the rules allow (60,000 a minute: batches of 50, 50 ms apart), the
 * counts and address hashes recorded after each batch. Prints messages per second and the peak
 * resident memory of the process (which also runs the receiving SMTP server), on a PGlite data
 * folder opened as the server opens it (fsync on), or on PostgreSQL with --database-url.
 *
 *   pnpm bench:invitations [--count 6000] [--rate 60000] [--database-url postgres://…]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    count: { type: "string", default: "6000" },
    rate: { type: "string", default: "60000" },
    "database-url": { type: "string" },
  },
});
const COUNT = Number(options.count);
const RATE = Number(options.rate);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} Mo`;

async function main() {
  const { openDatabase } = await import("@tribune/db");
  const { insertSurvey } = await import("@tribune/db/repos/surveys");
  const api = await import("@tribune/api");
  const domain = await import("@tribune/domain/surveys");
  const { createInvitationMailer } = await import("@tribune/server/mail/invitation-mailer");
  const { startTestSmtpServer } = await import("@tribune/cli-kit/smtp-testing");

  const dataDir = options["database-url"]
    ? null
    : mkdtempSync(join(tmpdir(), "tribune-bench-inv-"));
  const database = await openDatabase(
    dataDir ? { dataDir } : { url: options["database-url"] as string },
  );
  const smtp = await startTestSmtpServer({ keep: false });
  const mailer = createInvitationMailer({
    smtpUrl: smtp.url,
    from: "ISNAR-IMG <enquetes@isnar-img.example>",
  });
  if (!mailer) throw new Error("no mailer");
  try {
    const survey = await insertSurvey(
      database.db,
      domain.SurveyInput.parse({
        slug: `bench-invitations-${Date.now()}`,
        title: "Conditions de travail des internes",
        year: 2026,
        partners: [],
        audience: "Internes",
        opensOn: null,
        closesOn: null,
        disclosureThreshold: 11,
        status: "open",
        questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 1000 }],
      }),
    );
    const list = Array.from({ length: COUNT }, (_, i) => `interne-${i}@bench.example`).join("\n");

    let peakRss = process.memoryUsage().rss;
    const baseline = peakRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const ctx = {
      ...api.systemContext(database.db, database.events),
      publicUrl: "https://tribune.example",
      invitationMailer: mailer,
    };
    const started = performance.now();
    const { campaign, done } = await api.startInvitations(ctx, {
      id: survey.id,
      rate: RATE,
      source: { kind: "list", text: list },
    });
    const claimedMs = performance.now() - started;
    const ended = await done;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    console.log(
      `Invitations : ${COUNT} adresses, ${RATE} messages/min au plus (lots de ${domain.sendingPlan(RATE).batchSize}), base ${dataDir ? "PGlite (fsync)" : "PostgreSQL"}`,
    );
    console.log(
      `  campagne réclamée et ${campaign.total} jetons émis en une transaction : ${claimedMs.toFixed(0)} ms`,
    );
    console.log(
      `  ${ended.status} : ${ended.sent} envoyées, ${ended.bounced} refusées, ${ended.failed} en échec ; ${smtp.deliveries()} reçues par le serveur SMTP`,
    );
    console.log(
      `  ${seconds.toFixed(1)} s, ${(ended.sent / seconds).toFixed(0)} messages/s (plafond du débit : ${(RATE / 60).toFixed(0)}/s)`,
    );
    console.log(
      `  mémoire résidente : ${mb(baseline)} au départ, ${mb(peakRss)} au plus haut (+${mb(peakRss - baseline)}) ; maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    if (ended.sent !== COUNT || smtp.deliveries() !== COUNT) process.exitCode = 1;
  } finally {
    mailer.close();
    await smtp.close();
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
