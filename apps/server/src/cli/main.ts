import { createInterface } from "node:readline";
import { createAccount, SYSTEM } from "@tribune/api";
import {
  type Database,
  disableUser,
  findEditionByYear,
  findUserByEmail,
  listSubdivisionOptions,
  listUsers,
  type OpenDatabase,
  openDatabase,
  recordAudit,
  seedSyntheticRegistrations,
} from "@tribune/db";
import { ROLE_LABELS, ROLES } from "@tribune/domain";
import { Command, Option } from "commander";
import { ZodError, z } from "zod";
import { databaseTarget, readEnv } from "../env";
import { demoLoadCommand } from "./demo";
import { editionCommands } from "./edition";

/** Account management straight on the database: works with the server stopped (PGlite) or on PostgreSQL. */
async function withDatabase<T>(work: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseTarget(readEnv()));
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

/** Accents and case do not matter: "saint-etienne" finds Saint-Étienne. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

/** A subdivision named by its name, slug or id, or a French error listing the known ones. */
async function subdivisionIdOf(db: Database, wanted: string): Promise<string> {
  const options = await listSubdivisionOptions(db);
  if (options.length === 0) {
    throw new Error(
      "Aucune subdivision en base : démarrez le serveur une première fois (pnpm start).",
    );
  }
  const match = options.find((o) => [o.id, o.slug, o.name].some((v) => fold(v) === fold(wanted)));
  if (!match) {
    const known = options.map((o) => o.name).join(", ");
    throw new Error(`Subdivision inconnue : « ${wanted} ». Subdivisions : ${known}.`);
  }
  return match.id;
}

const program = new Command("tribune").description("Gestion des comptes Tribune");
const user = program.command("user").description("Comptes utilisateur·rices");

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
    const created = await withDatabase(async ({ db }) =>
      createAccount(
        db,
        {
          email: opts.email,
          role: opts.role,
          displayName: opts.name,
          subdivisionId: opts.subdivision ? await subdivisionIdOf(db, opts.subdivision) : null,
          password,
        },
        SYSTEM,
      ),
    );
    console.log(`Compte créé : ${created.email} (${ROLE_LABELS[created.role]}).`);
  });

user
  .command("list")
  .description("Liste les comptes")
  .action(async () => {
    const users = await withDatabase(({ db }) => listUsers(db));
    console.table(
      users.map((u) => ({
        email: u.email,
        rôle: u.role,
        nom: u.displayName,
        actif: u.disabled ? "non" : "oui",
      })),
    );
  });

user
  .command("disable")
  .description("Désactive un compte et ferme ses sessions")
  .requiredOption("--email <email>", "adresse e-mail du compte")
  .action(async (opts: { email: string }) => {
    const email = z.email({ error: "Adresse e-mail invalide." }).parse(opts.email.toLowerCase());
    await withDatabase(({ db }) =>
      db.transaction(async (tx) => {
        const found = await findUserByEmail(tx, email);
        if (!found) throw new Error(`Aucun compte pour ${email}.`);
        await disableUser(tx, found.id);
        await recordAudit(tx, SYSTEM, { entity: "user", entityId: found.id, action: "disable" });
      }),
    );
    console.log(`Compte désactivé : ${email}.`);
  });

const demo = program.command("demo").description("Données de démonstration");
demoLoadCommand(demo);
editionCommands(program);

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

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof ZodError
      ? error.issues.map((i) => i.message).join("\n")
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`Erreur : ${message}`);
  process.exit(1);
});
