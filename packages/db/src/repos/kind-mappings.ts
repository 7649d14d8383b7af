import type { KindMapping } from "@tribune/domain/schedule";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { programmeKindMappings } from "../schema";

/** The edition's mapping of imported session types, as last chosen (empty at first). */
export async function kindMappingOf(db: Executor, editionId: string): Promise<KindMapping> {
  const rows = await db
    .select({ value: programmeKindMappings.value, kind: programmeKindMappings.kind })
    .from(programmeKindMappings)
    .where(eq(programmeKindMappings.editionId, editionId));
  return Object.fromEntries(rows.map((r) => [r.value, r.kind]));
}

/** Keeps the organiser's choices for the next import (a value chosen again is overwritten). */
export async function saveKindMapping(
  db: Executor,
  editionId: string,
  mapping: KindMapping,
): Promise<void> {
  const rows = Object.entries(mapping).map(([value, kind]) => ({ editionId, value, kind }));
  if (rows.length === 0) return;
  await db
    .insert(programmeKindMappings)
    .values(rows)
    .onConflictDoUpdate({
      target: [programmeKindMappings.editionId, programmeKindMappings.value],
      set: { kind: sql`excluded.kind` },
    });
}
