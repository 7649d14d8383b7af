import { z } from "zod";
import { formatDate } from "../format/dates";
import { endOfLocalDay, instantFromLocal, PARIS } from "../kernel/time";
import { Edition, EditionWithBudget } from "./edition";

/**
 * An edition's life: preparation → registration open → running → finished → archived.
 *
 * The state is derived, not stored: from the edition's days, its registration window and its
 * archive stamp, at a given instant. A stored state would have to be moved by hand at the
 * right moment (someone forgets to close registration; the congress "runs" a week late) and
 * could contradict the dates it sits next to. Only archiving is an act, and it is stamped
 * (`archivedAt`): from then on the edition is read-only everywhere.
 *
 * The registration window is checked on its own (`registrationRefusal`), beside the state: it
 * may stay open during the congress (late registrations at the desk) or close weeks before.
 */

export const EDITION_STATES = [
  "preparation",
  "registration_open",
  "running",
  "finished",
  "archived",
] as const;
export const EditionState = z.enum(EDITION_STATES);
export type EditionState = z.infer<typeof EditionState>;

export const EDITION_STATE_LABELS: Record<EditionState, string> = {
  preparation: "En préparation",
  registration_open: "Inscriptions ouvertes",
  running: "En cours",
  finished: "Terminée",
  archived: "Archivée",
};

/** What the lifecycle reads of an edition. */
export type DatedEdition = Pick<
  Edition,
  "year" | "firstDay" | "lastDay" | "registrationOpensOn" | "registrationClosesOn" | "archivedAt"
> & { timeZone?: string | undefined };

const zoneOf = (edition: DatedEdition) => edition.timeZone ?? PARIS;
const at = (now: Date | string) => (typeof now === "string" ? Date.parse(now) : now.getTime());

/** The instant the congress begins: its first day's midnight, in its zone. */
export const congressStart = (edition: DatedEdition) =>
  instantFromLocal(edition.firstDay, "00:00", zoneOf(edition));
/** The instant the congress is over: the end of its last day, in its zone. */
export const congressEnd = (edition: DatedEdition) =>
  endOfLocalDay(edition.lastDay, zoneOf(edition));

/** The self-registration window as instants; null ends where no date is set. */
export function registrationWindow(edition: DatedEdition): {
  opensAt: string | null;
  closesAt: string | null;
} {
  const zone = zoneOf(edition);
  return {
    opensAt: edition.registrationOpensOn
      ? instantFromLocal(edition.registrationOpensOn, "00:00", zone)
      : null,
    closesAt: edition.registrationClosesOn
      ? endOfLocalDay(edition.registrationClosesOn, zone)
      : null,
  };
}

/** Said of every change refused because the edition is archived. */
export const archivedMessage = (edition: Pick<Edition, "year">) =>
  `L'édition ${edition.year} est archivée : elle se consulte mais ne se modifie plus.`;

export const isReadOnly = (edition: Pick<Edition, "archivedAt">) => edition.archivedAt !== null;

/**
 * Why nobody may register to the edition by themselves at `now` (in French), or null when the
 * window is open: archived, not scheduled yet, not open yet, or closed.
 */
export function registrationRefusal(edition: DatedEdition, now: Date | string): string | null {
  if (isReadOnly(edition)) return archivedMessage(edition);
  const { opensAt, closesAt } = registrationWindow(edition);
  if (!opensAt || !edition.registrationOpensOn)
    return `Les inscriptions au congrès ${edition.year} ne sont pas encore ouvertes.`;
  if (at(now) < Date.parse(opensAt))
    return `Les inscriptions au congrès ${edition.year} ouvriront le ${formatDate(edition.registrationOpensOn)}.`;
  if (closesAt && edition.registrationClosesOn && at(now) >= Date.parse(closesAt))
    return `Les inscriptions au congrès ${edition.year} sont closes depuis le ${formatDate(edition.registrationClosesOn)} au soir.`;
  return null;
}

export const canRegister = (edition: DatedEdition, now: Date | string) =>
  registrationRefusal(edition, now) === null;

/** The edition's state at `now`. */
export function editionState(edition: DatedEdition, now: Date | string): EditionState {
  if (isReadOnly(edition)) return "archived";
  const t = at(now);
  if (t >= Date.parse(congressEnd(edition))) return "finished";
  if (t >= Date.parse(congressStart(edition))) return "running";
  if (canRegister(edition, now)) return "registration_open";
  return "preparation";
}

/** What the pages show of an edition's state, computed at one instant. */
export const EditionStatus = z.object({
  state: EditionState,
  label: z.string(),
  registrationOpen: z.boolean(),
  /** Why registration is refused now (French), null while it is open. */
  registrationRefusal: z.string().nullable(),
  readOnly: z.boolean(),
});
export type EditionStatus = z.infer<typeof EditionStatus>;

export function editionStatus(edition: DatedEdition, now: Date | string): EditionStatus {
  const state = editionState(edition, now);
  const refusal = registrationRefusal(edition, now);
  return {
    state,
    label: EDITION_STATE_LABELS[state],
    registrationOpen: refusal === null,
    registrationRefusal: refusal,
    readOnly: isReadOnly(edition),
  };
}

/**
 * The edition the pages open on when none is asked for: the running one, else the next to
 * come (the soonest), else the last one over (archived or not). Null when there is none.
 */
export function currentEdition<E extends DatedEdition>(
  editions: readonly E[],
  now: Date | string,
): E | null {
  const t = at(now);
  const running = editions.find(
    (e) => !isReadOnly(e) && t >= Date.parse(congressStart(e)) && t < Date.parse(congressEnd(e)),
  );
  if (running) return running;
  const upcoming = editions
    .filter((e) => t < Date.parse(congressStart(e)))
    .sort((a, b) => Date.parse(congressStart(a)) - Date.parse(congressStart(b)));
  const next = upcoming.find((e) => !isReadOnly(e)) ?? upcoming[0];
  if (next) return next;
  const over = [...editions].sort(
    (a, b) => Date.parse(congressEnd(b)) - Date.parse(congressEnd(a)),
  );
  return over[0] ?? null;
}

/**
 * Why an edition cannot be archived at `now` (French), or null: archiving freezes it for good,
 * so only a congress that is over, and only once.
 */
export function archiveRefusal(edition: DatedEdition, now: Date | string): string | null {
  if (isReadOnly(edition)) return `L'édition ${edition.year} est déjà archivée.`;
  if (at(now) < Date.parse(congressEnd(edition)))
    return `L'édition ${edition.year} n'est pas terminée : elle ne s'archive qu'après son dernier jour (${formatDate(edition.lastDay)}).`;
  return null;
}

/** An edition as the API gives it: with its state at the time of the request. */
export const EditionWithStatus = Edition.extend({ status: EditionStatus });
export type EditionWithStatus = z.infer<typeof EditionWithStatus>;
/** The same with its budget, for EDITION_BUDGET_READERS. */
export const EditionWithBudgetAndStatus = EditionWithBudget.extend({ status: EditionStatus });
export type EditionWithBudgetAndStatus = z.infer<typeof EditionWithBudgetAndStatus>;
/** An edition as an actor may see it: with its budget for EDITION_BUDGET_READERS only. */
export const EditionView = z.union([EditionWithBudgetAndStatus, EditionWithStatus]);
export type EditionView = z.infer<typeof EditionView>;

/**
 * Whether an edition's public programme is "in preparation": nothing published yet, and the
 * congress not over. Pages then say « Programme en préparation » instead of an empty grid.
 */
export const programmeInPreparation = (
  status: Pick<EditionStatus, "state">,
  publishedEntries: readonly unknown[],
) =>
  publishedEntries.length === 0 &&
  (status.state === "preparation" ||
    status.state === "registration_open" ||
    status.state === "running");

export const PROGRAMME_IN_PREPARATION = "Programme en préparation";
