import { z } from "zod";
import { formatNumber, type NumberOptions } from "../format/numbers";
import type { Decision, Refusal } from "../kernel/refusal";
import { MEMBERSHIP_STATUSES, type MembershipStatus } from "../union/member";
import { InvitationCampaign } from "./invitations";

/**
 * Whom a campaign "to the members of subdivisions" reaches. Members are invited as members, so
 * their membership must be current:
 * - `active` (« À jour de cotisation ») — a member;
 * - `pending` (« Adhésion en attente ») — joined, the subscription awaiting its check (a new
 *   intern in November, when most memberships are taken): a member for the union's purposes,
 *   who expects its mail;
 * - `lapsed` (« Adhésion échue ») is left out: they did not renew, so the union no longer
 *   writes to them as members (their address is kept for the membership's records, not for
 *   mailings), and after the DES the address is often no longer read.
 * A list pasted or uploaded by the bureau is its own choice: this applies to members only.
 */
export const INVITED_MEMBERSHIP_STATUSES = [
  "active",
  "pending",
] as const satisfies readonly MembershipStatus[];

const invited = new Set<MembershipStatus>(INVITED_MEMBERSHIP_STATUSES);

/** Members of the chosen subdivisions not invited, counted by membership status. */
export const MembersLeftOut = z.partialRecord(z.enum(MEMBERSHIP_STATUSES), z.int().positive());
export type MembersLeftOut = z.infer<typeof MembersLeftOut>;

/**
 * What starting a campaign answers: the campaign, and the members of the chosen subdivisions
 * left out (none for a list).
 */
export const StartedInvitations = InvitationCampaign.extend({ membersLeftOut: MembersLeftOut });
export type StartedInvitations = z.infer<typeof StartedInvitations>;

/** Why a member of each status left out is not invited, as the bureau reads it. */
const LEFT_OUT_REASONS: Record<MembershipStatus, string> = {
  active: "à jour de cotisation",
  pending: "adhésion en attente",
  lapsed: "adhésion échue",
};

const leftOutCount = (leftOut: MembersLeftOut) =>
  Object.values(leftOut).reduce((sum, n) => sum + (n ?? 0), 0);

/**
 * « 12 adhérent·es non invité·es : adhésion échue (12). Seul·es les adhérent·es à jour de
 * cotisation ou en attente d'adhésion sont invité·es. » — or null when nobody was left out.
 */
export function describeMembersLeftOut(
  leftOut: MembersLeftOut,
  options: NumberOptions = {},
): string | null {
  const total = leftOutCount(leftOut);
  if (total === 0) return null;
  const reasons = MEMBERSHIP_STATUSES.filter((s) => (leftOut[s] ?? 0) > 0)
    .map((s) => `${LEFT_OUT_REASONS[s]} (${formatNumber(leftOut[s] ?? 0, options)})`)
    .join(", ");
  return `${formatNumber(total, options)} adhérent·e${total > 1 ? "s" : ""} non invité·e${total > 1 ? "s" : ""} : ${reasons}. Seul·es les adhérent·es à jour de cotisation ou en attente d'adhésion sont invité·es.`;
}

export const noMemberToInvite = (leftOut: MembersLeftOut): Refusal => ({
  reason: "invitations_no_current_member",
  code: "invalid",
  message:
    `Aucun·e adhérent·e à inviter dans ces subdivisions. ${describeMembersLeftOut(leftOut) ?? ""}`.trim(),
});

/**
 * The addresses of the members to invite (the others counted by status, for the report), or a
 * refusal when the subdivisions have members but none whose membership is current.
 */
export function decideMemberInvitations(
  members: readonly { email: string; membershipStatus: MembershipStatus }[],
): Decision<{ emails: string[]; leftOut: MembersLeftOut }> {
  const emails: string[] = [];
  const leftOut: MembersLeftOut = {};
  for (const m of members) {
    if (invited.has(m.membershipStatus)) emails.push(m.email);
    else leftOut[m.membershipStatus] = (leftOut[m.membershipStatus] ?? 0) + 1;
  }
  if (emails.length === 0 && leftOutCount(leftOut) > 0)
    return { ok: false, refusal: noMemberToInvite(leftOut) };
  return { ok: true, emails, leftOut };
}
