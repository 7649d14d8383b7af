import type { Role } from "../auth/roles";
import type { Decision, Refusal } from "../kernel/refusal";
import type { EditorialBlock } from "../press-kit/editorial";
import { dossierTextProblem } from "./dossier";
import {
  LOCKED_BY_VOTES,
  type Motion,
  type MotionUpdate,
  type MotionVote,
  type VoteChoice,
} from "./motion";

/**
 * The rules of dossiers, motions and CA meetings, as pure decisions: each takes what it needs
 * (the actor, the record, its votes) and says yes, with what it worked out, or no, with a
 * refusal worded in French. Services load the facts, call these, and act.
 */

const several = (n: number, one: string, many: string) => (n > 1 ? many : one);

/** Every refusal of this area, by stable reason, with its French wording. */
export const DOSSIER_REFUSALS = {
  /** Admin records any subdivision's vote, so must say which. */
  voteSubdivisionRequired: (): Refusal => ({
    reason: "vote_subdivision_required",
    code: "invalid",
    message: "Indiquez la subdivision dont vous enregistrez le vote.",
  }),
  voterWithoutSubdivision: (): Refusal => ({
    reason: "voter_without_subdivision",
    code: "forbidden",
    message: "Votre compte n'est rattaché à aucune subdivision.",
  }),
  voteForOtherSubdivision: (): Refusal => ({
    reason: "vote_for_other_subdivision",
    code: "forbidden",
    message: "Vous ne pouvez voter que pour votre propre subdivision.",
  }),
  /** A voted motion's text, rule and meeting are what the subdivisions voted on. */
  votedMotionLocked: (votes: number): Refusal => ({
    reason: "motion_locked_by_votes",
    code: "locked",
    message: `${votes} subdivision${several(votes, " a", "s ont")} déjà voté cette motion : son texte, sa règle et son Conseil ne peuvent plus changer.`,
  }),
  /** A voted motion is a decision of the CA and stays on record. */
  votedMotionKept: (votes: number): Refusal => ({
    reason: "motion_kept_by_votes",
    code: "locked",
    message: `${votes} subdivision${several(votes, " a", "s ont")} déjà voté cette motion : elle ne peut plus être supprimée.`,
  }),
  /** A motion's record always names its meeting. */
  meetingHoldsMotions: (motions: number): Refusal => {
    const them = several(motions, "la", "les");
    return {
      reason: "meeting_holds_motions",
      code: "referenced",
      message: `Ce Conseil d'Administration porte ${motions} motion${several(motions, "", "s")} : supprimez-${them} ou rattachez-${them} à un autre Conseil d'abord.`,
    };
  },
  /** The press kit prints a dossier's text as is. */
  unprintableText: (problem: string): Refusal => ({
    reason: "dossier_text_unprintable",
    code: "invalid",
    message: problem,
    fieldErrors: { body: [problem] },
  }),
} as const;

/** Who records a vote, as the rules see them. */
export interface Voter {
  role: Role;
  subdivisionId: string | null;
}

/**
 * Whose vote a request records, and the vote it replaces: a representative votes for their
 * own subdivision only (and may leave it unsaid); admin records any subdivision's vote and
 * must name it. `votes` are the motion's recorded votes.
 */
export function decideVote(
  voter: Voter,
  request: { subdivisionId?: string | undefined },
  votes: readonly MotionVote[],
): Decision<{ subdivisionId: string; previous: VoteChoice | null }> {
  let subdivisionId: string;
  if (voter.role === "admin") {
    if (!request.subdivisionId)
      return { ok: false, refusal: DOSSIER_REFUSALS.voteSubdivisionRequired() };
    subdivisionId = request.subdivisionId;
  } else {
    if (!voter.subdivisionId)
      return { ok: false, refusal: DOSSIER_REFUSALS.voterWithoutSubdivision() };
    if (request.subdivisionId && request.subdivisionId !== voter.subdivisionId)
      return { ok: false, refusal: DOSSIER_REFUSALS.voteForOtherSubdivision() };
    subdivisionId = voter.subdivisionId;
  }
  const previous = votes.find((v) => v.subdivisionId === subdivisionId)?.choice ?? null;
  return { ok: true, subdivisionId, previous };
}

/**
 * Whether a motion may take a change, given how many subdivisions voted on it: once one has,
 * its text, rule and meeting are locked (sending them unchanged is no change); the title and
 * the linked dossier stay free.
 */
export function decideMotionChange(
  motion: Motion,
  change: Omit<MotionUpdate, "id">,
  votes: number,
): Decision {
  const changesVotedText = LOCKED_BY_VOTES.some(
    (field) => change[field] !== undefined && change[field] !== motion[field],
  );
  if (changesVotedText && votes > 0)
    return { ok: false, refusal: DOSSIER_REFUSALS.votedMotionLocked(votes) };
  return { ok: true };
}

/** A motion may be deleted only before the first vote. */
export function decideMotionDeletion(votes: number): Decision {
  return votes > 0 ? { ok: false, refusal: DOSSIER_REFUSALS.votedMotionKept(votes) } : { ok: true };
}

/** A CA meeting may be deleted only once it holds no motion. */
export function decideMeetingDeletion(motions: number): Decision {
  return motions > 0
    ? { ok: false, refusal: DOSSIER_REFUSALS.meetingHoldsMotions(motions) }
    : { ok: true };
}

/**
 * Whether a dossier's text may be saved: the press kit prints it as is, so it must print (see
 * `dossierTextProblem`). `quotable` are the figures a text may quote.
 */
export function decideDossierText(
  dossier: { body: readonly EditorialBlock[]; figureIds: readonly string[] },
  quotable: ReadonlySet<string>,
): Decision {
  const problem = dossierTextProblem(dossier, quotable);
  return problem ? { ok: false, refusal: DOSSIER_REFUSALS.unprintableText(problem) } : { ok: true };
}
