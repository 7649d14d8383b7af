import { fileURLToPath } from "node:url";
import { createPublicRateLimits, settlePasswordResets, stopInvitationJobs } from "@tribune/api";
import { openDatabase } from "@tribune/db";
import { listEditions } from "@tribune/db/repos/editions";
import { listUsers } from "@tribune/db/repos/users";
import { ROLE_LABELS } from "@tribune/domain/auth";
import { currentEdition } from "@tribune/domain/congress";
import { ROUTES } from "@tribune/domain/routes";
import { bootstrap, DEMO_EDITION_ID, startHousekeeping } from "./bootstrap";
import { databaseTarget, demoChoice, mailTarget, readEnv } from "./env";
import { createApp } from "./http/app";
import { createInvitationMailer } from "./mail/invitation-mailer";
import { startMailWorker } from "./mail/start";

const env = readEnv();
const adminDir = fileURLToPath(new URL("../../admin/dist", import.meta.url));

async function main() {
  const database = await openDatabase(databaseTarget(env));
  const demo = demoChoice(env, database.kind);
  const { seeded, demoAccounts } = await bootstrap(database.db, {
    demo,
    demoPassword: env.TRIBUNE_DEMO_PASSWORD,
  });
  const noAccount = (await listUsers(database.db)).length === 0;
  const editions = await listEditions(database.db);
  const isDemo = editions.some((e) => e.id === DEMO_EDITION_ID);
  const current = currentEdition(editions, new Date());
  const stopHousekeeping = startHousekeeping(database.db);
  const stopMail = startMailWorker(database.db, mailTarget(env));
  const invitationMailer = createInvitationMailer(mailTarget(env));
  const app = await createApp({
    ...(invitationMailer ? { invitationMailer } : {}),
    database,
    publicUrl: env.TRIBUNE_PUBLIC_URL,
    adminDir,
    rateLimits: env.TRIBUNE_RATE_LIMITS === "on" ? createPublicRateLimits() : null,
    proxyHops: env.TRIBUNE_PROXY_HOPS,
  });
  const server = app.server;
  await app.listen({ port: env.PORT, host: env.HOST });
  const url = env.TRIBUNE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const where =
    database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite, ${env.dataDir}`;
  console.log(`Tribune est prêt : ${url}  — base : ${where}`);
  if (isDemo && demo !== false)
    console.log(
      "Démonstration : congrès 2026, comptes de démonstration et réponses d'enquête synthétiques (fictives). En production : DATABASE_URL (PostgreSQL) ou TRIBUNE_DEMO=off.",
    );
  if (seeded)
    console.log(
      "Le 26e congrès (Dijon, 22–23 janvier 2026) a été chargé depuis le dossier de presse.",
    );
  if (demoAccounts.length > 0) {
    console.log(
      "\nComptes de démonstration — notez ces mots de passe, ils ne seront plus affichés :",
    );
    for (const a of demoAccounts)
      console.log(`  ${a.email.padEnd(28)} ${a.password}   ${ROLE_LABELS[a.role]}`);
    console.log("");
  }
  if (noAccount) {
    const stop =
      database.kind === "pglite"
        ? " (serveur arrêté : PGlite ne sert qu'un processus à la fois)"
        : "";
    console.log(
      [
        "",
        "Aucun compte : aucune donnée de démonstration n'a été chargée, aucun mot de passe créé.",
        `Créez le premier compte d'administration${stop} :`,
        '  pnpm tribune user add --role admin --email vous@exemple.fr --name "Votre nom" --password-stdin',
        "  (le mot de passe est lu sur l'entrée standard)",
        "Puis créez la première édition dans l'administration, ou :",
        '  pnpm tribune edition create --year 2027 --number 27 --city Lyon --venue "…" --theme "…" --first-day 2027-01-21 --last-day 2027-01-22',
        "",
      ].join("\n"),
    );
  }
  console.log(
    current
      ? `Connexion : ${url}  ·  programme public : ${url}${ROUTES.programmeJson.url(current.year)}`
      : `Connexion : ${url}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} reçu : arrêt de Tribune…`);
    setTimeout(() => server.closeAllConnections(), 5000).unref();
    // Open requests finish (idle connections close at once), then the database closes.
    app.close().then(async () => {
      stopHousekeeping();
      // Campaigns being sent record their last batch and end interrupted (resumable).
      await stopInvitationJobs();
      // Reset links asked for just before (prepared after their answer) reach the outbox.
      await settlePasswordResets();
      invitationMailer?.close();
      await stopMail();
      await database.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error && error.name === "DataDirInUseError" ? error.message : error,
  );
  process.exit(1);
});
