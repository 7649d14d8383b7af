import {
  countMotionsOf,
  deleteCaMeeting,
  deleteMotion,
  type Executor,
  findCaMeeting,
  findDossier,
  findMotion,
  findSubdivision,
  insertCaMeeting,
  insertMotion,
  listCaMeetings,
  listMotions,
  listMotionVotes,
  listSubdivisionOptions,
  recordAudit,
  recordVote,
  updateCaMeeting,
  updateMotion,
} from "@tribune/db";
import {
  CaMeeting,
  CaMeetingInput,
  CaMeetingUpdate,
  DOSSIER_EDITORS,
  DomainError,
  LOCKED_BY_VOTES,
  MOTION_READERS,
  Motion,
  MotionDetail,
  MotionInput,
  MotionOverview,
  MotionUpdate,
  motionResult,
  VOTE_RECORDERS,
  VoteInput,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { procedureFor } from "../trpc";

const reader = procedureFor(...MOTION_READERS);
const editor = procedureFor(...DOSSIER_EDITORS);
const recorder = procedureFor(...VOTE_RECORDERS);
const MEETING = "Conseil d'Administration";

const voteCount = async (db: Executor, motionId: string) =>
  (await listMotionVotes(db, motionId)).length;

const lockedByVotes = (n: number, what: string) =>
  new DomainError(
    "locked",
    `${n} subdivision${n > 1 ? "s ont" : " a"} déjà voté cette motion : ${what}.`,
  );

async function detail(db: Executor, motion: Motion): Promise<MotionDetail> {
  const meeting = found(await findCaMeeting(db, motion.meetingId), "Conseil d'Administration");
  const recorded = new Map(
    (await listMotionVotes(db, motion.id)).map((v) => [v.subdivisionId, v.choice]),
  );
  const votes = (await listSubdivisionOptions(db)).map((s) => ({
    subdivisionId: s.id,
    subdivisionName: s.name,
    choice: recorded.get(s.id) ?? null,
  }));
  const result = motionResult(
    motion,
    [...recorded.values()].map((choice) => ({ choice })),
  );
  return { ...motion, meeting, result, votes };
}

export const motionRouter = {
  /** Meetings of the Conseil d'Administration, the most recent first. */
  meetings: reader.output(z.array(CaMeeting)).query(({ ctx }) => listCaMeetings(ctx.db)),

  createMeeting: editor
    .input(CaMeetingInput)
    .output(CaMeeting)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (input.hostSubdivisionId)
          found(await findSubdivision(tx, input.hostSubdivisionId), "Subdivision");
        const meeting = await insertCaMeeting(tx, {
          date: input.date,
          city: input.city,
          hostSubdivisionId: input.hostSubdivisionId ?? null,
          note: input.note ?? "",
        });
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "ca_meeting",
          entityId: meeting.id,
          action: "create",
          after: meeting,
        });
        return meeting;
      }),
    ),

  updateMeeting: editor
    .input(CaMeetingUpdate)
    .output(CaMeeting)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findCaMeeting(tx, input.id), MEETING);
        if (input.hostSubdivisionId)
          found(await findSubdivision(tx, input.hostSubdivisionId), "Subdivision");
        const meeting = await updateCaMeeting(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "ca_meeting",
          entityId: meeting.id,
          action: "update",
          before,
          after: meeting,
        });
        return meeting;
      }),
    ),

  /** Only a meeting without motions: a motion's record always names its meeting. */
  deleteMeeting: editor
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findCaMeeting(tx, input.id), MEETING);
        const n = await countMotionsOf(tx, input.id);
        if (n > 0)
          throw new DomainError(
            "referenced",
            `Ce Conseil d'Administration porte ${n} motion${n > 1 ? "s" : ""} : supprimez-${n > 1 ? "les" : "la"} ou rattachez-${n > 1 ? "les" : "la"} à un autre Conseil d'abord.`,
          );
        await deleteCaMeeting(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "ca_meeting",
          entityId: input.id,
          action: "delete",
          before,
        });
        return { id: input.id };
      }),
    ),

  /** Every motion with its meeting and its result so far. */
  list: reader.output(z.array(MotionOverview)).query(async ({ ctx }) => {
    const [motions, meetings, votes] = await Promise.all([
      listMotions(ctx.db),
      listCaMeetings(ctx.db),
      listMotionVotes(ctx.db),
    ]);
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    return motions.map((motion) => ({
      ...motion,
      meeting: found(meetingById.get(motion.meetingId), "Conseil d'Administration"),
      result: motionResult(
        motion,
        votes.filter((v) => v.motionId === motion.id),
      ),
    }));
  }),

  get: reader
    .input(z.object({ id: z.uuid() }))
    .output(MotionDetail)
    .query(async ({ ctx, input }) =>
      detail(ctx.db, found(await findMotion(ctx.db, input.id), "Motion")),
    ),

  create: editor
    .input(MotionInput)
    .output(Motion)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        found(await findCaMeeting(tx, input.meetingId), "Conseil d'Administration");
        if (input.dossierId) found(await findDossier(tx, input.dossierId), "Dossier");
        const motion = await insertMotion(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "motion",
          entityId: motion.id,
          action: "create",
          after: motion,
        });
        return motion;
      }),
    ),

  /**
   * Changes a motion. Once a subdivision has voted, its text, rule and meeting are locked
   * (code `locked`): they are what was voted on. The title and the linked dossier stay free.
   */
  update: editor
    .input(MotionUpdate)
    .output(Motion)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findMotion(tx, input.id), "Motion");
        const changesVotedText = LOCKED_BY_VOTES.some(
          (field) => input[field] !== undefined && input[field] !== before[field],
        );
        const votes = await voteCount(tx, input.id);
        if (changesVotedText && votes > 0)
          throw lockedByVotes(votes, "son texte, sa règle et son Conseil ne peuvent plus changer");
        if (input.meetingId) found(await findCaMeeting(tx, input.meetingId), MEETING);
        if (input.dossierId) found(await findDossier(tx, input.dossierId), "Dossier");
        const motion = await updateMotion(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "motion",
          entityId: motion.id,
          action: "update",
          before,
          after: motion,
        });
        return motion;
      }),
    ),

  /** Only before the first vote: a voted motion is a decision of the CA and stays on record. */
  delete: editor
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findMotion(tx, input.id), "Motion");
        const votes = await voteCount(tx, input.id);
        if (votes > 0) throw lockedByVotes(votes, "elle ne peut plus être supprimée");
        await deleteMotion(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "motion",
          entityId: input.id,
          action: "delete",
          before,
        });
        return { id: input.id };
      }),
    ),

  /**
   * Records one subdivision's vote (a new vote replaces the previous one). A representative
   * votes for their own subdivision only; admin records any subdivision's vote.
   */
  vote: recorder
    .input(VoteInput)
    .output(MotionDetail)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { actor } = ctx;
        let subdivisionId: string;
        if (actor.role === "admin") {
          if (!input.subdivisionId)
            throw new DomainError(
              "invalid",
              "Indiquez la subdivision dont vous enregistrez le vote.",
            );
          subdivisionId = input.subdivisionId;
        } else {
          if (!actor.subdivisionId)
            throw new DomainError("forbidden", "Votre compte n'est rattaché à aucune subdivision.");
          if (input.subdivisionId && input.subdivisionId !== actor.subdivisionId)
            throw new DomainError(
              "forbidden",
              "Vous ne pouvez voter que pour votre propre subdivision.",
            );
          subdivisionId = actor.subdivisionId;
        }
        const motion = found(await findMotion(tx, input.motionId), "Motion");
        found(await findSubdivision(tx, subdivisionId), "Subdivision");
        const before = (await listMotionVotes(tx, motion.id)).find(
          (v) => v.subdivisionId === subdivisionId,
        );
        await recordVote(tx, {
          motionId: motion.id,
          subdivisionId,
          choice: input.choice,
          recordedBy: actor.id,
        });
        await recordAudit(tx, auditActor(actor), {
          entity: "motion",
          entityId: motion.id,
          action: "vote",
          before: before ? { subdivisionId, choice: before.choice } : null,
          after: { subdivisionId, choice: input.choice },
        });
        return detail(tx, motion);
      }),
    ),
} satisfies TRPCRouterRecord;
