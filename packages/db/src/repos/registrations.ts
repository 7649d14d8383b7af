import { randomBytes } from "node:crypto";
import {
  type EditionCapacity,
  generateRegistrationCode,
  type LiveCounts,
  normaliseRegistrationCode,
  type Registration,
  type RegistrationFacts,
  type RegistrationPage,
  RegistrationQuery,
} from "@tribune/domain/union";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../client";
import { registrationQuotas, registrations, sessionSignups, subdivisions } from "../schema";
import { iso, isoOrNull, searchFilters, searchTextOf } from "./members";

type RegistrationRow = typeof registrations.$inferSelect;

/**
 * A registration's place on the waitlist (1 = next to get a place), computed on read. The
 * outer columns are spelled out: drizzle leaves column names unqualified inside `sql`, where
 * they would bind to the subquery's own table.
 */
const waitlistPosition = sql<number | null>`case when "registrations"."status" = 'waitlisted' then (
  select count(*)::int from registrations w
  where w.edition_id = "registrations"."edition_id" and w.status = 'waitlisted'
    and w.queued_seq <= "registrations"."queued_seq") end`;

const selection = { ...getTableColumns(registrations), waitlistPosition };

function toRegistration(row: RegistrationRow & { waitlistPosition: number | null }): Registration {
  return {
    id: row.id,
    editionId: row.editionId,
    code: row.code,
    memberId: row.memberId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    subdivisionId: row.subdivisionId,
    yearOfTraining: row.yearOfTraining,
    meals: row.meals,
    gala: row.gala,
    status: row.status,
    waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
    synthetic: row.synthetic,
    registeredAt: iso(row.registeredAt),
    confirmedAt: isoOrNull(row.confirmedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    checkedInAt: isoOrNull(row.checkedInAt),
  };
}

async function selectRegistrations(db: Executor, where: SQL | undefined) {
  const rows = await db.select(selection).from(registrations).where(where);
  return rows.map(toRegistration);
}

export async function findRegistration(db: Executor, id: string): Promise<Registration | null> {
  const [row] = await selectRegistrations(db, eq(registrations.id, id));
  return row ?? null;
}

export async function findRegistrationByCode(
  db: Executor,
  code: string,
): Promise<Registration | null> {
  const [row] = await selectRegistrations(db, eq(registrations.code, code));
  return row ?? null;
}

// --- The quota lock ------------------------------------------------------------------------

/**
 * Locks a quota row — the edition's (sessionId null) or a session's — until the end of the
 * transaction and returns its capacity. Every change that takes or frees a place holds this
 * lock, so places are counted one transaction at a time: no two requests can both see the
 * last free place. The row is created (without a limit) the first time it is needed.
 */
export async function lockQuotaRow(
  tx: Executor,
  editionId: string,
  sessionId: string | null,
): Promise<{ capacity: number | null }> {
  const which =
    sessionId === null
      ? and(eq(registrationQuotas.editionId, editionId), isNull(registrationQuotas.sessionId))
      : eq(registrationQuotas.sessionId, sessionId);
  const lock = () =>
    tx
      .select({ capacity: registrationQuotas.capacity })
      .from(registrationQuotas)
      .where(which)
      .for("update");
  const [row] = await lock();
  if (row) return row;
  await tx
    .insert(registrationQuotas)
    .values({ editionId, sessionId, capacity: null })
    .onConflictDoNothing();
  const [created] = await lock();
  if (!created) throw new Error(`No quota row for edition ${editionId}, session ${sessionId}`);
  return created;
}

/** Locks the edition's quota row (see lockQuotaRow). */
export const lockEditionQuota = (tx: Executor, editionId: string) =>
  lockQuotaRow(tx, editionId, null);

/** Places held (registered or checked in) in the edition. */
export async function confirmedCount(tx: Executor, editionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.editionId, editionId),
        inArray(registrations.status, ["registered", "checked_in"]),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Gives `places` places (null: as many as there are people waiting) to the first waitlisted
 * people, in arrival order. Call it with the quota lock held (after a cancellation or a
 * raised capacity); how many places are free is the domain's `placesLeft`.
 */
export async function promoteWaitlisted(
  tx: Executor,
  editionId: string,
  places: number | null,
): Promise<Registration[]> {
  if (places !== null && places <= 0) return [];
  const next = tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.queuedSeq));
  const ids = places === null ? next : next.limit(places);
  const promoted = await tx
    .update(registrations)
    .set({ status: "registered", confirmedAt: sql`now()`, updatedAt: sql`now()` })
    .where(inArray(registrations.id, ids))
    .returning({ id: registrations.id });
  if (promoted.length === 0) return [];
  return selectRegistrations(
    tx,
    inArray(
      registrations.id,
      promoted.map((p) => p.id),
    ),
  );
}

// --- Registering, cancelling, capacity -----------------------------------------------------

export interface RegistrationFields {
  editionId: string;
  firstName: string;
  lastName: string;
  email: string;
  subdivisionId: string;
  yearOfTraining: number | null;
  meals: boolean;
  gala: boolean;
}

export interface RegisterOptions {
  /** The organiser registering someone by hand; null for a self-registration. */
  createdBy: string | null;
  synthetic?: boolean;
  /** For generated data only: when the person registered. */
  registeredAt?: string;
}

/**
 * Locks the edition's quota row and reads, in one round trip, what the registration rule
 * (the domain's `registrationOutcome`) needs about `email`: the person's registration if any,
 * the places held and the people waiting; with the member record of that email. The lock is
 * held until the caller's transaction ends, so registrations are decided one at a time.
 */
export async function lockRegistrationFacts(
  tx: Executor,
  editionId: string,
  email: string,
): Promise<RegistrationFacts & { memberId: string | null }> {
  const lower = email.toLowerCase();
  const { capacity } = await lockEditionQuota(tx, editionId);
  const [state] = await tx
    .select({
      existingId: sql<string | null>`(select r.id from registrations r
        where r.edition_id = ${editionId} and r.email = ${lower})`,
      existingStatus: sql<Registration["status"] | null>`(select r.status from registrations r
        where r.edition_id = ${editionId} and r.email = ${lower})`,
      confirmed: sql<number>`(select count(*)::int from registrations r
        where r.edition_id = ${editionId} and r.status in ('registered', 'checked_in'))`,
      waitlisted: sql<number>`(select count(*)::int from registrations r
        where r.edition_id = ${editionId} and r.status = 'waitlisted')`,
      memberId: sql<string | null>`(select m.id from members m where m.email = ${lower})`,
    })
    .from(sql`(select 1) as one`);
  if (!state) throw new Error("registration state query returned nothing");
  return {
    email: lower,
    existing: state.existingId
      ? { id: state.existingId, status: state.existingStatus as Registration["status"] }
      : null,
    confirmed: Number(state.confirmed),
    waitlisted: Number(state.waitlisted),
    capacity,
    memberId: state.memberId,
  };
}

/** Where a registration goes, as the domain decided it (see `registrationOutcome`). */
export interface Admission {
  status: "registered" | "waitlisted";
  waitlistPosition: number | null;
  /** The cancelled registration of the same email that comes back; null for a new one. */
  reactivate: string | null;
  /** The member record of the same email, if any. */
  memberId: string | null;
}

const newCode = () => generateRegistrationCode((n) => randomBytes(n));

/**
 * Writes a registration as admitted, in the caller's transaction (with the quota lock of
 * `lockRegistrationFacts` held): a new one with a fresh code, or a cancelled one brought back
 * at the end of the queue with its own code.
 */
export async function admitRegistration(
  tx: Executor,
  fields: RegistrationFields,
  admission: Admission,
  options: RegisterOptions,
): Promise<Registration> {
  const email = fields.email.toLowerCase();
  const { status, waitlistPosition } = admission;
  const at = options.registeredAt ?? sql`clock_timestamp()`;
  const values = {
    ...fields,
    email,
    memberId: admission.memberId,
    status,
    searchText: searchTextOf({ ...fields, email }),
    synthetic: options.synthetic ?? false,
    createdBy: options.createdBy,
    confirmedAt: status === "registered" ? at : null,
  };
  if (admission.reactivate) {
    const [row] = await tx
      .update(registrations)
      .set({
        ...values,
        queuedSeq: sql`nextval(pg_get_serial_sequence('registrations', 'queued_seq'))`,
        registeredAt: at,
        cancelledAt: null,
        checkedInAt: null,
        checkedInBy: null,
        updatedAt: sql`now()`,
      })
      .where(eq(registrations.id, admission.reactivate))
      .returning();
    return toRegistration({ ...(row as RegistrationRow), waitlistPosition });
  }
  const [row] = await tx
    .insert(registrations)
    .values({ ...values, code: newCode(), registeredAt: at })
    .returning();
  return toRegistration({ ...(row as RegistrationRow), waitlistPosition });
}

/**
 * Locks the quota rows of every session the person holds or awaits a place in, in one order.
 * A cancellation takes them before the person's own row, as joins and promotions do (session,
 * then person), so that releasing those places in the same transaction cannot deadlock.
 */
async function lockSignupQuotasOf(tx: Executor, registrationId: string): Promise<void> {
  await tx
    .select({ id: registrationQuotas.id })
    .from(registrationQuotas)
    .where(
      inArray(
        registrationQuotas.sessionId,
        tx
          .select({ id: sessionSignups.sessionId })
          .from(sessionSignups)
          .where(
            and(
              eq(sessionSignups.registrationId, registrationId),
              inArray(sessionSignups.status, ["registered", "waitlisted"]),
            ),
          ),
      ),
    )
    .orderBy(asc(registrationQuotas.sessionId))
    .for("update");
}

/**
 * Locks what cancelling a registration changes — the edition's quota row, then the quota rows
 * of the sessions the person holds or awaits a place in — and answers the registration as of
 * the lock, with the edition's capacity; null when there is no such registration. The caller
 * then decides (the domain's `cancellationOutcome`) and frees the places in the same
 * transaction.
 */
export async function lockForCancellation(
  tx: Executor,
  id: string,
): Promise<{ registration: Registration; capacity: number | null } | null> {
  const current = await findRegistration(tx, id);
  if (!current) return null;
  const { capacity } = await lockEditionQuota(tx, current.editionId);
  await lockSignupQuotasOf(tx, id);
  const registration = (await findRegistration(tx, id)) as Registration;
  return { registration, capacity };
}

/** Marks a registration cancelled (see lockForCancellation); answers it as it now is. */
export async function markCancelled(tx: Executor, id: string): Promise<Registration> {
  await tx
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(registrations.id, id));
  return (await findRegistration(tx, id)) as Registration;
}

/**
 * Stores the edition's capacity (null: no limit) under its quota lock, held until the end of
 * the caller's transaction; answers the capacity it replaced. Giving the new places to the
 * people waiting is the caller's next step (promoteWaitlisted).
 */
export async function setEditionCapacity(
  tx: Executor,
  editionId: string,
  capacity: number | null,
): Promise<{ before: number | null }> {
  const { capacity: before } = await lockEditionQuota(tx, editionId);
  await tx
    .update(registrationQuotas)
    .set({ capacity, updatedAt: sql`now()` })
    .where(and(eq(registrationQuotas.editionId, editionId), isNull(registrationQuotas.sessionId)));
  return { before };
}

export async function editionCapacity(db: Executor, editionId: string): Promise<EditionCapacity> {
  const [quota] = await db
    .select({ capacity: registrationQuotas.capacity })
    .from(registrationQuotas)
    .where(and(eq(registrationQuotas.editionId, editionId), isNull(registrationQuotas.sessionId)));
  const rows = await db
    .select({ status: registrations.status, n: count() })
    .from(registrations)
    .where(eq(registrations.editionId, editionId))
    .groupBy(registrations.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return {
    editionId,
    capacity: quota?.capacity ?? null,
    confirmed: (by.registered ?? 0) + (by.checked_in ?? 0),
    waitlisted: by.waitlisted ?? 0,
    checkedIn: by.checked_in ?? 0,
    cancelled: by.cancelled ?? 0,
  };
}

/**
 * Editions holding more confirmed places than their capacity. Must always be empty: the
 * concurrency tests and the bench check it.
 */
export async function capacityViolations(
  db: Executor,
): Promise<{ editionId: string; capacity: number; confirmed: number }[]> {
  const rows = await db
    .select({
      editionId: registrationQuotas.editionId,
      capacity: registrationQuotas.capacity,
      confirmed: sql<number>`(select count(*)::int from registrations r
        where r.edition_id = "registration_quotas"."edition_id"
          and r.status in ('registered', 'checked_in'))`,
    })
    .from(registrationQuotas)
    .where(isNull(registrationQuotas.sessionId));
  return rows
    .map((r) => ({ ...r, confirmed: Number(r.confirmed) }))
    .filter(
      (r): r is { editionId: string; capacity: number; confirmed: number } =>
        r.capacity !== null && r.confirmed > r.capacity,
    );
}

// --- Check-in ------------------------------------------------------------------------------

/** The registration's columns under their drizzle names, for raw statements. */
const rawColumns = (table: string) =>
  sql.join(
    Object.entries(getTableColumns(registrations)).map(
      ([key, column]) =>
        sql`${sql.identifier(table)}.${sql.identifier(column.name)} as ${sql.identifier(key)}`,
    ),
    sql`, `,
  );
// Built once: the check-in statement runs for every scan at the desk.
const ARRIVED_COLUMNS = rawColumns("arrived");
const REGISTRATION_COLUMNS = rawColumns("registrations");

/**
 * Marks the person as arrived, if they hold a confirmed place, in ONE statement (the desk's
 * hot path): two desks checking the same person in at once cannot both succeed — the second
 * finds them already checked in. Someone not arriving now (already in, waitlisted, cancelled)
 * is read back by the same statement, `arrivedNow` false; null when there is nobody to find.
 * Whether that is a welcome, a repeat or a refusal is the domain's `checkInOutcome`.
 */
export async function markArrived(
  db: Executor,
  target: { id: string } | { editionId: string; code: string },
  checkedInBy: string | null,
): Promise<{ registration: Registration; arrivedNow: boolean } | null> {
  const which = (table: string) =>
    "id" in target
      ? sql`${sql.identifier(table)}.id = ${target.id}`
      : sql`${sql.identifier(table)}.edition_id = ${target.editionId} and ${sql.identifier(table)}.code = ${target.code}`;
  const result = (await db.execute(sql`
    with arrived as (
      update ${registrations} r
      set status = 'checked_in', checked_in_at = now(), checked_in_by = ${checkedInBy},
          updated_at = now()
      where ${which("r")} and r.status = 'registered'
      returning r.*
    )
    select true as "arrivedNow", null::int as "waitlistPosition", ${ARRIVED_COLUMNS}
    from arrived
    union all
    select false, ${waitlistPosition}, ${REGISTRATION_COLUMNS}
    from ${registrations}
    where ${which("registrations")} and not exists (select 1 from arrived)`)) as unknown as {
    rows: (RegistrationRow & { arrivedNow: boolean; waitlistPosition: number | null })[];
  };
  const [row] = result.rows;
  return row ? { registration: toRegistration(row), arrivedNow: row.arrivedNow } : null;
}

// --- Lists, search, counts -----------------------------------------------------------------

function registrationFilters(q: z.output<typeof RegistrationQuery>): SQL | undefined {
  const filters: SQL[] = [eq(registrations.editionId, q.editionId)];
  if (q.subdivisionId) filters.push(eq(registrations.subdivisionId, q.subdivisionId));
  if (q.status) filters.push(eq(registrations.status, q.status));
  const words = searchFilters(registrations.searchText, q.search);
  if (words.length > 0) {
    const byText = and(...words) as SQL;
    // A code, typed or scanned, with or without its dash.
    const code = normaliseRegistrationCode(q.search ?? "");
    filters.push(code ? (or(byText, eq(registrations.code, code)) as SQL) : byText);
  }
  return and(...filters);
}

export async function listRegistrations(
  db: Executor,
  query: RegistrationQuery,
): Promise<z.output<typeof RegistrationPage>> {
  const q = RegistrationQuery.parse(query);
  const where = registrationFilters(q);
  const [rows, [total]] = await Promise.all([
    db
      .select(selection)
      .from(registrations)
      .where(where)
      .orderBy(asc(registrations.lastName), asc(registrations.firstName), asc(registrations.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(registrations).where(where),
  ]);
  return { items: rows.map(toRegistration), total: Number(total?.n ?? 0) };
}

/** Every registration matching the filters, in queue order (exports). */
export async function allRegistrations(
  db: Executor,
  query: Omit<RegistrationQuery, "limit" | "offset">,
): Promise<Registration[]> {
  const q = RegistrationQuery.parse({ ...query, limit: 1, offset: 0 });
  const rows = await db
    .select(selection)
    .from(registrations)
    .where(registrationFilters(q))
    .orderBy(asc(registrations.queuedSeq));
  return rows.map(toRegistration);
}

/** The desk's search: by code, name or email; people waiting to check in first. */
export async function searchForCheckIn(
  db: Executor,
  editionId: string,
  query: string,
  limit: number,
): Promise<Registration[]> {
  const q = RegistrationQuery.parse({ editionId, search: query, limit });
  const rows = await db
    .select(selection)
    .from(registrations)
    .where(registrationFilters(q))
    .orderBy(
      sql`case ${registrations.status} when 'registered' then 0 when 'checked_in' then 1 when 'waitlisted' then 2 else 3 end`,
      asc(registrations.lastName),
      asc(registrations.firstName),
    )
    .limit(limit);
  return rows.map(toRegistration);
}

/** Registrations and arrivals per subdivision, for the live counters. */
export async function liveCounts(db: Executor, editionId: string): Promise<LiveCounts> {
  const rows = await db
    .select({
      subdivisionId: subdivisions.id,
      name: subdivisions.name,
      status: registrations.status,
      n: count(registrations.id),
    })
    .from(subdivisions)
    .leftJoin(
      registrations,
      and(eq(registrations.subdivisionId, subdivisions.id), eq(registrations.editionId, editionId)),
    )
    .groupBy(subdivisions.id, subdivisions.name, registrations.status)
    .orderBy(asc(subdivisions.name));
  const [quota] = await db
    .select({ capacity: registrationQuotas.capacity })
    .from(registrationQuotas)
    .where(and(eq(registrationQuotas.editionId, editionId), isNull(registrationQuotas.sessionId)));
  const totals = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
  const bySubdivision = new Map<
    string,
    {
      subdivisionId: string;
      name: string;
      confirmed: number;
      waitlisted: number;
      checkedIn: number;
    }
  >();
  for (const row of rows) {
    const entry = bySubdivision.get(row.subdivisionId) ?? {
      subdivisionId: row.subdivisionId,
      name: row.name,
      confirmed: 0,
      waitlisted: 0,
      checkedIn: 0,
    };
    bySubdivision.set(row.subdivisionId, entry);
    const n = Number(row.n);
    if (row.status === "registered" || row.status === "checked_in") {
      entry.confirmed += n;
      totals.confirmed += n;
    }
    if (row.status === "checked_in") {
      entry.checkedIn += n;
      totals.checkedIn += n;
    }
    if (row.status === "waitlisted") {
      entry.waitlisted += n;
      totals.waitlisted += n;
    }
    if (row.status === "cancelled") totals.cancelled += n;
  }
  return {
    editionId,
    at: new Date().toISOString(),
    capacity: quota?.capacity ?? null,
    totals,
    bySubdivision: [...bySubdivision.values()],
  };
}

/** The most recent arrivals, newest first (the desk's "dernières arrivées"). */
export async function recentCheckIns(
  db: Executor,
  editionId: string,
  limit: number,
): Promise<Registration[]> {
  const rows = await db
    .select(selection)
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), eq(registrations.status, "checked_in")))
    .orderBy(desc(registrations.checkedInAt))
    .limit(limit);
  return rows.map(toRegistration);
}
