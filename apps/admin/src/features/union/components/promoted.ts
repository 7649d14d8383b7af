import { formatCount } from "@tribune/domain/format";

/**
 * " 2 personnes passées de la liste d'attente à une place confirmée.", or "" when nobody moved:
 * the tail of a notice after places freed or added (a sign-up removed, a capacity raised).
 */
export const promotedNotice = (count: number): string =>
  count > 0
    ? ` ${formatCount(count, "personne passée", "personnes passées")} de la liste d'attente à une place confirmée.`
    : "";
