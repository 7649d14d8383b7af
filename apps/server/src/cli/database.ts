import { type OpenDatabase, openDatabase } from "@tribune/db";
import { databaseTarget, readEnv, type ServerEnv } from "../env";

/** The command line works straight on the database: the server stopped (PGlite) or on PostgreSQL. */
export async function withDatabase<T>(
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
