import { isDatabaseUnavailable } from "@tribune/db";
import {
  addressHash,
  type CampaignRow,
  campaignOf,
  claimBatch,
  deleteUnsentTokens,
  insertCampaign,
  invitationSalt,
  invitedAmong,
  issueCampaignTokens,
  lockRunningCampaign,
  memberAddressesOf,
  recordBatch,
  renewCampaignLease,
  settleCampaign,
} from "@tribune/db/repos/survey-invitations";
import { enforce } from "@tribune/domain/kernel";
import {
  type AddressList,
  coarsenToDay,
  decideInvitationStart,
  decideMemberInvitations,
  decideRemaining,
  effectiveCampaignStatus,
  type InvitationCampaign,
  type InvitationSource,
  type MembersLeftOut,
  parseAddressList,
  type SendingPlan,
  type StartInvitationsInput,
  sendingPlan,
  surveyInvitationMail,
  surveyInvitationUrl,
} from "@tribune/domain/surveys";
import { renderMail } from "@tribune/mail";
import type { z } from "zod";
import { eventsOf } from "../../../live";
import { change, clockOf, type ServiceContext } from "../../kit";
import { DEFAULT_PUBLIC_URL } from "../../mail/compose";
import { surveyOf } from "../get";
import { INSTANCE_NAME, jobOfSurvey, registerJob } from "./jobs";
import type { InvitationMailer, InvitationMessage } from "./port";

/** Knobs of the sending job; tests pass their own pacing and retry wait. */
export interface InvitationJobOptions {
  /** Waits `ms` (or until `signal` aborts) between two batches; real time by default. */
  pace?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Wait before the one retry of a message the SMTP server did not accept for now. */
  retryMs?: number;
  /** Called after each batch was recorded (the command line's progress line). */
  onProgress?: (campaign: InvitationCampaign) => void;
  log?: (line: string, error?: unknown) => void;
}

export interface StartedCampaign {
  campaign: InvitationCampaign;
  /** Members of the chosen subdivisions not invited, by membership status (none for a list). */
  membersLeftOut: MembersLeftOut;
  /** Settles with the campaign as it ended: finished, paused or interrupted. */
  done: Promise<InvitationCampaign>;
}

const realPace = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });

/**
 * The addresses of the source: the parsed list, or the members of the subdivisions whose
 * membership is current (the others counted, for the report).
 */
async function addressListOf(
  ctx: ServiceContext,
  source: InvitationSource,
): Promise<{ list: AddressList; membersLeftOut: MembersLeftOut }> {
  if (source.kind === "list") return { list: parseAddressList(source.text), membersLeftOut: {} };
  const { emails, leftOut } = enforce(
    decideMemberInvitations(await memberAddressesOf(ctx.db, source.subdivisionIds)),
  );
  return { list: parseAddressList(emails.join("\n")), membersLeftOut: leftOut };
}

/** Tells the bureau's progress bars (every instance, on PostgreSQL) that the campaign moved. */
export function publishInvitationChange(ctx: ServiceContext, surveyId: string) {
  eventsOf(ctx)
    .publish({ type: "survey_invitations.changed", surveyId })
    .catch((error: unknown) =>
      console.error("Publication d'un événement en direct impossible :", error),
    );
}

/**
 * Starts sending invitations to a survey and returns as soon as the campaign is claimed; the
 * job goes on in this process.
 *
 * One transaction locks the survey and its running campaign (a second instance starting the
 * same survey waits, then is refused), settles a campaign whose job died (its claim ran out) as
 * interrupted, sets aside the addresses already invited, records the campaign and issues the
 * tokens of all the remaining addresses at once — so that no transaction id, order or time
 * ties one token row to one sending. The tokens come back in clear and live only in the job.
 */
export async function startInvitations(
  ctx: ServiceContext,
  input: z.output<typeof StartInvitationsInput>,
  options: InvitationJobOptions = {},
): Promise<StartedCampaign> {
  const { list, membersLeftOut } = await addressListOf(ctx, input.source);
  const plan = sendingPlan(input.rate);
  const clock = clockOf(ctx);
  const started = await change(ctx, async (tx, effects) => {
    const survey = await surveyOf(tx, input.id, { lock: true });
    const running = await lockRunningCampaign(tx, survey.id);
    const now = clock.now();
    const runningStatus = running ? effectiveCampaignStatus(leaseOf(running), now) : null;
    const { addresses } = enforce(
      decideInvitationStart({
        survey,
        runningStatus,
        canSend: Boolean(ctx.invitationMailer),
        list,
      }),
    );
    if (running && runningStatus === "interrupted") {
      const settled = await settleCampaign(tx, running.id, "interrupted", now);
      if (settled) await auditCampaign(effects, settled, "interrupted");
    }
    const salt = await invitationSalt(tx, survey.id);
    const hashes = new Map(addresses.map((a) => [a, addressHash(salt, a)]));
    const invited = await invitedAmong(tx, survey.id, [...hashes.values()]);
    const { remaining, skipped } = enforce(
      decideRemaining(addresses, (a) => invited.has(hashes.get(a) ?? "")),
    );
    const campaign = await insertCampaign(tx, {
      surveyId: survey.id,
      createdBy: ctx.actor?.id ?? null,
      ratePerMinute: input.rate,
      total: remaining.length,
      skipped,
      claimedBy: INSTANCE_NAME,
      leaseUntil: new Date(now.getTime() + plan.leaseMs),
      now,
    });
    const tokens = await issueCampaignTokens(tx, survey.id, remaining.length, coarsenToDay(now));
    await auditCampaign(effects, campaign, "running", membersLeftOut);
    return { survey, campaign, salt, remaining, tokens };
  });
  publishInvitationChange(ctx, started.survey.id);

  const abort = new AbortController();
  let stopReason: "paused" | "interrupted" | null = null;
  const done = runCampaign(
    ctx,
    { ...started, plan, signal: abort.signal },
    options,
    () => stopReason,
  );
  registerJob({
    campaignId: started.campaign.id,
    surveyId: started.survey.id,
    stop(reason) {
      stopReason ??= reason;
      abort.abort();
    },
    done,
  });
  return { campaign: campaignOf(started.campaign, "running"), membersLeftOut, done };
}

const leaseOf = (row: CampaignRow) => ({
  status: row.status,
  leaseUntil: row.leaseUntil ? new Date(row.leaseUntil) : null,
});

/** The campaign's start and end in the audit log: its counts, never an address or a body. */
async function auditCampaign(
  effects: { audit: Parameters<Parameters<typeof change>[1]>[1]["audit"] },
  row: CampaignRow,
  status: InvitationCampaign["status"],
  membersLeftOut: MembersLeftOut = {},
) {
  await effects.audit({
    entity: "survey",
    entityId: row.surveyId,
    action: status === "running" ? "create" : "update",
    before: null,
    after: {
      invitationCampaign: {
        id: row.id,
        status,
        ratePerMinute: row.ratePerMinute,
        total: row.total,
        sent: row.sent,
        bounced: row.bounced,
        failed: row.failed,
        skipped: row.skipped,
        // The start's record of the members not invited (counts by status, no one named).
        ...(Object.keys(membersLeftOut).length > 0 ? { membersLeftOut } : {}),
      },
    },
  });
}

interface CampaignRun {
  survey: { id: string; slug: string; title: string };
  campaign: CampaignRow;
  salt: string;
  remaining: string[];
  tokens: string[];
  plan: SendingPlan;
  signal: AbortSignal;
}

/** The invitation's words and layout, rendered once; each message only gets its own link. */
async function invitationTemplate(ctx: ServiceContext, run: CampaignRun) {
  const publicUrl = ctx.publicUrl ?? DEFAULT_PUBLIC_URL;
  const placeholder = "https://tribune.invalid/lien-personnel-0000";
  const rendered = await renderMail(
    surveyInvitationMail(run.survey, "destinataire@tribune.invalid", placeholder, "template"),
  );
  if (!rendered.text.includes(placeholder) || !rendered.html.includes(placeholder))
    throw new Error("Invitation template: the link placeholder was not rendered as is");
  return (to: string, token: string, index: number): InvitationMessage => {
    const url = surveyInvitationUrl(publicUrl, run.survey.slug, token);
    return {
      key: `survey-invitation:${run.campaign.id}:${index}`,
      to,
      subject: rendered.subject,
      text: rendered.text.replaceAll(placeholder, url),
      html: rendered.html.replaceAll(placeholder, url),
    };
  };
}

async function deliver(
  mailer: InvitationMailer,
  message: InvitationMessage,
  retryMs: number,
  signal: AbortSignal,
  pace: (ms: number, signal: AbortSignal) => Promise<void>,
) {
  const first = await mailer.send(message).catch(() => "failed" as const);
  if (first !== "failed" || signal.aborted) return first;
  await pace(retryMs, signal);
  return mailer.send(message).catch(() => "failed" as const);
}

/**
 * Sends the campaign in batches at its rate. Before each batch, one transaction renews the
 * claim and marks the batch's addresses invited (`claimBatch`); after it, one transaction adds
 * its counts and unmarks the addresses not accepted (`recordBatch`), and the progress bars are
 * told. A write that loses its connection is tried again until the database is back, for as
 * long as the claim holds (see `whileClaimed`). Ends finished, or — asked to stop, or failing —
 * paused or interrupted; a job stopped on purpose deletes the tokens it did not send.
 */
async function runCampaign(
  ctx: ServiceContext,
  run: CampaignRun,
  options: InvitationJobOptions,
  stopReason: () => "paused" | "interrupted" | null,
): Promise<InvitationCampaign> {
  const clock = clockOf(ctx);
  const pace = options.pace ?? realPace;
  const log = options.log ?? ((line, error) => console.error(line, error ?? ""));
  const mailer = ctx.invitationMailer;
  let last = run.campaign;
  let next = 0;
  /** Until when the claim is ours for sure: the latest lease this job wrote. */
  let heldUntil = new Date(run.campaign.leaseUntil ?? 0);
  const lease = () => {
    const until = leaseFrom(clock.now(), run.plan);
    return { until, held: () => (heldUntil = until) };
  };
  const whileClaimed = retryWhileClaimed(() => heldUntil, clock, pace, log);
  const heartbeat = setInterval(
    () => {
      const { until, held } = lease();
      renewCampaignLease(ctx.db, run.campaign.id, INSTANCE_NAME, until)
        .then((status) => {
          if (status !== null) held();
          if (status === "paused") jobOfSurvey(run.survey.id)?.stop("paused");
        })
        .catch(() => {});
    },
    Math.max(1000, run.plan.leaseMs / 3),
  );
  heartbeat.unref?.();
  try {
    if (!mailer) throw new Error("No invitation mailer");
    const message = await invitationTemplate(ctx, run);
    while (next < run.remaining.length && !run.signal.aborted) {
      const batchStart = Date.now();
      const end = Math.min(run.remaining.length, next + run.plan.batchSize);
      const hashes = run.remaining.slice(next, end).map((a) => addressHash(run.salt, a));
      // Still ours? Paused meanwhile (another instance), or taken over after a stall: stop
      // before sending anything more. Else the batch is marked invited before it leaves.
      const claimed = lease();
      const claim = await whileClaimed(() =>
        claimBatch(ctx.db, {
          campaignId: run.campaign.id,
          surveyId: run.survey.id,
          claimedBy: INSTANCE_NAME,
          hashes,
          leaseUntil: claimed.until,
        }),
      );
      if (claim === null)
        throw new Error("The campaign's claim was lost (another instance took it over)");
      claimed.held();
      if (claim === "paused") break;
      const counts = { sent: 0, bounced: 0, failed: 0 };
      const unsentHashes: string[] = [];
      const batch = [];
      for (let i = next; i < end; i += 1) {
        const address = run.remaining[i] as string;
        const token = run.tokens[i] as string;
        const hash = hashes[i - next] as string;
        batch.push(
          deliver(
            mailer,
            message(address, token, i),
            options.retryMs ?? 2000,
            run.signal,
            pace,
          ).then((outcome) => {
            counts[outcome] += 1;
            if (outcome !== "sent") unsentHashes.push(hash);
          }),
        );
      }
      await Promise.all(batch);
      // Forgotten as soon as they left: only the unsent tokens stay in memory.
      for (let i = next; i < end; i += 1) run.tokens[i] = "";
      next = end;
      const recordedLease = lease();
      const recorded = await whileClaimed(() =>
        recordBatch(ctx.db, {
          campaignId: run.campaign.id,
          surveyId: run.survey.id,
          claimedBy: INSTANCE_NAME,
          unsentHashes,
          ...counts,
          leaseUntil: recordedLease.until,
          now: clock.now(),
        }),
      );
      if (!recorded)
        throw new Error("The campaign's claim was lost (another instance took it over)");
      recordedLease.held();
      last = recorded;
      publishInvitationChange(ctx, run.survey.id);
      options.onProgress?.(campaignOf(recorded, "running"));
      if (recorded.status === "paused") break;
      if (next < run.remaining.length)
        await pace(run.plan.intervalMs - (Date.now() - batchStart), run.signal);
    }
    const reason = next >= run.remaining.length ? null : (stopReason() ?? "paused");
    const status = reason ?? "finished";
    const unsent = run.tokens.slice(next);
    const settled = await whileClaimed(() =>
      change(ctx, async (tx, effects) => {
        const row = await settleCampaign(tx, run.campaign.id, status, clock.now(), INSTANCE_NAME);
        if (unsent.length > 0) await deleteUnsentTokens(tx, run.survey.id, unsent);
        if (row) await auditCampaign(effects, row, status);
        return row;
      }),
    );
    run.tokens.length = 0;
    publishInvitationChange(ctx, run.survey.id);
    return campaignOf(settled ?? last, status);
  } catch (error) {
    // The database stayed out of reach longer than the claim, or the job failed: the campaign
    // stays with the counts of its last recorded batch, interrupted (or reads so once its claim
    // runs out, if even that cannot be written). The batch in flight is marked invited: sending
    // the list again skips it. The tokens not sent are unusable (nobody holds them), harmless.
    run.tokens.length = 0;
    log("Envoi d'invitations interrompu :", error);
    const settled = await change(ctx, async (tx, effects) => {
      const row = await settleCampaign(
        tx,
        run.campaign.id,
        "interrupted",
        clock.now(),
        INSTANCE_NAME,
      );
      if (row) await auditCampaign(effects, row, "interrupted");
      return row;
    }).catch(() => null);
    publishInvitationChange(ctx, run.survey.id);
    return campaignOf(settled ?? last, "interrupted");
  } finally {
    clearInterval(heartbeat);
  }
}

/** First wait before writing again after a lost connection; it doubles up to the cap. */
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5000;

/**
 * Runs a write of the job, and runs it again while it fails for want of the database (a
 * restart, a failover, a terminated connection), waiting longer each time — until the claim
 * the job last wrote runs out: past it, another instance may resume the campaign, so the job
 * stops. Other errors are not retried. Every write so retried is safe to run again (a claim, a
 * batch's record, a settlement guarded by the claim).
 */
function retryWhileClaimed(
  heldUntil: () => Date,
  clock: { now(): Date },
  pace: (ms: number, signal: AbortSignal) => Promise<void>,
  log: (line: string, error?: unknown) => void,
) {
  const never = new AbortController().signal;
  return async <T>(write: () => Promise<T>): Promise<T> => {
    let wait = RECONNECT_FIRST_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || clock.now() >= heldUntil()) throw error;
        if (attempt === 1)
          log("Envoi d'invitations : base de données injoignable, nouvel essai…", error);
        await pace(wait, never);
        wait = Math.min(RECONNECT_MAX_MS, wait * 2);
      }
    }
  };
}

const leaseFrom = (now: Date, plan: SendingPlan) => new Date(now.getTime() + plan.leaseMs);
