import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { accountServices, subdivisionNamed, systemContext } from "@tribune/api";
import { isDatabaseUnavailable, type OpenDatabase, openDatabase } from "@tribune/db";
import { restoreBackup, writeBackup } from "@tribune/db/backup";
import { findEditionByYear } from "@tribune/db/repos/editions";
import { seedSyntheticRegistrations } from "@tribune/db/seed";
import { ROLE_LABELS, ROLES, type Role } from "@tribune/domain/auth";
import { Command, Option } from "commander";
import { ZodError, z } from "zod";
import { databaseTarget, readEnv, type ServerEnv } from "../env";
import { accountLinkCommands } from "./accounts";
import { badgeCommands } from "./badges";
import { demoLoadCommand } from "./demo";
import { editionCommands } from "./edition";
import { mailCommands } from "./mail";
import { privacyCommands } from "./privacy";
import { programmeCommands } from "./programme";
import { surveyCommands } from "./survey";

/** Administration straight on the database: works with the server stopped (PGlite) or on PostgreSQL. */
async function withDatabase<T>(
  work: (database: OpenDatabase) => Promise<T>,
  env: ServerEnv = readEnv(),
): Promise<T> {
  const database = await openDatabase(databaseTarget(env));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return "";
}

const program = new Command("tribune").description(
  "Administration de Tribune : comptes, sauvegardes, données de démonstration",
);
const user = program.command("user").alias("accounts").description("Comptes utilisateur·rices");
accountLinkCommands(user);

user
  .command("add")
  .description("Crée un compte ; le mot de passe est lu sur l'entrée standard")
  .requiredOption("--email <email>", "adresse e-mail (identifiant de connexion)")
  .addOption(new Option("--role <role>", "rôle").choices(ROLES).makeOptionMandatory())
  .option("--name <name>", "nom affiché", "")
  .option("--subdivision <nom>", "subdivision représentée (pour un·e représentant·e), ex. Dijon")
  .requiredOption("--password-stdin", "lire le mot de passe sur l'entrée standard")
  .action(async (opts: { email: string; role: string; name: string; subdivision?: string }) => {
    const password = await readStdin();
    const created = await withDatabase(async ({ db, events }) => {
      const ctx = systemContext(db, events);
      return accountServices.createAccount(ctx, {
        email: opts.email,
        role: opts.role,
        displayName: opts.name,
        subdivisionId: opts.subdivision ? (await subdivisionNamed(ctx, opts.subdivision)).id : null,
        password,
      });
    });
    console.log(`Compte créé : ${created.email} (${ROLE_LABELS[created.role]}).`);
  });

user
  .command("list")
  .description("Liste les comptes")
  .action(async () => {
    const users = await withDatabase(({ db, events }) =>
      accountServices.listAccounts(systemContext(db, events)),
    );
    console.table(
      users.map((u) => ({
        email: u.email,
        rôle: u.role,
        nom: u.displayName,
        actif: u.disabled ? "non" : "oui",
        invitation: u.invitationPending ? "en attente" : "",
      })),
    );
  });

user
  .command("disable")
  .description("Désactive un compte et ferme ses sessions")
  .requiredOption("--email <email>", "adresse e-mail du compte")
  .action(async (opts: { email: string }) => {
    const disabled = await withDatabase(({ db, events }) =>
      accountServices.disableAccount(systemContext(db, events), { email: opts.email }),
    );
    console.log(`Compte désactivé : ${disabled.email}.`);
  });

user
  .command("enable")
  .description("Réactive un compte désactivé (avec son mot de passe d'avant)")
  .requiredOption("--email <email>", "adresse e-mail du compte")
  .action(async (opts: { email: string }) => {
    const enabled = await withDatabase(({ db, events }) =>
      accountServices.enableAccount(systemContext(db, events), { email: opts.email }),
    );
    console.log(`Compte réactivé : ${enabled.email}.`);
  });

user
  .command("role")
  .description("Change le rôle d'un compte")
  .requiredOption("--email <email>", "adresse e-mail du compte")
  .addOption(new Option("--role <role>", "nouveau rôle").choices(ROLES).makeOptionMandatory())
  .option("--subdivision <nom>", "subdivision représentée (pour un·e représentant·e), ex. Dijon")
  // Commander checked the choice: a role.
  .action(async (opts: { email: string; role: Role; subdivision?: string }) => {
    const changed = await withDatabase(async ({ db, events }) => {
      const ctx = systemContext(db, events);
      return accountServices.setAccountRole(ctx, {
        email: opts.email,
        role: opts.role,
        subdivisionId: opts.subdivision ? (await subdivisionNamed(ctx, opts.subdivision)).id : null,
      });
    });
    console.log(`Rôle changé : ${changed.email} est désormais ${ROLE_LABELS[opts.role]}.`);
  });

const demo = program.command("demo").description("Données de démonstration");
demoLoadCommand(demo);
editionCommands(program);
mailCommands(program);
privacyCommands(program);
programmeCommands(program);
surveyCommands(program);
badgeCommands(program);

demo
  .command("registrations")
  .description(
    "Inscrit des congressistes synthétiques (marqué·es « synthétique », adresses en .example)",
  )
  .option("--count <n>", "nombre de personnes", "800")
  .option("--year <year>", "édition", "2026")
  .action(async (opts: { count: string; year: string }) => {
    const count = z.coerce.number().int().min(1).max(20_000).parse(opts.count);
    const year = z.coerce.number().int().parse(opts.year);
    const outcome = await withDatabase(async ({ db }) => {
      const edition = await findEditionByYear(db, year);
      if (!edition) throw new Error(`Aucune édition ${year} : démarrez le serveur une fois.`);
      return seedSyntheticRegistrations(db, edition.id, count);
    });
    console.log(
      `${outcome.registered} inscrit·es, ${outcome.waitlisted} en liste d'attente, ${outcome.skipped} déjà présent·es.`,
    );
  });

/** A path as the user typed it, from the folder they typed the command in (not pnpm's). */
const userPath = (env: ServerEnv, path: string) => resolve(env.INIT_CWD ?? process.cwd(), path);

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

async function startsWith(path: string, magic: Buffer): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await file.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await file.close();
  }
}

/**
 * The file's lines, read as they are asked for. The file is opened at the first line asked
 * for, not before: readline emits the lines of a stream that nobody iterates yet into the void.
 */
async function* linesOf(path: string, gzipped: boolean): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const input: Readable = gzipped ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (error) => input.destroy(error));
  yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

program
  .command("backup")
  .description(
    "Sauvegarde toute la base dans un fichier (un instantané cohérent ; compressé si le nom finit par .gz). " +
      "Sur PostgreSQL, le serveur peut tourner ; sur PGlite, arrêtez-le d'abord.",
  )
  .requiredOption("--out <fichier>", "fichier à créer, ex. tribune-2026-01-20.jsonl.gz")
  .action(async (opts: { out: string }) => {
    const env = readEnv();
    const path = userPath(env, opts.out);
    if (existsSync(path))
      throw new Error(
        `${path} existe déjà : choisissez un autre nom, une sauvegarde n'en écrase pas une autre.`,
      );
    // Written under a temporary name, synced, then renamed: a backup that exists is complete.
    // Readable by its owner only: it holds every personal datum of the base.
    const partial = `${path}.partiel`;
    const file = createWriteStream(partial, { flags: "wx", mode: 0o600 });
    const gzip = path.endsWith(".gz") ? createGzip() : null;
    const out: Writable = gzip ?? file;
    gzip?.pipe(file);
    const failed = new Promise<never>((_, reject) => {
      file.on("error", reject);
      gzip?.on("error", reject);
    });
    try {
      const summary = await withDatabase(
        ({ db, kind }) =>
          writeBackup(db, kind, async (line) => {
            if (!out.write(line)) await Promise.race([once(out, "drain"), failed]);
          }),
        env,
      );
      out.end();
      await Promise.race([once(file, "close"), failed]);
      const handle = await open(partial, "r+");
      await handle.sync();
      await handle.close();
      await rename(partial, path);
      const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Sauvegarde écrite : ${path} — ${rows} lignes, ${Object.keys(summary.rows).length} tables (niveau de migration ${summary.migrations.count}).`,
      );
    } catch (error) {
      out.destroy();
      file.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  });

program
  .command("restore")
  .description(
    "Restaure une sauvegarde dans une base vide (nouveau dossier TRIBUNE_DATA_DIR ou nouvelle base PostgreSQL), serveur arrêté",
  )
  .argument("<fichier>", "sauvegarde faite par « tribune backup »")
  .action(async (file: string) => {
    const env = readEnv();
    const path = userPath(env, file);
    if (!existsSync(path)) throw new Error(`Aucun fichier ${path}.`);
    const gzipped = await startsWith(path, GZIP_MAGIC);
    const summary = await withDatabase(({ db }) => restoreBackup(db, linesOf(path, gzipped)), env);
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    console.log(
      `Sauvegarde restaurée : ${rows} lignes, ${Object.keys(summary.rows).length} tables. Démarrez le serveur (pnpm start).`,
    );
  });

/** A lost or unreachable database is said in words, not as the driver's error. */
const DATABASE_LOST =
  "La base de données ne répond pas (connexion perdue ou serveur arrêté) : la commande s'est arrêtée. Relancez-la une fois la base revenue.";

program.parseAsync().catch((error: unknown) => {
  const message = isDatabaseUnavailable(error)
    ? DATABASE_LOST
    : error instanceof ZodError
      ? error.issues.map((i) => i.message).join("\n")
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`Erreur : ${message}`);
  process.exit(1);
});
