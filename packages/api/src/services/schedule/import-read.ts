import { XMLParser } from "fast-xml-parser";

/**
 * schedule.xml read into the shape of schedule.json, so that one lenient reader checks both:
 * `<day><room name><event guid id>…<persons><person id>Name</person>…` becomes
 * `{schedule: {conference: {days: [{rooms: {name: [event…]}}]}}}`. Values stay strings, except
 * the integer attributes the JSON format types as numbers (event and person `id`).
 */
export function xmlToScheduleJson(xml: string): unknown {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    // By path: an event's own <room> element is a single value, the day's <room>s a list.
    isArray: (_name, jpath) =>
      [
        "schedule.day",
        "schedule.day.room",
        "schedule.day.room.event",
        "schedule.day.room.event.persons.person",
      ].includes(String(jpath)),
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const schedule = doc.schedule as Record<string, unknown> | undefined;
  if (!schedule || typeof schedule !== "object") return {};
  const conference = (schedule.conference ?? {}) as Record<string, unknown>;
  const integer = (value: unknown) =>
    typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  const text = (value: unknown) =>
    value === undefined || value === null || typeof value === "object" ? "" : String(value);
  const days = ((schedule.day ?? []) as Record<string, unknown>[]).map((day) => ({
    rooms: Object.fromEntries(
      ((day.room ?? []) as Record<string, unknown>[]).map((room) => [
        String(room["@_name"] ?? ""),
        ((room.event ?? []) as Record<string, unknown>[]).map((event) => {
          const persons = (event.persons ?? {}) as Record<string, unknown>;
          return {
            guid: event["@_guid"],
            id: integer(event["@_id"]),
            date: event.date,
            start: event.start,
            duration: event.duration,
            room: event.room,
            title: event.title,
            subtitle: text(event.subtitle),
            track: text(event.track),
            type: text(event.type),
            abstract: text(event.abstract),
            description: text(event.description),
            persons: ((persons.person ?? []) as unknown[]).map((person) =>
              typeof person === "object" && person !== null
                ? {
                    public_name: text((person as Record<string, unknown>)["#text"]),
                    ...((person as Record<string, unknown>)["@_id"] !== undefined
                      ? { id: integer((person as Record<string, unknown>)["@_id"]) }
                      : {}),
                  }
                : { public_name: text(person) },
            ),
          };
        }),
      ]),
    ),
  }));
  return { schedule: { conference: { title: text(conference.title), days } } };
}
