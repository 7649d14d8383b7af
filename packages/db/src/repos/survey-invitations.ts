import { createHash, randomBytes } from "node:crypto";
import type { CampaignStatus, InvitationCampaign } from "@tribune/domain/surveys";
import type { MembershipStatus } from "@tribune/domain/union";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  members,
  surveyInvitationCampaigns,
  surveyInvitationSalts,
  surveyInvitedAddresses,
  surveyTokens,
} from "../schema";

/**
 * Survey invitations (issue 15, migration 0013): campaigns and their counts, the salted hashes
 * of the addresses invited to a survey, and the campaign's tokens. Nothing here ever writes an
 * address beside a token: the tokens are inserted all at once, in an order unrelated to the
 * list's (sorted by their hash), before any message leaves; the addresses' hashes come batch by
 * batch, later, in other transactions, sorted by hash too — each batch's before it leaves
 * (`claimBatch`), so that nobody is ever invited twice, whatever fails in between.
 */

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type CampaignRow = typeof surveyInvitationCampaigns.$inferSelect;

/** A campaign row as the wire contract has it, its status read at `now` by the caller. */
export function campaignOf(row: CampaignRow, status: CampaignStatus): InvitationCampaign {
  const iso = (value: string) => new Date(value).toISOString();
  return {
    id: row.id,
    surveyId: row.surveyId,
    status,
    ratePerMinute: row.ratePerMinute,
    total: row.total,
    sent: row.sent,
    bounced: row.bounced,
    failed: row.failed,
    skipped: row.skipped,
    startedAt: iso(row.startedAt),
    updatedAt: iso(row.updatedAt),
    finishedAt: row.finishedAt ? iso(row.finishedAt) : null,
  };
}

/** The survey's latest campaign. */
export async function latestCampaign(db: Executor, surveyId: string): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(surveyInvitationCampaigns)
    .where(eq(surveyInvitationCampaigns.surveyId, surveyId))
    .orderBy(desc(surveyInvitationCampaigns.startedAt))
    .limit(1);
  return row ?? null;
}

export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(surveyInvitationCampaigns)
    .where(eq(surveyInvitationCampaigns.id, id));
  return row ?? null;
}

/** The survey's campaign marked running, locked for update (a start, a pause). */
export async function lockRunningCampaign(
  db: Executor,
  surveyId: string,
): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(surveyInvitationCampaigns)
    .where(
      and(
        eq(surveyInvitationCampaigns.surveyId, surveyId),
        eq(surveyInvitationCampaigns.status, "running"),
      ),
    )
    .for("update");
  return row ?? null;
}

/**
 * Settles a campaign (paused, finished, interrupted): its claim ends. With `claimedBy`, only if
 * that process still holds it (a job ending the campaign it sends).
 */
export async function settleCampaign(
  db: Executor,
  id: string,
  status: Exclude<CampaignStatus, "running">,
  now: Date,
  claimedBy?: string,
): Promise<CampaignRow | null> {
  const c = surveyInvitationCampaigns;
  const [row] = await db
    .update(c)
    .set({
      status,
      claimedBy: null,
      leaseUntil: null,
      updatedAt: now.toISOString(),
      ...(status === "finished" ? { finishedAt: now.toISOString() } : {}),
    })
    .where(and(eq(c.id, id), claimedBy ? eq(c.claimedBy, claimedBy) : undefined))
    .returning();
  return row ?? null;
}

/**
 * Pauses a running campaign. Its job keeps the claim long enough to record the batch in flight
 * (it sees "paused" then, or sooner from its heartbeat) and ends it.
 */
export async function pauseCampaign(
  db: Executor,
  id: string,
  now: Date,
): Promise<CampaignRow | null> {
  const c = surveyInvitationCampaigns;
  const [row] = await db
    .update(c)
    .set({ status: "paused", updatedAt: now.toISOString() })
    .where(and(eq(c.id, id), eq(c.status, "running")))
    .returning();
  return row ?? null;
}

/** Renews the claim of a job on its campaign; answers the campaign's status, or null if the claim is lost. */
export async function renewCampaignLease(
  db: Executor,
  id: string,
  claimedBy: string,
  leaseUntil: Date,
): Promise<CampaignStatus | null> {
  const c = surveyInvitationCampaigns;
  const [row] = await db
    .update(c)
    .set({ leaseUntil: leaseUntil.toISOString() })
    .where(and(eq(c.id, id), eq(c.claimedBy, claimedBy), inArray(c.status, ["running", "paused"])))
    .returning({ status: c.status });
  return row?.status ?? null;
}

/** A new campaign, running and claimed by `claimedBy` until `leaseUntil`. */
export async function insertCampaign(
  db: Executor,
  input: {
    surveyId: string;
    createdBy: string | null;
    ratePerMinute: number;
    total: number;
    skipped: number;
    claimedBy: string;
    leaseUntil: Date;
    now: Date;
  },
): Promise<CampaignRow> {
  const [row] = await db
    .insert(surveyInvitationCampaigns)
    .values({
      surveyId: input.surveyId,
      createdBy: input.createdBy,
      ratePerMinute: input.ratePerMinute,
      total: input.total,
      skipped: input.skipped,
      claimedBy: input.claimedBy,
      leaseUntil: input.leaseUntil.toISOString(),
      startedAt: input.now.toISOString(),
      updatedAt: input.now.toISOString(),
    })
    .returning();
  if (!row) throw new Error("insertCampaign: no row returned");
  return row;
}

/** The survey's salt for address hashes, made on first use. */
export async function invitationSalt(db: Executor, surveyId: string): Promise<string> {
  await db
    .insert(surveyInvitationSalts)
    .values({ surveyId, salt: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await db
    .select({ salt: surveyInvitationSalts.salt })
    .from(surveyInvitationSalts)
    .where(eq(surveyInvitationSalts.surveyId, surveyId));
  if (!row) throw new Error("invitationSalt: no salt");
  return row.salt;
}

/** An address as stored: the salted SHA-256 of its normalised form. */
export const addressHash = (salt: string, address: string) => sha256(`${salt}:${address}`);

/** Which of these hashes name an address already invited to the survey. */
export async function invitedAmong(
  db: Executor,
  surveyId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 5000) {
    const chunk = hashes.slice(i, i + 5000);
    const rows = await db
      .select({ hash: surveyInvitedAddresses.addressHash })
      .from(surveyInvitedAddresses)
      .where(
        and(
          eq(surveyInvitedAddresses.surveyId, surveyId),
          inArray(surveyInvitedAddresses.addressHash, chunk),
        ),
      );
    for (const r of rows) found.add(r.hash);
  }
  return found;
}

export async function countInvited(db: Executor, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyInvitedAddresses)
    .where(eq(surveyInvitedAddresses.surveyId, surveyId));
  return row?.n ?? 0;
}

/**
 * Issues `count` one-time tokens of the survey in the caller's transaction and returns them in
 * clear, once. The rows go in sorted by hash — an order that tells nothing of which address
 * each token will be sent to.
 */
export async function issueCampaignTokens(
  db: Executor,
  surveyId: string,
  count: number,
  day: string,
): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(16).toString("hex"));
  const rows = tokens
    .map((t) => ({ surveyId, tokenHash: sha256(t), issuedOn: day }))
    .sort((a, b) => (a.tokenHash < b.tokenHash ? -1 : 1));
  for (let i = 0; i < rows.length; i += 5000)
    await db.insert(surveyTokens).values(rows.slice(i, i + 5000));
  return tokens;
}

/** Deletes unspent tokens that were never sent (a campaign paused or stopped). */
export async function deleteUnsentTokens(
  db: Executor,
  surveyId: string,
  tokens: readonly string[],
): Promise<void> {
  for (let i = 0; i < tokens.length; i += 5000)
    await db.delete(surveyTokens).where(
      and(
        eq(surveyTokens.surveyId, surveyId),
        inArray(
          surveyTokens.tokenHash,
          tokens.slice(i, i + 5000).map((t) => sha256(t)),
        ),
        sql`${surveyTokens.usedOn} is null`,
      ),
    );
}

/**
 * Claims one batch before it leaves: renews the job's claim and, if the campaign is still
 * running, adds the batch's addresses to the survey's invited set — in one transaction, so
 * that an address is marked invited before its message exists. A crash or a lost connection
 * after the messages left (before `recordBatch`) can then cost an address its invitation,
 * never give it two. Answers the campaign's status ("paused": nothing marked, send nothing),
 * or null when the claim was lost. Safe to run again (a retry after a lost connection).
 */
export async function claimBatch(
  db: Executor,
  input: {
    campaignId: string;
    surveyId: string;
    claimedBy: string;
    hashes: readonly string[];
    leaseUntil: Date;
  },
): Promise<CampaignStatus | null> {
  return db.transaction(async (tx) => {
    const status = await renewCampaignLease(
      tx,
      input.campaignId,
      input.claimedBy,
      input.leaseUntil,
    );
    if (status === "running" && input.hashes.length > 0)
      await tx
        .insert(surveyInvitedAddresses)
        .values(
          [...input.hashes]
            .sort()
            .map((addressHash) => ({ surveyId: input.surveyId, addressHash })),
        )
        .onConflictDoNothing();
    return status;
  });
}

/**
 * Records one batch once its messages were answered: the counts move, and the addresses that
 * were not accepted (bounced, failed) leave the invited set that `claimBatch` put them in, so
 * that sending the list again tries them — in one transaction, only while `claimedBy` still
 * holds the campaign (running, or paused while the batch was in flight). Returns the row, or
 * null when the claim was lost (taken over after the lease ran out). Safe to run again with
 * the same input: each record writes its own `leaseUntil`, which tells it was done.
 */
export async function recordBatch(
  db: Executor,
  input: {
    campaignId: string;
    surveyId: string;
    claimedBy: string;
    unsentHashes: readonly string[];
    sent: number;
    bounced: number;
    failed: number;
    leaseUntil: Date;
    now: Date;
  },
): Promise<CampaignRow | null> {
  const c = surveyInvitationCampaigns;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(c).where(eq(c.id, input.campaignId)).for("update");
    // Run again after a connection lost between its commit and its answer: the lease this very
    // record wrote is there, so the batch is counted already — not twice.
    if (
      current?.leaseUntil &&
      current.claimedBy === input.claimedBy &&
      Date.parse(current.leaseUntil) === input.leaseUntil.getTime()
    )
      return current;
    const [row] = await tx
      .update(c)
      .set({
        sent: sql`${c.sent} + ${input.sent}`,
        bounced: sql`${c.bounced} + ${input.bounced}`,
        failed: sql`${c.failed} + ${input.failed}`,
        leaseUntil: input.leaseUntil.toISOString(),
        updatedAt: input.now.toISOString(),
      })
      .where(
        and(
          eq(c.id, input.campaignId),
          inArray(c.status, ["running", "paused"]),
          eq(c.claimedBy, input.claimedBy),
        ),
      )
      .returning();
    if (row && input.unsentHashes.length > 0)
      await tx
        .delete(surveyInvitedAddresses)
        .where(
          and(
            eq(surveyInvitedAddresses.surveyId, input.surveyId),
            inArray(surveyInvitedAddresses.addressHash, [...input.unsentHashes]),
          ),
        );
    return row ?? null;
  });
}

/**
 * The e-mail addresses of the members of these subdivisions, with their membership status
 * (the domain decides whom to invite). Read by the campaign's start only.
 */
export async function memberAddressesOf(
  db: Executor,
  subdivisionIds: readonly string[],
): Promise<{ email: string; membershipStatus: MembershipStatus }[]> {
  if (subdivisionIds.length === 0) return [];
  return db
    .select({ email: members.email, membershipStatus: members.membershipStatus })
    .from(members)
    .where(inArray(members.subdivisionId, [...subdivisionIds]));
}
