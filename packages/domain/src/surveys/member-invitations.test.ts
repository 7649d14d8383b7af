import { describe, expect, it } from "vitest";
import { formatNumber } from "../format/numbers";
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from "../union/member";
import {
  decideMemberInvitations,
  describeMembersLeftOut,
  INVITED_MEMBERSHIP_STATUSES,
} from "./member-invitations";

const member = (email: string, membershipStatus: MembershipStatus) => ({ email, membershipStatus });

describe("decideMemberInvitations", () => {
  it("invites the members whose membership is current and counts the others, by status", () => {
    const decision = decideMemberInvitations([
      member("a@exemple.fr", "active"),
      member("b@exemple.fr", "lapsed"),
      member("c@exemple.fr", "pending"),
      member("d@exemple.fr", "lapsed"),
    ]);
    expect(decision).toEqual({
      ok: true,
      emails: ["a@exemple.fr", "c@exemple.fr"],
      leftOut: { lapsed: 2 },
    });
  });

  it("invites only statuses the domain calls current: up to date, or joined and awaiting the check", () => {
    expect(INVITED_MEMBERSHIP_STATUSES.map((s) => MEMBERSHIP_STATUS_LABELS[s])).toEqual([
      "À jour de cotisation",
      "Adhésion en attente",
    ]);
  });

  it("refuses, saying why, when the subdivisions have members but none current", () => {
    const decision = decideMemberInvitations([
      member("b@exemple.fr", "lapsed"),
      member("d@exemple.fr", "lapsed"),
    ]);
    expect(decision).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        reason: "invitations_no_current_member",
        message:
          "Aucun·e adhérent·e à inviter dans ces subdivisions. 2 adhérent·es non invité·es : adhésion échue (2). Seul·es les adhérent·es à jour de cotisation ou en attente d'adhésion sont invité·es.",
      }),
    });
  });

  it("leaves an empty subdivision to the general rule (an empty list)", () => {
    expect(decideMemberInvitations([])).toEqual({ ok: true, emails: [], leftOut: {} });
  });
});

describe("describeMembersLeftOut", () => {
  it("says how many were left out and why, or nothing when nobody was", () => {
    expect(describeMembersLeftOut({})).toBeNull();
    expect(describeMembersLeftOut({ lapsed: 1 })).toBe(
      "1 adhérent·e non invité·e : adhésion échue (1). Seul·es les adhérent·es à jour de cotisation ou en attente d'adhésion sont invité·es.",
    );
    expect(describeMembersLeftOut({ lapsed: 1200 })).toContain(
      `${formatNumber(1200)} adhérent·es non invité·es`,
    );
  });
});
