import { type FrabEvent, type FrabSchedule, toFrabSchedule } from "@tribune/domain/schedule";
import type { ServiceContext } from "../kit";
import { type OpenFormatQuery, openProgramme } from "./open-formats";

/** The published programme as a frab/c3voc schedule (the object schedule.json holds). */
export async function frabSchedule(
  ctx: ServiceContext,
  input: OpenFormatQuery,
): Promise<FrabSchedule> {
  return toFrabSchedule(await openProgramme(ctx, input));
}

/** schedule.json: the schedule, indented as the c3voc tools write it. */
export async function frabScheduleJson(ctx: ServiceContext, input: OpenFormatQuery) {
  return `${JSON.stringify(await frabSchedule(ctx, input), null, 2)}\n`;
}

/** schedule.xml: the same schedule in the XML the older apps read (schedule.xml.xsd). */
export async function frabScheduleXml(ctx: ServiceContext, input: OpenFormatQuery) {
  return scheduleToXml(await frabSchedule(ctx, input));
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
/** Characters XML 1.0 forbids (controls but tab and line ends): dropped, not escaped. */
const isXmlChar = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code < 0xfffe);
};

/** Text and attribute values, escaped. */
export function escapeXml(value: string): string {
  return Array.from(value)
    .filter(isXmlChar)
    .join("")
    .replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const element = (name: string, value: string | number) =>
  `<${name}>${escapeXml(String(value))}</${name}>`;

function eventXml(event: FrabEvent): string {
  const persons = event.persons.map((p) => `<person>${escapeXml(p.public_name)}</person>`).join("");
  return [
    `<event guid="${event.guid}" id="${event.id}">`,
    element("date", event.date),
    element("start", event.start),
    element("duration", event.duration),
    element("room", event.room),
    element("slug", event.slug),
    element("url", event.url),
    element("title", event.title),
    element("subtitle", event.subtitle),
    element("track", event.track),
    element("type", event.type),
    element("language", event.language),
    element("abstract", event.abstract),
    element("description", event.description),
    `<persons>${persons}</persons>`,
    "<links></links>",
    "</event>",
  ].join("\n");
}

/** The schedule as schedule.xml: days, then rooms, then events, in the JSON's order. */
export function scheduleToXml(frab: FrabSchedule): string {
  const { schedule } = frab;
  const c = schedule.conference;
  const days = c.days.map((day) => {
    const rooms = Object.entries(day.rooms).map(([name, events]) => {
      const guid = c.rooms.find((r) => r.name === name)?.guid;
      const guidAttr = guid ? ` guid="${guid}"` : "";
      return `<room name="${escapeXml(name)}"${guidAttr}>\n${events.map(eventXml).join("\n")}\n</room>`;
    });
    return `<day index="${day.index}" date="${day.date}" start="${day.day_start}" end="${day.day_end}">\n${rooms.join("\n")}\n</day>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<schedule>",
    `<generator name="${escapeXml(frab.generator.name)}"/>`,
    element("version", schedule.version),
    "<conference>",
    element("title", c.title),
    element("acronym", c.acronym),
    element("start", c.start),
    element("end", c.end),
    element("days", c.daysCount),
    element("timeslot_duration", c.timeslot_duration),
    element("base_url", schedule.base_url),
    element("url", c.url),
    element("time_zone_name", c.time_zone_name),
    "</conference>",
    ...days,
    "</schedule>",
    "",
  ].join("\n");
}
