import { effectiveThreshold, FREE_TEXT_MIN_ANSWERS } from "./survey";

/**
 * Disclosure control over one breakdown (groups that partition the respondents, so that their
 * counts add up to the total). Pure functions: the API, the exports, the dashboard and the PDF
 * all pass their groups through here.
 *
 * - Primary suppression: a group with fewer respondents than the threshold is hidden (empty
 *   groups too, so that "suppressed" never means "small but not empty").
 * - Secondary (complementary) suppression: if hiding leaves a lone suppressed group, or
 *   suppressed groups whose total is itself under the threshold, the smallest visible groups
 *   are hidden as well — so the total minus the visible groups never gives a small number.
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
  const hidden = new Set(groups.filter((g) => g.n < t).map((g) => g.key));
  const visible = groups
    .filter((g) => !hidden.has(g.key))
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

/** Whether a total (a survey, a filtered population) is large enough to show at all. */
export function isDisclosable(n: number, threshold?: number): boolean {
  return n >= effectiveThreshold(threshold);
}

/** Free-text answers of a group: shown only with at least ten of them, and in a stable order. */
export function discloseFreeText(answers: readonly string[]): string[] | null {
  if (answers.length < FREE_TEXT_MIN_ANSWERS) return null;
  return [...answers].sort((a, b) => a.localeCompare(b, "fr"));
}
