import {
  alreadyRegisteredMail,
  type MailEdition,
  registrationCancelledMail,
  registrationMail,
  signupMail,
} from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { congressIcs, qrCodePng, renderMail } from "./render";

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
  cancelledAt: null,
};
const link = { url: "https://tribune.example/public/mon-inscription?jeton=abc" };

describe("rendering the attendees' messages", () => {
  it("a confirmation: code in both parts, its QR code inline, the days as .ics, the link", async () => {
    const m = await renderMail(registrationMail(edition, person, link));
    expect(m.subject).toBe("27e congrès de l'ISNAR-IMG : votre inscription est confirmée");
    for (const part of [m.text, m.html.replaceAll("&#x27;", "'")]) {
      expect(part).toContain("K7QM-3XPA");
      expect(part).toContain("27e congrès de l'ISNAR-IMG");
      expect(part).toContain("du jeudi 21 au vendredi 22 janvier 2027");
      expect(part).toContain("https://tribune.example/public/mon-inscription?jeton=abc");
    }
    expect(m.html).toContain('lang="fr"');
    expect(m.html).toContain('src="cid:code-qr@tribune"');
    const [qr, ics] = m.attachments;
    expect(qr).toMatchObject({ contentType: "image/png", cid: "code-qr@tribune" });
    expect(Buffer.from(qr?.content ?? [])).toEqual(await qrCodePng("K7QM-3XPA"));
    expect(ics?.filename).toBe("congres.ics");
    const calendar = new TextDecoder().decode(ics?.content);
    expect(calendar).toContain("DTSTART;VALUE=DATE:20270121");
    expect(calendar).toContain("DTEND;VALUE=DATE:20270123");
    expect(calendar).toContain("LOCATION:Centre de congrès\\, Lyon");
  });

  it("the waitlist says the position; a cancellation carries no code nor link", async () => {
    const waiting = await renderMail(
      registrationMail(edition, { ...person, status: "waitlisted", waitlistPosition: 3 }, link),
    );
    expect(waiting.subject).toContain("liste d'attente (position 3)");
    expect(waiting.text).toContain("vous êtes en position 3");
    expect(waiting.attachments.map((a) => a.filename)).toEqual(["code-inscription.png"]);

    const cancelled = await renderMail(
      registrationCancelledMail(edition, { ...person, cancelledAt: "2026-12-08T10:00:00Z" }, link),
    );
    expect(cancelled.text).not.toContain("K7QM-3XPA");
    expect(cancelled.text).not.toContain("jeton");
    expect(cancelled.attachments).toEqual([]);
  });

  it("an address already registered gets its code again, once an hour at most", async () => {
    const a = alreadyRegisteredMail(edition, person, link, "2026-12-07T10");
    const b = alreadyRegisteredMail(edition, person, link, "2026-12-07T10");
    expect(a.key).toBe(b.key);
    const m = await renderMail(a);
    expect(m.subject).toContain("vous êtes déjà inscrit·e");
    expect(m.text).toContain("K7QM-3XPA");
  });

  it("a workshop message names the session and its time in Paris", async () => {
    const m = await renderMail(
      signupMail(
        edition,
        person,
        {
          id: "00000000-0000-4000-8000-0000000000bb",
          title: "Installation en libéral",
          startsAt: "2027-01-21T13:30:00Z",
          endsAt: "2027-01-21T15:00:00Z",
        },
        "promoted",
        null,
        "2026-12-09T10:00:00Z",
        link,
      ),
    );
    expect(m.subject).toBe(
      "27e congrès de l'ISNAR-IMG, atelier « Installation en libéral » : une place s'est libérée pour vous",
    );
    expect(m.text).toContain("14:30");
  });

  it("the calendar event keeps its uid, so a second message updates it", () => {
    const ics = congressIcs({
      uid: "congres-2027@tribune",
      summary: "Congrès",
      location: "Lyon",
      firstDay: "2027-01-21",
      lastDay: "2027-01-21",
      timeZone: "Europe/Paris",
    });
    expect(ics).toContain("UID:congres-2027@tribune");
    expect(ics).toContain("DTEND;VALUE=DATE:20270122");
  });
});
