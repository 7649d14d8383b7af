import {
  type Member,
  type MemberInput,
  type MemberPage,
  MemberQuery,
  normaliseName,
} from "@tribune/domain/union";
import { and, asc, count, eq, inArray, like, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { members } from "../schema";

export const iso = (value: string) => new Date(value).toISOString();
export const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

/** The text a search matches: names and email, no accents, lower case. */
export const searchTextOf = (p: { firstName: string; lastName: string; email: string }) =>
  normaliseName(`${p.firstName} ${p.lastName} ${p.email}`);

type MemberRow = typeof members.$inferSelect;
const toMember = ({ searchText: _search, ...row }: MemberRow): Member => ({
  ...row,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

/** A page of members matching the query, in name order; `total` counts them all. */
export async function listMembers(db: Executor, query: MemberQuery): Promise<MemberPage> {
  const q = MemberQuery.parse(query);
  const filters: SQL[] = [];
  if (q.subdivisionId) filters.push(eq(members.subdivisionId, q.subdivisionId));
  if (q.yearOfTraining) filters.push(eq(members.yearOfTraining, q.yearOfTraining));
  if (q.membershipStatus) filters.push(eq(members.membershipStatus, q.membershipStatus));
  if (q.synthetic !== undefined) filters.push(eq(members.synthetic, q.synthetic));
  filters.push(...searchFilters(members.searchText, q.search));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(members)
      .where(where)
      .orderBy(asc(members.lastName), asc(members.firstName), asc(members.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { items: rows.map(toMember), total: Number(total?.n ?? 0) };
}

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word of the search must appear (in any order), accents and case ignored. */
export function searchFilters(column: AnyPgColumn, search: string | undefined): SQL[] {
  const words = normaliseName(search ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
  return words.map((word) => like(column, `%${escapeLike(word)}%`));
}

export async function findMember(db: Executor, id: string): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row ? toMember(row) : null;
}

export async function findMemberByEmail(db: Executor, email: string): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.email, email.toLowerCase()));
  return row ? toMember(row) : null;
}

export async function insertMember(db: Executor, input: MemberInput): Promise<Member> {
  const [row] = await db
    .insert(members)
    .values({ ...input, searchText: searchTextOf(input) })
    .returning();
  return toMember(row as MemberRow);
}

/** Inserts many members (an import), in chunks that stay under PostgreSQL's parameter limit. */
export async function insertMembers(db: Executor, inputs: readonly MemberInput[]): Promise<number> {
  for (let i = 0; i < inputs.length; i += 1000) {
    const chunk = inputs.slice(i, i + 1000);
    await db.insert(members).values(chunk.map((m) => ({ ...m, searchText: searchTextOf(m) })));
  }
  return inputs.length;
}

export async function updateMember(
  db: Executor,
  id: string,
  patch: Partial<MemberInput>,
  current: Member,
): Promise<Member> {
  const next = { ...current, ...patch };
  const [row] = await db
    .update(members)
    .set({ ...patch, searchText: searchTextOf(next), updatedAt: new Date().toISOString() })
    .where(eq(members.id, id))
    .returning();
  return toMember(row as MemberRow);
}

/** Which of these emails (lower case) are already members' (of that subdivision only, if given). */
export async function existingMemberEmails(
  db: Executor,
  emails: readonly string[],
  { subdivisionId }: { subdivisionId?: string } = {},
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const chunk = emails.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const rows = await db
      .select({ email: members.email })
      .from(members)
      .where(
        and(
          inArray(members.email, chunk),
          subdivisionId ? eq(members.subdivisionId, subdivisionId) : undefined,
        ),
      );
    for (const row of rows) found.add(row.email);
  }
  return found;
}
