import { testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { EDITION_2026, referenceSession, useSeededApi } from "../../test-support";
import { systemContext } from "../kit";
import { attendeeCalendarFile } from "./calendar";

const REMPLA = referenceSession("1,2,3 rempla");
const DROIT = referenceSession("Session Droit des Internes");
const OTHER_WORKSHOP = referenceSession("Mieux communiquer pour mieux soigner ?");
const GALA = referenceSession("Gala");

const uids = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent).uid);

describe.each(testBackends())("an attendee's own calendar on %s", (backend) => {
  const api = useSeededApi(backend);

  it("holds the common sessions and the workshops with a confirmed place, not those waited for", async () => {
    const organiser = await api.callerAs("organiser");
    const registration = await organiser.registration.create({
      editionId: EDITION_2026,
      firstName: "Inès",
      lastName: "Agenda",
      email: "ines.agenda@exemple.fr",
      subdivisionId: referenceSubdivision("lille").id,
      meals: true,
      gala: true,
    });
    const anonymous = await api.anonymous();
    const space = await anonymous.attendee.open({
      code: registration.code,
      email: registration.email,
    });
    const { code } = space.registration;
    await organiser.signup.setCapacity({ sessionId: REMPLA.id, capacity: 50 });
    await organiser.signup.setCapacity({ sessionId: DROIT.id, capacity: 0 });
    expect((await anonymous.signup.join({ code, sessionId: REMPLA.id })).status).toBe("registered");
    expect((await anonymous.signup.join({ code, sessionId: DROIT.id })).status).toBe("waitlisted");

    // The feed's token lasts as long as the messages' links: 60 days after the congress.
    const beforeCongress = { now: () => new Date("2026-01-15T10:00:00Z") };
    const ics = await attendeeCalendarFile(
      { ...systemContext(api.db), clock: beforeCongress },
      {
        token: space.calendarToken,
        baseUrl: "https://tribune.example.org",
      },
    );
    expect(ics).toContain("Mon programme du 26e congrès (2026)");
    const events = uids(ics);
    expect(events).toContain(`${REMPLA.id}@tribune`);
    expect(events).toContain(`${GALA.id}@tribune`);
    expect(events).not.toContain(`${DROIT.id}@tribune`);
    expect(events).not.toContain(`${OTHER_WORKSHOP.id}@tribune`);
  });

  it("refuses a forged token in French", async () => {
    const error = await attendeeCalendarFile(systemContext(api.db), {
      token: `${EDITION_2026}.9999999999.${"A".repeat(43)}`,
      baseUrl: "https://tribune.example.org",
    }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/Ce lien n'est plus valable/);
  });
});
