import type {
  Dossier,
  DossierEventInput,
  DossierInput,
  DossierQuery,
  DossierSummary,
} from "@tribune/domain/dossiers";
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { dossierEvents, dossiers, motions } from "../schema";

type Row = typeof dossiers.$inferSelect;

const toInput = (r: Row): DossierInput & { id: string } => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  pillar: r.pillar,
  status: r.status,
  summary: r.summary,
  body: r.body,
  partners: r.partners,
  figureIds: r.figureIds,
  position: r.position,
});

async function motionIdsBy(db: Executor, dossierIds: string[]): Promise<Map<string, string[]>> {
  const byDossier = new Map<string, string[]>();
  if (dossierIds.length === 0) return byDossier;
  const rows = await db
    .select({ id: motions.id, dossierId: motions.dossierId })
    .from(motions)
    .where(and(isNotNull(motions.dossierId), inArray(motions.dossierId, dossierIds)))
    .orderBy(asc(motions.createdAt), asc(motions.id));
  for (const r of rows) {
    if (!r.dossierId) continue;
    byDossier.set(r.dossierId, [...(byDossier.get(r.dossierId) ?? []), r.id]);
  }
  return byDossier;
}

const PILLAR_ORDER = sql`case ${dossiers.pillar} when 'representer' then 0 when 'defendre' then 1 else 2 end`;

/** Dossiers in press-kit order (pillar, then position), filtered by pillar and status. */
export async function listDossiers(
  db: Executor,
  query: DossierQuery = {},
): Promise<DossierSummary[]> {
  const filters: SQL[] = [];
  if (query.pillar) filters.push(eq(dossiers.pillar, query.pillar));
  if (query.status) filters.push(eq(dossiers.status, query.status));
  const rows = await db
    .select()
    .from(dossiers)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(PILLAR_ORDER, asc(dossiers.position), asc(dossiers.title));
  const motionIds = await motionIdsBy(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toInput(r), motionIds: motionIds.get(r.id) ?? [] }));
}

export async function findDossier(db: Executor, id: string): Promise<Dossier | null> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) return null;
  const events = await db
    .select({ id: dossierEvents.id, date: dossierEvents.date, label: dossierEvents.label })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, id))
    .orderBy(asc(dossierEvents.date), asc(dossierEvents.label));
  const motionIds = (await motionIdsBy(db, [id])).get(id) ?? [];
  return { ...toInput(row), motionIds, events };
}

export async function findDossierBySlug(db: Executor, slug: string): Promise<Dossier | null> {
  const [row] = await db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.slug, slug));
  return row ? findDossier(db, row.id) : null;
}

async function replaceEvents(db: Executor, dossierId: string, events: DossierEventInput[]) {
  await db.delete(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
  if (events.length > 0)
    await db.insert(dossierEvents).values(events.map((e) => ({ ...e, dossierId })));
}

export async function insertDossier(
  db: Executor,
  input: DossierInput & { id?: string; events: DossierEventInput[] },
): Promise<Dossier> {
  const { events, ...values } = input;
  const [row] = await db.insert(dossiers).values(values).returning({ id: dossiers.id });
  if (!row) throw new Error("insert into dossiers returned nothing");
  await replaceEvents(db, row.id, events);
  return (await findDossier(db, row.id)) as Dossier;
}

/** Applies a partial change; `events`, when given, replaces the timeline. */
export async function updateDossier(
  db: Executor,
  id: string,
  patch: Partial<DossierInput> & { events?: DossierEventInput[] | undefined },
): Promise<Dossier> {
  const { events, ...values } = patch;
  await db
    .update(dossiers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(dossiers.id, id));
  if (events) await replaceEvents(db, id, events);
  return (await findDossier(db, id)) as Dossier;
}

export async function deleteDossier(db: Executor, id: string): Promise<void> {
  await db.delete(dossiers).where(eq(dossiers.id, id));
}

/**
 * Every dossier (as `listDossiers` filters and orders them) with its timeline, in three
 * queries whatever their number: the dashboard shows them all at once.
 */
export async function listDossiersWithEvents(
  db: Executor,
  query: DossierQuery = {},
): Promise<Dossier[]> {
  const summaries = await listDossiers(db, query);
  if (summaries.length === 0) return [];
  const rows = await db
    .select({
      dossierId: dossierEvents.dossierId,
      id: dossierEvents.id,
      date: dossierEvents.date,
      label: dossierEvents.label,
    })
    .from(dossierEvents)
    .where(
      inArray(
        dossierEvents.dossierId,
        summaries.map((d) => d.id),
      ),
    )
    .orderBy(asc(dossierEvents.date), asc(dossierEvents.label));
  const events = new Map<string, Dossier["events"]>();
  for (const { dossierId, ...event } of rows)
    events.set(dossierId, [...(events.get(dossierId) ?? []), event]);
  return summaries.map((d) => ({ ...d, events: events.get(d.id) ?? [] }));
}
