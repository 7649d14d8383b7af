import { is, type SQL, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, Executor } from "./client";
import * as schema from "./schema";

/**
 * Backups that PGlite and PostgreSQL both read and write, without pg_dump (PGlite has none).
 *
 * A backup is JSON lines: a header (format, version, migration level, the tables with their
 * columns in foreign-key order, the sequences), then one line per row (`{"table", "row"}`,
 * the row as PostgreSQL's `to_jsonb` writes it), then a trailer with every table's row count,
 * so that a truncated file is refused. Everything is read in one REPEATABLE READ, read-only
 * transaction: one consistent snapshot, taken while the server keeps writing. Rows are written
 * in primary-key order, not in the order they were stored.
 *
 * Restoring migrates first (the caller opens the database with `openDatabase`), refuses a
 * database that already holds rows or that is at another migration level, then inserts every
 * table in foreign-key order and sets the sequences, in one transaction.
 */

export const BACKUP_FORMAT = "tribune-backup";
export const BACKUP_VERSION = 1;
/** Rows inserted per statement when restoring. */
const RESTORE_BATCH = 500;
/** Rows read per FETCH when dumping. */
const DUMP_BATCH = 1000;

const Migrations = z.object({ count: z.number().int().min(0), last: z.string().nullable() });
const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(["pglite", "postgres"]),
  migrations: Migrations,
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1) })),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
});
export type BackupHeader = z.infer<typeof BackupHeader>;
const RowLine = z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) });
const Trailer = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int()) });

export interface BackupSummary {
  /** Rows per table, in foreign-key order. */
  rows: Record<string, number>;
  migrations: z.infer<typeof Migrations>;
}

/** A backup that cannot be restored here: the French message says why. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/**
 * Every table of the drizzle schema, parents before children (a table comes after every table
 * its foreign keys point to), in the schema's order otherwise.
 */
export function backupTables(): TableInfo[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  );
  const configs = new Map(tables.map((table) => [table, getTableConfig(table)]));
  const ordered: TableInfo[] = [];
  const placed = new Set<PgTable>();
  const visiting = new Set<PgTable>();
  const place = (table: PgTable) => {
    if (placed.has(table)) return;
    const config = configs.get(table);
    if (!config) throw new Error("Table outside the schema");
    if (visiting.has(table)) throw new Error(`Foreign-key cycle through ${config.name}`);
    visiting.add(table);
    for (const fk of config.foreignKeys) {
      const parent = fk.reference().foreignTable;
      if (parent !== table) place(parent);
    }
    visiting.delete(table);
    placed.add(table);
    const primaryKey = [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ];
    ordered.push({
      name: config.name,
      columns: config.columns.map((c) => c.name),
      primaryKey: primaryKey.length > 0 ? primaryKey : config.columns.map((c) => c.name),
    });
  };
  for (const table of tables) place(table);
  return ordered;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const list = (names: string[]): SQL =>
  sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );

/** The migrations applied to this database, as drizzle's migrator records them. */
async function migrationLevel(db: Executor): Promise<z.infer<typeof Migrations>> {
  const applied = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at, id`),
  );
  return { count: applied.length, last: applied.at(-1)?.hash ?? null };
}

/**
 * Writes a backup of every table, from one consistent snapshot, through `write` (one call per
 * line, newline included; awaited, so a slow file applies back-pressure).
 */
export async function writeBackup(
  db: Database,
  source: "pglite" | "postgres",
  write: (line: string) => Promise<void> | void,
): Promise<BackupSummary> {
  const tables = backupTables();
  return db.transaction(
    async (tx) => {
      const migrations = await migrationLevel(tx);
      // Sequences are not transactional: a value read here may run ahead of the snapshot's
      // rows, which leaves a gap in numbering after a restore, never a duplicate.
      const sequences = rowsOf<{ name: string; lastValue: string | null }>(
        await tx.execute(
          sql`select sequencename as "name", last_value::text as "lastValue" from pg_sequences where schemaname = 'public' order by sequencename`,
        ),
      );
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source,
        migrations,
        tables: tables.map(({ name, columns }) => ({ name, columns })),
        sequences,
      };
      await write(`${JSON.stringify(header)}\n`);
      const rows: Record<string, number> = {};
      for (const table of tables) {
        rows[table.name] = 0;
        const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
        await tx.execute(
          sql`declare backup_rows no scroll cursor for select to_jsonb(t)::text as "row" from ${sql.identifier(table.name)} t order by ${list(table.primaryKey)}`,
        );
        for (;;) {
          const batch = rowsOf<{ row: string }>(
            await tx.execute(sql.raw(`fetch ${DUMP_BATCH} from backup_rows`)),
          );
          for (const { row } of batch) await write(`${prefix}${row}}\n`);
          rows[table.name] = (rows[table.name] ?? 0) + batch.length;
          if (batch.length < DUMP_BATCH) break;
        }
        await tx.execute(sql`close backup_rows`);
      }
      await write(`${JSON.stringify({ end: true, rows })}\n`);
      return { rows, migrations };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

const parseLine = <T>(parser: z.ZodType<T>, line: string, lineNumber: number): T => {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RestoreRefusedError(
      `Sauvegarde illisible : la ligne ${lineNumber} n'est pas du JSON.`,
    );
  }
  const parsed = parser.safeParse(value);
  if (!parsed.success)
    throw new RestoreRefusedError(
      `Sauvegarde illisible : la ligne ${lineNumber} n'a pas la forme attendue.`,
    );
  return parsed.data;
};

/**
 * Restores a backup (its lines, without newlines) into an empty, migrated database, in one
 * transaction: nothing is written unless everything is. Refuses, with a French message
 * (RestoreRefusedError), a file that is not a complete Tribune backup, a backup made at
 * another migration level, and a database that already holds rows.
 */
export async function restoreBackup(
  db: Database,
  lines: AsyncIterable<string>,
): Promise<BackupSummary> {
  const known = new Map(backupTables().map((table) => [table.name, table]));
  return db.transaction(async (tx) => {
    let header: BackupHeader | null = null;
    let trailer: z.infer<typeof Trailer> | null = null;
    const rows: Record<string, number> = {};
    let pending = null as { table: string; rows: unknown[] } | null;
    const done = new Set<string>();
    let lineNumber = 0;

    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      const columns = header?.tables.find((t) => t.name === pending?.table)?.columns ?? [];
      const table = sql.identifier(pending.table);
      await tx.execute(
        sql`insert into ${table} (${list(columns)}) select ${list(columns)} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(pending.rows)}::jsonb)`,
      );
      pending.rows = [];
    };

    for await (const raw of lines) {
      lineNumber += 1;
      const line = raw.trim();
      if (line === "") continue;
      if (trailer)
        throw new RestoreRefusedError("Sauvegarde illisible : des lignes suivent la fin.");
      if (!header) {
        header = await startRestore(tx, parseLine(BackupHeader, line, lineNumber), known);
        continue;
      }
      if (line.startsWith('{"end"')) {
        await flush();
        trailer = parseLine(Trailer, line, lineNumber);
        continue;
      }
      const { table, row } = parseLine(RowLine, line, lineNumber);
      if (pending?.table !== table) {
        await flush();
        if (!header.tables.some((t) => t.name === table) || done.has(table))
          throw new RestoreRefusedError(
            `Sauvegarde illisible : table « ${table} » inattendue à la ligne ${lineNumber}.`,
          );
        if (pending) done.add(pending.table);
        pending = { table, rows: [] };
      }
      pending.rows.push(row);
      rows[table] = (rows[table] ?? 0) + 1;
      if (pending.rows.length >= RESTORE_BATCH) await flush();
    }
    if (!header) throw new RestoreRefusedError("Sauvegarde vide : aucune ligne d'en-tête.");
    if (!trailer)
      throw new RestoreRefusedError(
        "Sauvegarde incomplète : la fin du fichier manque (copie interrompue ?). Rien n'a été restauré.",
      );
    for (const { name } of header.tables) {
      if ((trailer.rows[name] ?? 0) !== (rows[name] ?? 0))
        throw new RestoreRefusedError(
          `Sauvegarde incomplète : ${trailer.rows[name] ?? 0} lignes annoncées pour « ${name} », ${rows[name] ?? 0} trouvées. Rien n'a été restauré.`,
        );
    }
    for (const { name, lastValue } of header.sequences) {
      if (lastValue !== null)
        await tx.execute(sql`select setval(${name}::regclass, ${lastValue}::bigint, true)`);
    }
    const counts = Object.fromEntries(header.tables.map(({ name }) => [name, rows[name] ?? 0]));
    return { rows: counts, migrations: header.migrations };
  });
}

/**
 * Checks the header against this database, locks every table against concurrent writers (a
 * server started meanwhile) and checks that they are empty.
 */
async function startRestore(
  tx: Executor,
  header: BackupHeader,
  known: Map<string, TableInfo>,
): Promise<BackupHeader> {
  const here = await migrationLevel(tx);
  if (here.count !== header.migrations.count || here.last !== header.migrations.last)
    throw new RestoreRefusedError(
      `Cette sauvegarde a été faite au niveau de migration ${header.migrations.count}, la base est au niveau ${here.count} : restaurez-la avec la version de Tribune qui l'a faite, puis mettez Tribune à jour.`,
    );
  for (const table of header.tables) {
    const ours = known.get(table.name);
    const missing = table.columns.filter((c) => !ours?.columns.includes(c));
    if (!ours || missing.length > 0)
      throw new RestoreRefusedError(
        `Cette sauvegarde ne correspond pas au schéma : table « ${table.name} »${missing.length > 0 ? `, colonnes ${missing.join(", ")}` : ""} inconnue·s ici.`,
      );
  }
  const names = [...known.keys()];
  await tx.execute(sql`lock table ${list(names)} in share row exclusive mode`);
  const filled: string[] = [];
  for (const name of names) {
    const [found] = rowsOf<{ any: boolean }>(
      await tx.execute(sql`select exists (select from ${sql.identifier(name)}) as "any"`),
    );
    if (found?.any) filled.push(name);
  }
  if (filled.length > 0)
    throw new RestoreRefusedError(
      `Restauration refusée : la base de destination n'est pas vide (${filled.join(", ")}). ` +
        "Restaurez dans une base neuve : un dossier TRIBUNE_DATA_DIR qui n'existe pas encore, " +
        "ou une base PostgreSQL créée pour l'occasion (DATABASE_URL). Rien n'a été modifié.",
    );
  return header;
}
