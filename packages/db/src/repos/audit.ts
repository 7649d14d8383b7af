import type {
  AuditAction,
  AuditEntry,
  AuditedEntity,
  AuditKind,
  AuditQuery,
} from "@tribune/domain/audit";
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  auditLog,
  members,
  partners,
  registrations,
  rooms,
  sessions,
  speakers,
  subdivisions,
  surveys,
  users,
} from "../schema";

export interface Actor {
  id: string | null;
  email: string | null;
}

/** Records one mutation; call it in the mutation's own transaction so both land or neither. */
export async function recordAudit(
  db: Executor,
  actor: Actor,
  entry: {
    entity: AuditedEntity;
    entityId: string;
    action: AuditAction;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** An entry's kind (AuditKind): its entity, or `key_figure` for a key figure saved under its survey. */
const kindOf = sql`case when ${auditLog.entity} = 'survey' and ((${auditLog.after} -> 'keyFigure') is not null or (${auditLog.before} -> 'keyFigure') is not null) then 'key_figure' else ${auditLog.entity} end`;

/**
 * The latest entries, newest first. With `kinds`, only entries of those kinds: filtered in the
 * query, so that a page holds `limit` readable entries.
 */
export async function listAudit(
  db: Executor,
  query: Required<Pick<AuditQuery, "limit">> & AuditQuery & { kinds?: readonly AuditKind[] },
): Promise<AuditEntry[]> {
  const filters: SQL[] = [];
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.actorEmail) filters.push(eq(auditLog.actorEmail, query.actorEmail.toLowerCase()));
  if (query.kinds) filters.push(inArray(kindOf, [...query.kinds]));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
  return rows.map(({ seq: _seq, ...r }) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/**
 * The names of things audit entries mention by id — rooms, speakers, partners, subdivisions,
 * sessions, surveys, attendees, members, accounts — so that the journal reads names, not ids.
 * Ids that name nothing (a deleted record) are left out.
 */
export async function namesOfIds(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const list = [...new Set(ids)];
  const person = (t: typeof members | typeof registrations) =>
    sql<string>`${t.firstName} || ' ' || ${t.lastName}`;
  const lookups = [
    db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(inArray(rooms.id, list)),
    db
      .select({ id: speakers.id, name: speakers.name })
      .from(speakers)
      .where(inArray(speakers.id, list)),
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(inArray(partners.id, list)),
    db
      .select({ id: subdivisions.id, name: subdivisions.name })
      .from(subdivisions)
      .where(inArray(subdivisions.id, list)),
    db
      .select({ id: sessions.id, name: sessions.title })
      .from(sessions)
      .where(inArray(sessions.id, list)),
    db
      .select({ id: surveys.id, name: surveys.title })
      .from(surveys)
      .where(inArray(surveys.id, list)),
    db
      .select({ id: registrations.id, name: person(registrations) })
      .from(registrations)
      .where(inArray(registrations.id, list)),
    db
      .select({ id: members.id, name: person(members) })
      .from(members)
      .where(inArray(members.id, list)),
    db.select({ id: users.id, name: users.email }).from(users).where(inArray(users.id, list)),
  ];
  // One after the other: a PGlite connection runs one query at a time anyway.
  for (const lookup of lookups) for (const row of await lookup) names.set(row.id, row.name);
  return names;
}

/**
 * The latest audit entry of one entity in which a field of `before` or `after` held `value`
 * (e.g. a press-kit section's last validated state), or null.
 */
export async function latestAuditWith(
  db: Executor,
  {
    entity,
    entityId,
    field,
    value,
  }: { entity: AuditedEntity; entityId: string; field: string; value: string },
): Promise<Pick<AuditEntry, "before" | "after"> | null> {
  const [row] = await db
    .select({ before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, entityId),
        or(
          sql`${auditLog.after} ->> ${field} = ${value}`,
          sql`${auditLog.before} ->> ${field} = ${value}`,
        ),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row ?? null;
}
