import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { z } from "zod";
import { instantFromLocal, localDay, localTime, PARIS } from "../kernel/time";
import type { ManualFigure } from "../press-kit/manual-figures";
import type { PressKitSectionState } from "../press-kit/sections";
import type { Survey, SurveyInput } from "../surveys/survey";
import type { Edition, EditionCopyOptions } from "./edition";
import type { Room } from "./room";
import { outsideEditionMessage, type Session } from "./session";

/**
 * What "a new edition from a previous one" copies, decided here and carried out by the
 * service. Copied: the rooms (names, capacities, order, open days moved onto the new days);
 * the press kit's sections as drafts (texts kept, validation dropped); on request the partners,
 * the survey questionnaires as drafts for the new year, and the programme's frame as draft
 * sessions on the new days with the places an organiser set for each workshop; the press kit's
 * manual key figures as they are (citations of someone else's publication, with their
 * provenance: still true the next year, to be updated or removed). Never copied: registrations, check-ins, sign-ups, survey responses
 * and tokens, votes — they belong to the year they happened in.
 */

type Days = Pick<Edition, "firstDay" | "lastDay"> & { timeZone?: string | undefined };
export type CopySource = {
  edition: Days & Pick<Edition, "year">;
  rooms: readonly Room[];
  sessions: readonly Session[];
  sections: readonly PressKitSectionState[];
  surveys: readonly Survey[];
  partnerIds: readonly string[];
  /** The places an organiser set for a session (signup.setCapacity), by source session id. */
  sessionPlaces: ReadonlyMap<string, number>;
  manualFigures: readonly ManualFigure[];
};
export type CopyTarget = Days & Pick<Edition, "id" | "year">;

export interface CopyPlan {
  rooms: Room[];
  /** Drafts on the new days, rooms mapped onto the copied rooms, with their set places. */
  sessions: CopiedSession[];
  /** Sessions that would fall after the new last day (a shorter congress): left out. */
  sessionsLeftOut: string[];
  sections: PressKitSectionState[];
  surveys: SurveyInput[];
  partnerIds: string[];
  /** Copied as they are (the service stamps who copied them). */
  manualFigures: ManualFigure[];
}

/** A draft session of the copy; `places`: what an organiser set for it, null when nothing. */
export type CopiedSession = Omit<Session, "id"> & { places: number | null };

const day = (d: string) => parseISO(d);
const iso = (d: Date) => format(d, "yyyy-MM-dd");
const dayOffset = (from: string, to: string) => differenceInCalendarDays(day(to), day(from));
const shiftDay = (source: Days, target: Days, d: string) =>
  iso(addDays(day(target.firstDay), dayOffset(source.firstDay, d)));

/** A session moved onto the new days: same offset from the first day, same wall time. */
function shiftSession(session: Session, source: Days, target: Days) {
  const fromZone = source.timeZone ?? PARIS;
  const toZone = target.timeZone ?? PARIS;
  const newDay = shiftDay(source, target, localDay(session.startsAt, fromZone));
  const startsAt = instantFromLocal(newDay, localTime(session.startsAt, fromZone), toZone);
  const length = Date.parse(session.endsAt) - Date.parse(session.startsAt);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + length).toISOString() };
}

/** "temps-de-travail-2024" → "temps-de-travail": the survey a union runs again each year. */
export const surveySeries = (slug: string) => slug.replace(/-(19|20)\d\d$/, "");

/**
 * The questionnaires to prepare for `year`: the latest survey of each series (its slug without
 * the year), as a draft with the year in its slug and its title, no dates, unless the series
 * already has one for that year. Responses and tokens never follow.
 */
export function surveysForYear(surveys: readonly Survey[], year: number): SurveyInput[] {
  const latest = new Map<string, Survey>();
  const taken = new Set(surveys.map((s) => s.slug));
  const prepared = new Set(surveys.filter((s) => s.year === year).map((s) => surveySeries(s.slug)));
  for (const survey of surveys) {
    const series = surveySeries(survey.slug);
    const known = latest.get(series);
    if (!known || (survey.year ?? 0) >= (known.year ?? 0)) latest.set(series, survey);
  }
  const drafts: SurveyInput[] = [];
  for (const [series, survey] of latest) {
    const slug = `${series}-${year}`;
    if (prepared.has(series) || taken.has(slug)) continue;
    const title =
      survey.year && survey.title.includes(String(survey.year))
        ? survey.title.replaceAll(String(survey.year), String(year))
        : survey.title;
    drafts.push({
      slug,
      title,
      year,
      partners: [...survey.partners],
      audience: survey.audience,
      opensOn: null,
      closesOn: null,
      status: "draft",
      anonymity: survey.anonymity,
      sensitivity: survey.sensitivity,
      disclosureThreshold: survey.disclosureThreshold,
      questions: structuredClone(survey.questions),
    });
  }
  return drafts;
}

/**
 * The plan of a copy from `source` to `target`. `newId` names the copied rooms (the sessions
 * refer to them).
 */
export function copyPlan(
  source: CopySource,
  target: CopyTarget,
  options: EditionCopyOptions,
  newId: () => string,
): CopyPlan {
  const lastOffset = dayOffset(target.firstDay, target.lastDay);
  const roomIds = new Map<string, string>();
  const rooms = source.rooms.map((room): Room => {
    const id = newId();
    roomIds.set(room.id, id);
    const days = room.days
      .map((d) => shiftDay(source.edition, target, d))
      .filter((d) => {
        const offset = dayOffset(target.firstDay, d);
        return offset >= 0 && offset <= lastOffset;
      });
    return { ...room, id, editionId: target.id, days };
  });

  const sessions: CopiedSession[] = [];
  const sessionsLeftOut: string[] = [];
  if (options.programme) {
    for (const session of source.sessions) {
      const times = shiftSession(session, source.edition, target);
      if (outsideEditionMessage(times, target)) {
        sessionsLeftOut.push(session.title);
        continue;
      }
      const { id: _id, ...rest } = session;
      sessions.push({
        ...rest,
        ...times,
        editionId: target.id,
        roomIds: session.roomIds.flatMap((r) => roomIds.get(r) ?? []),
        speakerIds: [...session.speakerIds],
        themes: [...session.themes],
        published: false,
        places: source.sessionPlaces.get(session.id) ?? null,
      });
    }
  }

  const year = (text: string) => text.replaceAll(String(source.edition.year), String(target.year));
  const sections = source.sections.map(
    (section): PressKitSectionState => ({
      ...section,
      title: year(section.title),
      kicker: section.kicker === null ? null : year(section.kicker),
      status: "draft",
      stored: true,
      updatedAt: null,
      updatedBy: null,
      validatedAt: null,
      validatedBy: null,
    }),
  );

  return {
    rooms,
    sessions,
    sessionsLeftOut,
    sections,
    surveys: options.surveys ? surveysForYear(source.surveys, target.year) : [],
    partnerIds: options.partners ? [...source.partnerIds] : [],
    manualFigures: source.manualFigures.map((figure) => ({ ...figure })),
  };
}

/** What a copy brought over, for the organiser to check. */
export const EditionCopyReport = z.object({
  fromYear: z.int(),
  rooms: z.int().nonnegative(),
  sessions: z.int().nonnegative(),
  /** Titles of the sessions that fell after the new last day, not copied. */
  sessionsLeftOut: z.array(z.string()),
  sections: z.int().nonnegative(),
  surveys: z.array(z.string()),
  partners: z.int().nonnegative(),
  /** The press kit's frame (organisation, headings, contacts, figure definitions) was copied. */
  frame: z.boolean().optional(),
  /** Copied sessions that kept the places an organiser set for them. */
  sessionPlaces: z.int().nonnegative().optional(),
  /** The edition-wide capacity carried over (null: no limit). */
  capacity: z.int().nonnegative().nullable().optional(),
  /** The press kit's manual key figures (quoted, with their provenance), copied as they are. */
  manualFigures: z.int().nonnegative().optional(),
});
export type EditionCopyReport = z.infer<typeof EditionCopyReport>;
