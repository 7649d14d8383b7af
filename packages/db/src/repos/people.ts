import type { Partner, PartnerInput, Speaker, SpeakerInput } from "@tribune/domain/congress";
import { asc, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { partners, sessionSpeakers, sessions, speakers } from "../schema";

export const listSpeakers = (db: Executor): Promise<Speaker[]> =>
  db.select().from(speakers).orderBy(asc(speakers.name));

export async function findSpeaker(db: Executor, id: string): Promise<Speaker | null> {
  const [row] = await db.select().from(speakers).where(eq(speakers.id, id));
  return row ?? null;
}

export async function insertSpeaker(
  db: Executor,
  input: SpeakerInput & { id?: string },
): Promise<Speaker> {
  const [row] = await db.insert(speakers).values(input).returning();
  return row as Speaker;
}

export async function updateSpeaker(
  db: Executor,
  id: string,
  patch: Partial<SpeakerInput>,
): Promise<Speaker> {
  const [row] = await db.update(speakers).set(patch).where(eq(speakers.id, id)).returning();
  return row as Speaker;
}

export async function countSpeakerUses(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessionSpeakers)
    .where(eq(sessionSpeakers.speakerId, id));
  return row?.n ?? 0;
}

export async function deleteSpeaker(db: Executor, id: string): Promise<void> {
  await db.delete(sessionSpeakers).where(eq(sessionSpeakers.speakerId, id));
  await db.delete(speakers).where(eq(speakers.id, id));
}

export const listPartners = (db: Executor): Promise<Partner[]> =>
  db.select().from(partners).orderBy(asc(partners.name));

export async function findPartner(db: Executor, id: string): Promise<Partner | null> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  return row ?? null;
}

export async function insertPartner(
  db: Executor,
  input: PartnerInput & { id?: string },
): Promise<Partner> {
  const [row] = await db.insert(partners).values(input).returning();
  return row as Partner;
}

export async function updatePartner(
  db: Executor,
  id: string,
  patch: Partial<PartnerInput>,
): Promise<Partner> {
  const [row] = await db.update(partners).set(patch).where(eq(partners.id, id)).returning();
  return row as Partner;
}

export async function countPartnerUses(db: Executor, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.partnerId, id));
  return row?.n ?? 0;
}

export async function deletePartner(db: Executor, id: string): Promise<void> {
  await db.update(sessions).set({ partnerId: null }).where(eq(sessions.partnerId, id));
  await db.delete(partners).where(eq(partners.id, id));
}
