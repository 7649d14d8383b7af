import { testBackends } from "@tribune/db/testing";
import { SESSION_KIND_LABELS } from "@tribune/domain/congress";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, REFERENCE, referenceSession, useSeededApi } from "../../test-support";
import { systemContext } from "../kit";
import { programmeCalendar } from "./calendar";

const BASE_URL = "https://tribune.example.org";
const GALA = referenceSession("Gala");
const WELCOME = referenceSession("Accueil des congressistes");

/** The file as a calendar application reads it: ical.js, the parser of Thunderbird's lineage. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // Times are converted with the file's own VTIMEZONE: it must describe Paris correctly.
  const zone = calendar.getFirstSubcomponent("vtimezone");
  if (zone) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

describe.each(testBackends())("programme.ics on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  const ics = () => programmeCalendar(systemContext(api.db), { year: 2026, baseUrl: BASE_URL });

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
  });

  it("gives every published session one event, at its time in Europe/Paris", async () => {
    const { calendar, events } = parse(await ics());
    const published = REFERENCE.sessions.filter((s) => s.published);
    expect(events).toHaveLength(published.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    for (const session of published) {
      const event = events.find((e) => e.uid === `${session.id}@tribune`);
      expect(event, session.title).toBeDefined();
      if (!event) continue;
      expect(event.summary).toBe(session.title);
      expect(event.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe(
        "Europe/Paris",
      );
      // The wall time is Paris time, and the instant is the stored one.
      expect(event.startDate.toJSDate().toISOString()).toBe(session.startsAt);
      expect(event.endDate.toJSDate().toISOString()).toBe(session.endsAt);
      expect(event.component.getFirstPropertyValue("url")).toBe(
        `${BASE_URL}/public/programme?edition=2026#entry-${session.id}`,
      );
      expect(event.component.getFirstPropertyValue("categories")).toBeTruthy();
    }
  });

  it("says where, what kind and who: rooms and venue, the kind in French, the speakers", async () => {
    const roundTable = referenceSession("Intelligence artificielle : assistant ou prescripteur ?");
    const speaker = await organiser.speaker.create({ name: "Dr Camille Martin" });
    await organiser.session.update({ id: roundTable.id, speakerIds: [speaker.id] });
    const { events } = parse(await ics());
    const welcome = events.find((e) => e.uid === `${WELCOME.id}@tribune`);
    expect(welcome?.location).toBe(`${REFERENCE.edition.venue}, Dijon`);
    const event = events.find((e) => e.uid === `${roundTable.id}@tribune`);
    const room = REFERENCE.rooms.find((r) => r.id === roundTable.roomIds[0]);
    expect(event?.location).toBe(`${room?.name} — ${REFERENCE.edition.venue}, Dijon`);
    expect(event?.component.getFirstPropertyValue("categories")).toBe(
      SESSION_KIND_LABELS[roundTable.kind],
    );
    expect(event?.description).toContain("Intervenant·es : Dr Camille Martin");
  });

  it("keeps the UID and raises SEQUENCE and LAST-MODIFIED when a session changes", async () => {
    const before = parse(await ics()).events.find((e) => e.uid === `${GALA.id}@tribune`);
    const others = parse(await ics()).events.filter((e) => e.uid !== `${GALA.id}@tribune`);
    await organiser.session.update({ id: GALA.id, title: "Gala des internes" });
    const after = parse(await ics());
    const gala = after.events.find((e) => e.uid === `${GALA.id}@tribune`);
    expect(gala?.summary).toBe("Gala des internes");
    expect(gala?.sequence).toBe((before?.sequence ?? 0) + 1);
    const modified = (e: typeof gala) =>
      e?.component.getFirstPropertyValue("last-modified") as ICAL.Time;
    expect(modified(gala).compare(modified(before))).toBe(1);
    // The others did not change: same sequence.
    for (const other of others) {
      expect(after.events.find((e) => e.uid === other.uid)?.sequence).toBe(other.sequence);
    }
  });

  it("leaves drafts out", async () => {
    await organiser.session.update({ id: GALA.id, published: false });
    const { events } = parse(await ics());
    expect(events.map((e) => e.uid)).not.toContain(`${GALA.id}@tribune`);
    await organiser.session.update({ id: GALA.id, published: true });
  });
});
