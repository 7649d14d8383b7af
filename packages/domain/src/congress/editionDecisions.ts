import { formatCount, pluralForm } from "../format";
import type { Decision, Refusal } from "../kernel/refusal";
import type { Edition } from "./edition";
import { editionDatesProblem } from "./edition";
import {
  archivedMessage,
  archiveRefusal,
  type DatedEdition,
  isReadOnly,
  registrationRefusal,
} from "./editionLifecycle";
import { outsideEditionMessage } from "./session";

/** Every refusal about an edition itself, by stable reason, in French. */
export const EDITION_REFUSALS = {
  archived: (edition: Pick<Edition, "year">): Refusal => ({
    reason: "edition_archived",
    code: "locked",
    message: archivedMessage(edition),
  }),
  registrationClosed: (message: string): Refusal => ({
    reason: "registration_closed",
    code: "registration_closed",
    message,
  }),
  notArchivable: (message: string, alreadyArchived: boolean): Refusal => ({
    reason: alreadyArchived ? "edition_archived" : "edition_not_over",
    code: alreadyArchived ? "locked" : "invalid",
    message,
  }),
  yearTaken: (year: number): Refusal => {
    const message = `Une édition ${year} existe déjà.`;
    return {
      reason: "year_taken",
      code: "already_exists",
      message,
      fieldErrors: { year: [message] },
    };
  },
  numberTaken: (number: number, holder: Pick<Edition, "year">): Refusal => {
    const message = `Le ${number}e congrès existe déjà (édition ${holder.year}).`;
    return {
      reason: "number_taken",
      code: "already_exists",
      message,
      fieldErrors: { number: [message] },
    };
  },
  datesInconsistent: (field: string, message: string): Refusal => ({
    reason: "dates_inconsistent",
    code: "invalid",
    message,
    fieldErrors: { [field]: [message] },
  }),
  sessionsOutsideNewDays: (count: number, example: string): Refusal => {
    const message = `${formatCount(count, "session", "sessions")} ${pluralForm(
      count,
      `tomberait hors des nouveaux jours (« ${example} ») : déplacez-la d'abord.`,
      `tomberaient hors des nouveaux jours (par exemple « ${example} ») : déplacez-les d'abord.`,
    )}`;
    return {
      reason: "sessions_outside_new_days",
      code: "invalid",
      message,
      fieldErrors: { firstDay: [message] },
    };
  },
  unknownPartner: (): Refusal => ({
    reason: "unknown_partner",
    code: "invalid",
    message: "Un des partenaires choisis n'existe pas.",
  }),
} as const;

const refused = (refusal: Refusal) => ({ ok: false as const, refusal });

/** Any change to an edition's data: allowed until the edition is archived. */
export function decideEditionWrite(edition: Pick<Edition, "year" | "archivedAt">): Decision {
  return isReadOnly(edition) ? refused(EDITION_REFUSALS.archived(edition)) : { ok: true };
}

/** Registering oneself: only while the edition's window is open at `now`. */
export function decideSelfRegistration(edition: DatedEdition, now: Date | string): Decision {
  const why = registrationRefusal(edition, now);
  return why ? refused(EDITION_REFUSALS.registrationClosed(why)) : { ok: true };
}

/** Archiving: only a congress that is over, and only once. */
export function decideArchive(edition: DatedEdition, now: Date | string): Decision {
  const why = archiveRefusal(edition, now);
  return why ? refused(EDITION_REFUSALS.notArchivable(why, isReadOnly(edition))) : { ok: true };
}

/** A year and a number belong to one edition each (`except`: the edition being edited). */
export function decideYearAndNumber(
  editions: readonly Pick<Edition, "id" | "year" | "number">[],
  { year, number }: { year: number; number: number },
  except?: string,
): Decision {
  const others = editions.filter((e) => e.id !== except);
  if (others.some((e) => e.year === year)) return refused(EDITION_REFUSALS.yearTaken(year));
  const holder = others.find((e) => e.number === number);
  if (holder) return refused(EDITION_REFUSALS.numberTaken(number, holder));
  return { ok: true };
}

type EditableEdition = DatedEdition & Pick<Edition, "id" | "number" | "timeZone">;

/**
 * An edit of an edition's fields: not once archived; the merged dates must hold together, the
 * year and number stay unique, and new days must still hold every session. Answers the edition
 * as it would become.
 */
export function decideEditionUpdate<E extends EditableEdition>(
  before: E,
  patch: Partial<E>,
  facts: {
    editions: readonly Pick<Edition, "id" | "year" | "number">[];
    sessions: readonly { title: string; startsAt: string; endsAt: string }[];
  },
): Decision<{ next: E }> {
  const writable = decideEditionWrite(before);
  if (!writable.ok) return writable;
  const next = { ...before, ...patch };
  const problem = editionDatesProblem(next);
  if (problem) return refused(EDITION_REFUSALS.datesInconsistent(problem.field, problem.message));
  if (patch.year !== undefined || patch.number !== undefined) {
    const unique = decideYearAndNumber(facts.editions, next, before.id);
    if (!unique.ok) return unique;
  }
  if (patch.firstDay || patch.lastDay || patch.timeZone) {
    const outside = facts.sessions.filter((s) => outsideEditionMessage(s, next));
    if (outside[0])
      return refused(EDITION_REFUSALS.sessionsOutsideNewDays(outside.length, outside[0].title));
  }
  return { ok: true, next };
}

/** The partners chosen for an edition: each from the catalogue, each once, in order. */
export function decidePartners(
  knownIds: ReadonlySet<string>,
  chosen: readonly string[],
): Decision<{ partnerIds: string[] }> {
  const partnerIds = [...new Set(chosen)];
  if (partnerIds.some((id) => !knownIds.has(id))) return refused(EDITION_REFUSALS.unknownPartner());
  return { ok: true, partnerIds };
}
