import type { RegistrationTally } from "@tribune/domain/union";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { personalDataPurges, registrationTallies } from "../schema";

/**
 * The retention purge's storage (the domain decides which editions, the service when): one
 * edition's registrations become counts, and every trace of a person goes with them — their
 * sign-ups (cascade), the messages written to them, the audit entries' copies of their data.
 * Synthetic registrations (the demo's, `synthetic`) name nobody: they stay, so that a demo of a
 * past congress keeps its figures.
 */

/** Editions already purged. */
export async function purgedEditionIds(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ id: personalDataPurges.editionId }).from(personalDataPurges);
  return new Set(rows.map((r) => r.id));
}

/** Locks the edition's purge: true when it has already been done (another instance, a rerun). */
export async function purgeAlreadyDone(db: Executor, editionId: string): Promise<boolean> {
  await db.execute(sql`select id from editions where id = ${editionId} for update`);
  const rows = await db
    .select({ id: personalDataPurges.editionId })
    .from(personalDataPurges)
    .where(eq(personalDataPurges.editionId, editionId));
  return rows.length > 0;
}

export interface PurgeCounts {
  registrations: number;
  signups: number;
  messages: number;
  auditEntries: number;
}

const countOf = (result: unknown): number => {
  const r = result as { rows?: { n: number | string }[]; affectedRows?: number };
  return Number(r.rows?.[0]?.n ?? 0);
};

/**
 * Replaces the edition's registrations by their tallies, in the caller's transaction. The
 * messages are found by their key (`<kind>:<registration id>:…`, domain registration-mail), the
 * audit entries by the registration they are about: their before/after (names, addresses) are
 * replaced by a marker, the entry itself — who did what, when — stays.
 */
export async function replaceRegistrationsByTallies(
  db: Executor,
  editionId: string,
): Promise<PurgeCounts> {
  await db.execute(sql`
    insert into registration_tallies (edition_id, subdivision_id, status, count)
    select edition_id, subdivision_id, status, count(*)::int
    from registrations where edition_id = ${editionId} and not synthetic
    group by edition_id, subdivision_id, status
    on conflict (edition_id, subdivision_id, status) do update set count = excluded.count`);
  const signups = countOf(
    await db.execute(sql`
      select count(*)::int as n from session_signups s
      join registrations r on r.id = s.registration_id
      where r.edition_id = ${editionId} and not r.synthetic`),
  );
  const messages = countOf(
    await db.execute(sql`
      with gone as (
        delete from outbox o using registrations r
        where r.edition_id = ${editionId} and not r.synthetic and split_part(o.key, ':', 2) = r.id::text
        returning 1)
      select count(*)::int as n from gone`),
  );
  const auditEntries = countOf(
    await db.execute(sql`
      with scrubbed as (
        update audit_log a
        set before = case when a.before is null then null else '{"purged": true}'::jsonb end,
            after = case when a.after is null then null else '{"purged": true}'::jsonb end
        from registrations r
        where r.edition_id = ${editionId} and not r.synthetic and a.entity = 'registration'
          and a.entity_id = r.id::text
        returning 1)
      select count(*)::int as n from scrubbed`),
  );
  const registrations = countOf(
    await db.execute(sql`
      with gone as (delete from registrations where edition_id = ${editionId} and not synthetic returning 1)
      select count(*)::int as n from gone`),
  );
  await db.insert(personalDataPurges).values({ editionId, registrations });
  return { registrations, signups, messages, auditEntries };
}

/** An edition's registrations as counts, once purged (empty before). */
export async function registrationTalliesOf(
  db: Executor,
  editionId: string,
): Promise<RegistrationTally[]> {
  const rows = await db
    .select({
      subdivisionId: registrationTallies.subdivisionId,
      status: registrationTallies.status,
      count: registrationTallies.count,
    })
    .from(registrationTallies)
    .where(eq(registrationTallies.editionId, editionId));
  return rows;
}

/** When the edition's personal data was purged, or null. */
export async function personalDataPurgedAt(
  db: Executor,
  editionId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ at: personalDataPurges.purgedAt })
    .from(personalDataPurges)
    .where(eq(personalDataPurges.editionId, editionId));
  return row?.at ?? null;
}
