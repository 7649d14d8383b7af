import { describe, expect, it } from "vitest";
import { accountInvitationMail, passwordResetMail } from "../auth/account-mail";
import { surveyInvitationMail } from "../surveys/invitations";
import {
  alreadyRegisteredMail,
  type MailEdition,
  registrationCancelledMail,
  registrationMail,
  registrationPromotedMail,
  signupMail,
} from "../union/registration-mail";
import { MailContent } from "./content";

const edition: MailEdition = {
  id: "00000000-0000-4000-8000-000000002027",
  number: 27,
  year: 2027,
  city: "Lyon",
  venue: "Centre de congrès",
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
  timeZone: "Europe/Paris",
};
const person = {
  id: "00000000-0000-4000-8000-0000000000aa",
  email: "camille@example.org",
  firstName: "Camille",
  code: "K7QM-3XPA",
  status: "registered" as const,
  waitlistPosition: null,
  registeredAt: "2026-12-07T09:00:00.000Z",
  confirmedAt: "2026-12-07T09:00:00.000Z",
  cancelledAt: "2026-12-08T09:00:00.000Z",
};
const link = { url: "https://tribune.example/public/mon-inscription?jeton=abc" };
const session = {
  id: "00000000-0000-4000-8000-0000000000bb",
  title: "La santé : un marché comme un autre ?",
  startsAt: "2027-01-21T13:30:00.000Z",
  endsAt: "2027-01-21T15:00:00.000Z",
};
const account = {
  tokenId: "00000000-0000-4000-8000-0000000000cc",
  email: "orga@tribune.example",
  displayName: "Dominique",
  role: "organiser" as const,
  url: "https://tribune.example/connexion/invitation?jeton=xyz",
  expiresAt: "2026-12-14T09:00:00.000Z",
};

/** Every message the domain writes: what a change queues in the outbox. */
const everyMessage = [
  registrationMail(edition, person, link),
  registrationMail(edition, { ...person, status: "waitlisted", waitlistPosition: 4 }, link),
  registrationPromotedMail(edition, person, link),
  registrationCancelledMail(edition, person, link),
  alreadyRegisteredMail(edition, person, link, "2026-12-07T09"),
  signupMail(edition, person, session, "waitlisted", 2, "2026-12-07T09:00:00.000Z", link),
  accountInvitationMail(account),
  passwordResetMail(account),
  surveyInvitationMail({ title: "Conditions de travail" }, "interne@example.org", link.url, "k"),
];

describe("a message queued as content, read back", () => {
  it("every message the domain writes comes back from the outbox's JSON unchanged", () => {
    for (const content of everyMessage) {
      const stored = JSON.parse(JSON.stringify(content)) as unknown;
      expect(MailContent.parse(stored), content.kind).toEqual(content);
    }
  });

  it("refuses content it cannot render: a missing part, an unknown kind, a calendar without days", () => {
    const [confirmation] = everyMessage as [MailContent];
    const { paragraphs: _, ...withoutParagraphs } = confirmation;
    expect(MailContent.safeParse(withoutParagraphs).success).toBe(false);
    expect(MailContent.safeParse({ ...confirmation, kind: "newsletter" }).success).toBe(false);
    expect(
      MailContent.safeParse({
        ...confirmation,
        calendar: { ...confirmation.calendar, firstDay: "21/01/2027" },
      }).success,
    ).toBe(false);
  });
});
