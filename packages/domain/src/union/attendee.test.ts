import { describe, expect, it } from "vitest";
import {
  attendeeEditOutcome,
  attendeeRights,
  CHECK_IN_UNDO_WINDOW_MINUTES,
  checkInUndoOutcome,
  daysAttended,
} from "./attendee";
import { badgeRole } from "./attendee-documents";

const edition = {
  year: 2027,
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  timeZone: "Europe/Paris",
  archivedAt: null as string | null,
};
const before = "2027-01-10T10:00:00Z";

describe("what an attendee may change", () => {
  it("lets a confirmed or waiting person change their options until they arrive", () => {
    expect(attendeeEditOutcome({ status: "registered" }, edition, before).ok).toBe(true);
    expect(attendeeEditOutcome({ status: "waitlisted" }, edition, before).ok).toBe(true);
  });

  it("closes once arrived, cancelled, or when the edition is archived", () => {
    const reason = (
      status: "checked_in" | "cancelled" | "registered",
      e = edition,
      at = before,
    ) => {
      const outcome = attendeeEditOutcome({ status }, e, at);
      return outcome.ok ? null : outcome.refusal.reason;
    };
    expect(reason("checked_in")).toBe("attendee_checked_in");
    expect(reason("cancelled")).toBe("attendee_cancelled");
    expect(reason("registered", { ...edition, archivedAt: before })).toBe(
      "attendee_edition_archived",
    );
  });

  it("offers the badge with a place and the certificate only after arrival", () => {
    const waiting = attendeeRights({ status: "waitlisted" }, edition, before);
    expect(waiting.may).toMatchObject({ badge: false, certificate: false, signUp: false });
    const arrived = attendeeRights({ status: "checked_in" }, edition, "2027-01-21T09:00:00Z");
    expect(arrived.may).toMatchObject({
      edit: false,
      cancel: false,
      badge: true,
      certificate: true,
      signUp: true,
    });
    expect(arrived.notice).toMatch(/arrivée au congrès est enregistrée/);
  });
});

describe("days attended", () => {
  it("counts from the day of arrival to the last day", () => {
    expect(daysAttended("2027-01-21T07:55:00Z", edition)).toEqual(["2027-01-21", "2027-01-22"]);
    expect(daysAttended("2027-01-22T08:00:00Z", edition)).toEqual(["2027-01-22"]);
    // An arrival recorded the evening before (a welcome desk) counts from the first day.
    expect(daysAttended("2027-01-20T18:00:00Z", edition)).toEqual(["2027-01-21", "2027-01-22"]);
    expect(daysAttended(null, edition)).toEqual([]);
  });
});

describe("undoing a check-in", () => {
  const person = {
    firstName: "Lou",
    lastName: "Martin",
    status: "checked_in" as const,
    checkedInAt: "2027-01-21T08:00:00Z",
  };
  const later = (minutes: number) => new Date(Date.parse(person.checkedInAt) + minutes * 60_000);

  it("is open to organisers at any time", () => {
    expect(checkInUndoOutcome({ role: "organiser" }, person, later(300)).ok).toBe(true);
  });

  it("is open to other desk roles only within the window", () => {
    expect(
      checkInUndoOutcome({ role: "bureau" }, person, later(CHECK_IN_UNDO_WINDOW_MINUTES)).ok,
    ).toBe(true);
    const late = checkInUndoOutcome(
      { role: "bureau" },
      person,
      later(CHECK_IN_UNDO_WINDOW_MINUTES + 1),
    );
    expect(late.ok ? null : late.refusal.reason).toBe("check_in_undo_too_late");
  });

  it("refuses someone who has not arrived", () => {
    const outcome = checkInUndoOutcome(
      { role: "admin" },
      { ...person, status: "registered" },
      later(0),
    );
    expect(outcome.ok ? null : outcome.refusal.reason).toBe("check_in_not_recorded");
  });
});

describe("badge roles", () => {
  const facts = {
    bureauEmails: new Set(["bureau@isnar-img.com"]),
    speakerNames: new Set(["zoe durand"]),
    partnerDomains: new Set(["macsf.fr"]),
  };
  it("prints bureau, speaker, partner or congressiste", () => {
    const role = (email: string, firstName = "Ana", lastName = "Lopez") =>
      badgeRole({ email, firstName, lastName }, facts);
    expect(role("Bureau@isnar-img.com")).toBe("bureau");
    expect(role("z@example.org", "Zoé", "Durand")).toBe("speaker");
    expect(role("a.lopez@groupe.macsf.fr")).toBe("partner");
    expect(role("a.lopez@notmacsf.fr")).toBe("attendee");
  });
});
