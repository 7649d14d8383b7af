import {
  addressHash,
  type CampaignRow,
  campaignOf,
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
} from "@tribune/db";
import {
  type AddressList,
  coarsenToDay,
  decideInvitationStart,
  decideMemberInvitations,
  decideRemaining,
  effectiveCampaignStatus,
  enforce,
  type InvitationCampaign,
  type InvitationSource,
  type MembersLeftOut,
  parseAddressList,
  type SendingPlan,
  type StartInvitationsInput,
  sendingPlan,
  surveyInvitationMail,
  surveyInvitationUrl,
} from "@tribune/domain";
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
 * Sends the campaign in batches at its rate. After each batch, one transaction adds its counts
 * and the salted hashes of the addresses it reached (only while this process still holds the
 * claim), and the progress bars are told. Ends finished, or — asked to stop, or failing —
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
  const heartbeat = setInterval(
    () => {
      renewCampaignLease(ctx.db, run.campaign.id, INSTANCE_NAME, leaseFrom(clock.now(), run.plan))
        .then((status) => {
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
      // Still ours? Paused meanwhile (another instance), or taken over after a stall: stop
      // before sending anything more.
      const claim = await renewCampaignLease(
        ctx.db,
        run.campaign.id,
        INSTANCE_NAME,
        leaseFrom(clock.now(), run.plan),
      );
      if (claim === null)
        throw new Error("The campaign's claim was lost (another instance took it over)");
      if (claim === "paused") break;
      const end = Math.min(run.remaining.length, next + run.plan.batchSize);
      const counts = { sent: 0, bounced: 0, failed: 0 };
      const sentHashes: string[] = [];
      const batch = [];
      for (let i = next; i < end; i += 1) {
        const address = run.remaining[i] as string;
        const token = run.tokens[i] as string;
        batch.push(
          deliver(
            mailer,
            message(address, token, i),
            options.retryMs ?? 2000,
            run.signal,
            pace,
          ).then((outcome) => {
            counts[outcome] += 1;
            if (outcome === "sent") sentHashes.push(addressHash(run.salt, address));
          }),
        );
      }
      await Promise.all(batch);
      // Forgotten as soon as they left: only the unsent tokens stay in memory.
      for (let i = next; i < end; i += 1) run.tokens[i] = "";
      next = end;
      const recorded = await recordBatch(ctx.db, {
        campaignId: run.campaign.id,
        surveyId: run.survey.id,
        claimedBy: INSTANCE_NAME,
        sentHashes,
        ...counts,
        leaseUntil: leaseFrom(clock.now(), run.plan),
        now: clock.now(),
      });
      if (!recorded)
        throw new Error("The campaign's claim was lost (another instance took it over)");
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
    const settled = await change(ctx, async (tx, effects) => {
      const row = await settleCampaign(tx, run.campaign.id, status, clock.now(), INSTANCE_NAME);
      if (unsent.length > 0) await deleteUnsentTokens(tx, run.survey.id, unsent);
      if (row) await auditCampaign(effects, row, status);
      return row;
    });
    run.tokens.length = 0;
    publishInvitationChange(ctx, run.survey.id);
    return campaignOf(settled ?? last, status);
  } catch (error) {
    // The database or the job failed: the campaign stays with the counts of its last batch,
    // interrupted; the tokens not sent are unusable (nobody holds them) and harmless.
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

const leaseFrom = (now: Date, plan: SendingPlan) => new Date(now.getTime() + plan.leaseMs);
