import {
  EDITION_BUDGET_READERS,
  Edition,
  type EditionWithBudget,
  type EditionWithBudgetAndStatus,
  type EditionWithStatus,
  editionStatus,
  type Role,
} from "@tribune/domain";

/** An edition as `role` may see it (its budget for EDITION_BUDGET_READERS only), with its state now. */
export function editionView(
  edition: EditionWithBudget,
  role: Role | null,
  now: Date,
): EditionWithBudgetAndStatus | EditionWithStatus {
  const status = editionStatus(edition, now);
  if (role && EDITION_BUDGET_READERS.includes(role)) return { ...edition, status };
  return { ...Edition.parse(edition), status };
}
