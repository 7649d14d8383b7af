import { HEALTH_DATA_READERS, type Role } from "../auth/roles";
import type { ResultsWithheld } from "./results";
import { effectiveThreshold, FREE_TEXT_MIN_ANSWERS, type Survey } from "./survey";

/**
 * Disclosure control over one breakdown (groups that partition the respondents, so that their
 * counts add up to the total). Pure functions: the API, the exports, the dashboard and the PDF
 * all pass their groups through here.
 *
 * - Primary suppression: a group with 1 to threshold − 1 respondents is hidden. An empty group
 *   is shown as 0: nobody is in it, so it tells nothing about anyone (and an organiser must see
 *   where nobody answered) — except when the total itself is under the threshold, where
 *   everything is hidden (zeros then would point at the few groups holding the answers).
 * - Secondary (complementary) suppression: if hiding leaves a lone suppressed group, or
 *   suppressed groups whose total is itself under the threshold, the smallest visible non-empty
 *   groups are hidden as well — so the total minus the visible groups never gives a small
 *   number. (Hiding an empty group would add nothing to the hidden total.)
 * - A suppressed group carries no count and no statistic: it looks the same whatever its size.
 */

export interface GroupCount {
  key: string;
  n: number;
}

/** Keys of the groups to hide. If the total itself is under the threshold, everything is. */
export function suppressedKeys(groups: readonly GroupCount[], threshold?: number): Set<string> {
  const t = effectiveThreshold(threshold);
  const total = groups.reduce((s, g) => s + g.n, 0);
  if (total < t) return new Set(groups.map((g) => g.key));
  const hidden = new Set(groups.filter((g) => g.n > 0 && g.n < t).map((g) => g.key));
  const visible = groups
    .filter((g) => g.n > 0 && !hidden.has(g.key))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  const hiddenSum = () => groups.filter((g) => hidden.has(g.key)).reduce((s, g) => s + g.n, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < t) && visible.length > 0) {
    const next = visible.shift();
    if (next) hidden.add(next.key);
  }
  return hidden;
}

export type Disclosed<T> =
  | ({ key: string; suppressed: false } & T)
  | { key: string; suppressed: true };

/**
 * Applies suppression to groups with their statistics: a hidden group is reduced to its key
 * and `suppressed: true`, with nothing else to read.
 */
export function discloseGroups<T extends GroupCount>(
  groups: readonly T[],
  threshold?: number,
): Disclosed<Omit<T, "key">>[] {
  const hidden = suppressedKeys(groups, threshold);
  return groups.map((g) => {
    if (hidden.has(g.key)) return { key: g.key, suppressed: true as const };
    const { key, ...rest } = g;
    return { key, suppressed: false as const, ...rest };
  });
}

/**
 * What the admin says in place of results that are all hidden: why, in a few words
 * ("Moins de 11 réponses : résultats masqués.").
 */
export function smallCountNotice(threshold?: number): string {
  return `Moins de ${effectiveThreshold(threshold)} réponses : résultats masqués.`;
}

/** Whether a total (a survey, a filtered population) is large enough to show at all. */
export function isDisclosable(n: number, threshold?: number): boolean {
  return n >= effectiveThreshold(threshold);
}

/**
 * Free-text answers of a group: shown only with at least ten of them, and in an order that says
 * nothing of when they came in (alphabetical, then by id).
 */
export function discloseFreeText<T extends { id: string; text: string }>(
  answers: readonly T[],
): T[] | null {
  if (answers.length < FREE_TEXT_MIN_ANSWERS) return null;
  return [...answers].sort(
    (a, b) => a.text.localeCompare(b.text, "fr") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ——— Sensitive surveys while they collect ————————————————————————————————————————————————

type VisibilityOf = Pick<Survey, "status" | "sensitivity" | "disclosureThreshold">;

/**
 * Whether a survey's results may be shown now. A sensitive survey (health data) shows nothing
 * but its progress until it is closed: otherwise two readings taken one response apart give that
 * response's answers by subtraction ("oui" went from 5 to 6), whatever the cell suppression.
 * Progress itself is counted in steps of the disclosure threshold.
 */
export function resultsVisibility(
  survey: VisibilityOf,
): { shown: true } | { shown: false; step: number } {
  if (
    survey.sensitivity === "standard" ||
    survey.status === "closed" ||
    survey.status === "published"
  )
    return { shown: true };
  return { shown: false, step: effectiveThreshold(survey.disclosureThreshold) };
}

/** `n` rounded down to a multiple of `step`: 0, k, 2k… — the same for k responses in a row. */
export function coarsenCount(n: number, step: number): number {
  if (!Number.isInteger(step) || step < 1) throw new RangeError("step must be a positive integer");
  return Math.floor(Math.max(0, n) / step) * step;
}

/** What the readers get instead of results while they are withheld; null when shown. */
export function withheldResults(survey: VisibilityOf, received: number): ResultsWithheld | null {
  const visibility = resultsVisibility(survey);
  if (visibility.shown) return null;
  return {
    reason: "sensitive_open",
    received: coarsenCount(received, visibility.step),
    step: visibility.step,
  };
}

/** The French explanation shown in place of withheld results. */
export function withheldNotice(withheld: ResultsWithheld): string {
  const n = withheld.received.toLocaleString("fr-FR");
  return `Résultats masqués tant que l'enquête est ouverte : données de santé. ${n} ${withheld.received > 1 ? "réponses reçues" : "réponse reçue"} (par paliers de ${withheld.step}).`;
}

/** Free text of a sensitive survey: readable by the health-data readers (admin, bureau) only. */
export function canReadFreeText(survey: Pick<Survey, "sensitivity">, role: Role): boolean {
  return survey.sensitivity === "standard" || HEALTH_DATA_READERS.includes(role);
}

/**
 * Whether a live reader of the collection is told of a change: always while the results are
 * shown; while they are withheld, only when the count reaches a new step (or the results are
 * released) — an event per response would time each one.
 */
export function isLiveChangeShown(
  previous: ResultsWithheld | null,
  current: ResultsWithheld | null,
): boolean {
  return current === null || previous === null || previous.received !== current.received;
}
