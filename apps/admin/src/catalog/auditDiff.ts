import {
  type AuditAction,
  type AuditedEntity,
  PARTNER_KIND_LABELS,
  type PartnerKind,
  ROLE_LABELS,
  type Role,
  SESSION_KIND_LABELS,
  type SessionKind,
  THEME_LABELS,
  type Theme,
} from "@tribune/domain";
import {
  formatCongressDay,
  formatDateTime,
  formatDay,
  formatNumber,
  formatSlot,
} from "@tribune/domain/format";

export const ENTITY_LABELS: Record<AuditedEntity, string> = {
  edition: "Édition",
  room: "Salle",
  session: "Session",
  speaker: "Intervenant·e",
  partner: "Partenaire",
  user: "Compte",
  subdivision: "Subdivision",
  member: "Adhérent·e",
  registration: "Inscription",
  survey: "Enquête",
  dossier: "Dossier",
  ca_meeting: "Conseil d'Administration",
  motion: "Motion",
  press_kit_section: "Section du dossier de presse",
  mail: "Courriel",
};

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: "création",
  update: "modification",
  move: "déplacement",
  delete: "suppression",
  disable: "désactivation",
  import: "import",
  export: "export",
  cancel: "annulation",
  check_in: "arrivée",
  vote: "vote",
  archive: "archivage",
};

const FIELD_LABELS: Record<string, string> = {
  name: "Nom",
  title: "Titre",
  kind: "Type",
  description: "Description",
  capacity: "Capacité",
  capacityOverride: "Capacité de la session",
  order: "Ordre",
  days: "Jours d'ouverture",
  startsAt: "Début",
  endsAt: "Fin",
  roomIds: "Salles",
  wholeVenue: "Tout le lieu",
  speakerIds: "Intervenant·es",
  partnerId: "Partenaire",
  themes: "Thèmes",
  published: "Publiée",
  affiliation: "Affiliation",
  bio: "Biographie",
  unavailable: "Indisponibilités",
  website: "Site web",
  email: "Adresse e-mail",
  displayName: "Nom affiché",
  role: "Rôle",
  subdivisionId: "Subdivision",
  disabled: "Désactivé",
  createdAt: "Créé le",
  number: "Numéro",
  year: "Année",
  theme: "Thème",
  subtitle: "Sous-titre",
  city: "Ville",
  venue: "Lieu",
  firstDay: "Premier jour",
  lastDay: "Dernier jour",
  timeZone: "Fuseau horaire",
  expectedAttendance: "Participation attendue",
  budgetEuros: "Budget (€)",
};

/** A journal entry as the client receives it (JSON leaves `before`/`after` optional). */
export interface Logged {
  entity: AuditedEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Keys every entity carries that say nothing to a reader. */
const TECHNICAL = new Set(["id", "editionId"]);

/** Names of rooms, speakers, partners… by id, so that "roomIds" reads as room names. */
export type NameLookup = ReadonlyMap<string, string>;

export interface FieldLine {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

const EMPTY = "—";
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key;

const ORDER = Object.keys(FIELD_LABELS);
const rank = (key: string) => {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
};

/** What the entry is about, for a reader: a name, a title or an address. */
export function entityName(entry: Pick<Logged, "before" | "after">): string | null {
  for (const side of [entry.after, entry.before]) {
    const record = asRecord(side);
    for (const key of ["name", "title", "email", "theme"]) {
      const value = record?.[key];
      if (typeof value === "string" && value.trim()) return value;
    }
  }
  return null;
}

const nameOf = (id: unknown, names: NameLookup, missing: string) =>
  typeof id === "string" ? (names.get(id) ?? missing) : EMPTY;

/** One field's value in French: dates in Paris time, ids as names, codes as labels. */
export function formatValue(
  entity: AuditedEntity,
  key: string,
  value: unknown,
  names: NameLookup = new Map(),
): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (key) {
    case "days":
      if (Array.isArray(value) && entity === "room") {
        return value.length === 0
          ? "tous les jours"
          : value.map((day) => formatCongressDay(String(day))).join(", ");
      }
      break;
    case "roomIds":
      if (Array.isArray(value)) {
        return value.length === 0
          ? "aucune"
          : value.map((id) => nameOf(id, names, "salle supprimée")).join(", ");
      }
      break;
    case "speakerIds":
      if (Array.isArray(value)) {
        return value.length === 0
          ? "aucun·e"
          : value.map((id) => nameOf(id, names, "fiche supprimée")).join(", ");
      }
      break;
    case "partnerId":
      return nameOf(value, names, "partenaire supprimé");
    case "kind":
      if (entity === "session") return SESSION_KIND_LABELS[value as SessionKind] ?? String(value);
      if (entity === "partner") return PARTNER_KIND_LABELS[value as PartnerKind] ?? String(value);
      break;
    case "themes":
      if (Array.isArray(value)) {
        return value.length === 0
          ? "aucun"
          : value.map((t) => THEME_LABELS[t as Theme] ?? String(t)).join(", ");
      }
      break;
    case "role":
      return ROLE_LABELS[value as Role] ?? String(value);
    case "unavailable":
      if (Array.isArray(value)) {
        if (value.length === 0) return "aucune";
        return value
          .map((w) => {
            const window = asRecord(w);
            if (!window) return JSON.stringify(w);
            const reason =
              typeof window.reason === "string" && window.reason ? ` (${window.reason})` : "";
            return `${formatSlot(String(window.startsAt), String(window.endsAt))}${reason}`;
          })
          .join(" ; ");
      }
      break;
  }
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    if (ISO_DAY.test(value)) return formatDay(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? "aucun"
      : value.map((item) => formatValue(entity, "", item, names)).join(", ");
  }
  return JSON.stringify(value);
}

/** Stable comparison of two JSON values, key order aside. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Every readable field of the entry, before and after, in the order the entity lists them;
 * `changed` marks the fields an update or move touched (on a creation or a deletion, all of
 * them: they came into or went out of existence).
 */
export function fieldLines(entry: Logged, names: NameLookup = new Map()): FieldLine[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  // PostgreSQL's jsonb reorders keys (shortest first): put them back in a reading order.
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort(
    (a, b) => rank(a) - rank(b),
  );
  return keys
    .filter((key) => !TECHNICAL.has(key))
    .map((key) => ({
      key,
      label: fieldLabel(key),
      before: before ? formatValue(entry.entity, key, before[key], names) : EMPTY,
      after: after ? formatValue(entry.entity, key, after[key], names) : EMPTY,
      changed: !before || !after || !same(before[key], after[key]),
    }));
}

/** Only the fields that differ: the "before → after" lines of an update or a move. */
export const changedFields = (entry: Logged, names?: NameLookup) =>
  entry.before && entry.after ? fieldLines(entry, names).filter((line) => line.changed) : [];

/**
 * Names found in the journal itself: a deleted room's last state still says what it was
 * called, so sessions that mention its id keep reading well.
 */
export function namesFromEntries(entries: readonly Logged[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of [...entries].reverse()) {
    const name = entityName(entry);
    if (name) names.set(entry.entityId, name);
  }
  return names;
}
