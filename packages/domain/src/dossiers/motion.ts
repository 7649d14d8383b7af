import { z } from "zod";
import { text } from "../kernel/input";
import { IsoDate } from "../kernel/time";

/**
 * Motions of the Conseil d'Administration: the representatives of every subdivision, meeting
 * four times a year in a city of France, vote one voice per subdivision.
 */

export const CaMeetingInput = z.object({
  /** Null when the source gives no date (a meeting known from the press only). */
  date: IsoDate.nullable(),
  city: text({ max: 120 }).min(1, { error: "La ville est obligatoire." }),
  /** The local union that hosts the meeting, when known. */
  hostSubdivisionId: z.uuid().nullable().default(null),
  note: text({ max: 1000, multiline: true }).default(""),
});
export type CaMeetingInput = z.input<typeof CaMeetingInput>;

/** A partial change of a meeting (no defaults: what is left out stays as it is). */
export const CaMeetingUpdate = z.object({
  id: z.uuid(),
  date: CaMeetingInput.shape.date.optional(),
  city: CaMeetingInput.shape.city.optional(),
  hostSubdivisionId: z.uuid().nullable().optional(),
  note: text({ max: 1000, multiline: true }).optional(),
});
export type CaMeetingUpdate = z.infer<typeof CaMeetingUpdate>;

export const CaMeeting = CaMeetingInput.extend({
  id: z.uuid(),
  hostSubdivisionId: z.uuid().nullable(),
  note: z.string(),
});
export type CaMeeting = z.infer<typeof CaMeeting>;

/** Stored codes (English); the labels below are what people read. */
export const VOTE_RULES = ["simple", "two_thirds"] as const;
export const VoteRule = z.enum(VOTE_RULES, { error: "Règle de vote inconnue." });
export type VoteRule = z.infer<typeof VoteRule>;

export const VOTE_RULE_LABELS: Record<VoteRule, string> = {
  simple: "majorité simple des suffrages exprimés",
  two_thirds: "majorité des deux tiers des suffrages exprimés",
};

/** Stored codes (English); the labels below are what people read. */
export const VOTE_CHOICES = ["for", "against", "abstention", "absent"] as const;
export const VoteChoice = z.enum(VOTE_CHOICES, { error: "Vote inconnu." });
export type VoteChoice = z.infer<typeof VoteChoice>;

export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = {
  for: "Pour",
  against: "Contre",
  abstention: "Abstention",
  absent: "Absente",
};

export const MotionInput = z.object({
  meetingId: z.uuid(),
  dossierId: z.uuid().nullable().default(null),
  title: text({ max: 200 }).min(1, { error: "Le titre est obligatoire." }),
  text: text({ max: 10_000, multiline: true }).min(1, {
    error: "Le texte de la motion est obligatoire.",
  }),
  /** Simple majority of votes cast unless the motion states otherwise. */
  rule: VoteRule.default("simple"),
  /** Demo data, never a real decision of the union. */
  synthetic: z.boolean().default(false),
});
export type MotionInput = z.input<typeof MotionInput>;

/**
 * A partial change of a motion. Once a subdivision has voted, what it voted on — the text, the
 * rule and the meeting — is locked; the title and the linked dossier may still change.
 */
export const MotionUpdate = z.object({
  id: z.uuid(),
  meetingId: z.uuid().optional(),
  dossierId: z.uuid().nullable().optional(),
  title: MotionInput.shape.title.optional(),
  text: MotionInput.shape.text.optional(),
  rule: VoteRule.optional(),
});
export type MotionUpdate = z.infer<typeof MotionUpdate>;

/** The fields a vote locks: changing them would change what the subdivisions voted on. */
export const LOCKED_BY_VOTES = ["meetingId", "text", "rule"] as const;

export const Motion = MotionInput.extend({
  id: z.uuid(),
  dossierId: z.uuid().nullable(),
  rule: VoteRule,
  synthetic: z.boolean(),
});
export type Motion = z.infer<typeof Motion>;

export const MotionVote = z.object({ subdivisionId: z.uuid(), choice: VoteChoice });
export type MotionVote = z.infer<typeof MotionVote>;

/**
 * The result of a motion. Its counts keep their French names (`pour`, `contre`): they are
 * fields of the API's answer, not stored codes.
 */
export const MotionResult = z.object({
  adopted: z.boolean(),
  pour: z.int(),
  contre: z.int(),
  abstention: z.int(),
  absent: z.int(),
  /** Votes cast: pour + contre. Abstentions and absents are not counted. */
  cast: z.int(),
  /** "Pour" votes needed to adopt the motion. */
  required: z.int(),
  explanation: z.string(),
});
export type MotionResult = z.infer<typeof MotionResult>;

/** Which count of the result a vote adds to. */
const TALLY_OF = {
  for: "pour",
  against: "contre",
  abstention: "abstention",
  absent: "absent",
} as const satisfies Record<
  VoteChoice,
  keyof Omit<MotionResult, "adopted" | "cast" | "required" | "explanation">
>;

const voix = (n: number) => `${n} voix`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * The result of a motion under its rule. Only votes for and against are cast; simple
 * majority needs more votes for than half of them (a tie fails), two thirds needs at least two
 * thirds of them. No vote cast: not adopted.
 */
export function motionResult(
  motion: { rule: VoteRule },
  votes: readonly { choice: VoteChoice }[],
): MotionResult {
  const tally = { pour: 0, contre: 0, abstention: 0, absent: 0 };
  for (const v of votes) tally[TALLY_OF[v.choice]] += 1;
  const cast = tally.pour + tally.contre;
  const required =
    motion.rule === "simple" ? Math.floor(cast / 2) + 1 : Math.max(1, Math.ceil((2 * cast) / 3));
  const adopted = cast > 0 && tally.pour >= required;

  const notCast = [
    tally.abstention > 0 ? plural(tally.abstention, "abstention", "abstentions") : null,
    tally.absent > 0 ? plural(tally.absent, "subdivision absente", "subdivisions absentes") : null,
  ].filter((s): s is string => s !== null);
  const notCounted =
    notCast.length > 0
      ? ` ; ${notCast.join(" et ")} ${notCast.length > 1 || tally.abstention + tally.absent > 1 ? "ne sont pas comptées" : "n'est pas comptée"}`
      : "";

  let explanation: string;
  if (cast === 0) {
    explanation = `Motion non adoptée : aucun suffrage exprimé${notCounted}.`;
  } else {
    const verdict = adopted ? "Motion adoptée" : "Motion rejetée";
    const tie =
      motion.rule === "simple" && tally.pour === tally.contre
        ? " (égalité : la motion n'est pas adoptée)"
        : "";
    explanation =
      `${verdict} : ${voix(tally.pour)} pour et ${voix(tally.contre)} contre sur ` +
      `${plural(cast, "suffrage exprimé", "suffrages exprimés")}${tie} ; la ${VOTE_RULE_LABELS[motion.rule]} ` +
      `demande ${voix(required)} pour${notCounted}.`;
  }
  return { adopted, ...tally, cast, required, explanation };
}

/** A subdivision's line in the vote grid; `choice` null while no vote is recorded. */
export const SubdivisionVote = z.object({
  subdivisionId: z.uuid(),
  subdivisionName: z.string(),
  choice: VoteChoice.nullable(),
});
export type SubdivisionVote = z.infer<typeof SubdivisionVote>;

export const MotionOverview = Motion.extend({ meeting: CaMeeting, result: MotionResult });
export type MotionOverview = z.infer<typeof MotionOverview>;

/** A motion with every subdivision's vote; the result counts recorded votes only. */
export const MotionDetail = MotionOverview.extend({ votes: z.array(SubdivisionVote) });
export type MotionDetail = z.infer<typeof MotionDetail>;

/** One subdivision's vote; a representative may leave `subdivisionId` out (their own). */
export const VoteInput = z.object({
  motionId: z.uuid(),
  subdivisionId: z.uuid().optional(),
  choice: VoteChoice,
});
export type VoteInput = z.infer<typeof VoteInput>;

/** Names one motion (get, delete); a deletion answers with it too. */
export const MotionRef = z.object({ id: z.uuid() });
export type MotionRef = z.infer<typeof MotionRef>;

/** Names one CA meeting (delete); a deletion answers with it too. */
export const CaMeetingRef = z.object({ id: z.uuid() });
export type CaMeetingRef = z.infer<typeof CaMeetingRef>;

/**
 * A motion with its meeting and every subdivision's line of the vote grid (`choice` null where
 * none is recorded), the result counting the recorded votes only.
 */
export function motionDetail(
  motion: Motion,
  meeting: CaMeeting,
  subdivisions: readonly { id: string; name: string }[],
  votes: readonly MotionVote[],
): MotionDetail {
  const recorded = new Map(votes.map((v) => [v.subdivisionId, v.choice]));
  return {
    ...motion,
    meeting,
    result: motionResult(motion, votes),
    votes: subdivisions.map((s) => ({
      subdivisionId: s.id,
      subdivisionName: s.name,
      choice: recorded.get(s.id) ?? null,
    })),
  };
}
