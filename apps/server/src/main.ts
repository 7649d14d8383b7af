import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { createPublicRateLimits } from "@tribune/api";
import { openDatabase } from "@tribune/db";
import { ROLE_LABELS } from "@tribune/domain";
import { bootstrap, startHousekeeping } from "./bootstrap";
import { databaseTarget, readEnv } from "./env";
import { createApp } from "./http/app";

const env = readEnv();
const adminDir = fileURLToPath(new URL("../../admin/dist", import.meta.url));

async function main() {
  const database = await openDatabase(databaseTarget(env));
  const { seeded, demoAccounts } = await bootstrap(database.db, {
    demoPassword: env.TRIBUNE_DEMO_PASSWORD,
  });
  const stopHousekeeping = startHousekeeping(database.db);
  const server = createServer(
    createApp({
      database,
      publicUrl: env.TRIBUNE_PUBLIC_URL,
      adminDir,
      rateLimits: env.TRIBUNE_RATE_LIMITS === "on" ? createPublicRateLimits() : null,
      proxyHops: env.TRIBUNE_PROXY_HOPS,
    }),
  );
  server.listen(env.PORT, env.HOST, () => {
    const url = env.TRIBUNE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    const where =
      database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite, ${env.dataDir}`;
    console.log(`Tribune est prêt : ${url}  — base : ${where}`);
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
    console.log(
      `Connexion : ${url}  ·  programme public : ${url}/api/editions/2026/programme.json`,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} reçu : arrêt de Tribune…`);
    server.close(async () => {
      stopHousekeeping();
      await database.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
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
