import type {
  AuditAction,
  AuditEntry,
  AuditedEntity,
  AuditKind,
  AuditQuery,
} from "@tribune/domain";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema";

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
