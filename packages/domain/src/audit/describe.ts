import { z } from "zod";
import { ROLE_LABELS, type Role } from "../auth/roles";
import { PARTNER_KIND_LABELS, type PartnerKind } from "../congress/people";
import {
  SESSION_KIND_LABELS,
  type SessionKind,
  THEME_LABELS,
  type Theme,
} from "../congress/session";
import { DOSSIER_STATUS_LABELS, type DossierStatus, PILLAR_LABELS } from "../dossiers/dossier";
import { formatCount, formatDate, formatDateTime, formatDay, formatNumber } from "../format";
import type { PillarId, SectionId, SectionStatus } from "../press-kit/model";
import { SECTION_LABELS, SECTION_STATUS_LABELS } from "../press-kit/sections";
import { describeMembersLeftOut, MembersLeftOut } from "../surveys/member-invitations";
import { SURVEY_STATUS_LABELS, type SurveyStatus } from "../surveys/survey";
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from "../union/member";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "../union/registration";
import { SIGNUP_STATUS_LABELS, type SignupStatus } from "../union/signup";
import { type AuditAction, AuditEntry, type AuditedEntity } from "./entry";

/**
 * An audit entry in French, for people: who (a public form, the system, or an address), what
 * happened in a sentence, and each changed field as « Libellé : avant → après » — field names
 * translated, stored codes through the domain's labels, instants in Paris time, ids as the
 * names the server resolved. Never raw JSON.
 */

/** Who acted when nobody was signed in: the public forms (registration, sign-ups). */
export const AUDIT_PUBLIC_ACTOR = "public (formulaire en ligne)";
/** Who acted from the command line or the seed (recorded as such). */
export const AUDIT_SYSTEM_ACTOR = "système";

export const AUDIT_ENTITY_LABELS: Record<AuditedEntity, string> = {
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

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: "création",
  update: "modification",
  move: "déplacement",
  delete: "suppression",
  disable: "désactivation",
  enable: "réactivation",
  import: "import",
  export: "export",
  cancel: "annulation",
  check_in: "arrivée",
  vote: "vote",
  archive: "archivage",
  invite: "invitation",
  set_password: "mot de passe",
  purge: "effacement des données personnelles",
};

/** Field names in French; a field not listed here is shown by `humanKey` (never as camelCase). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: "Nom",
  title: "Titre",
  firstName: "Prénom",
  lastName: "Nom",
  kind: "Type",
  status: "Statut",
  description: "Description",
  capacity: "Capacité",
  capacityOverride: "Capacité de la session",
  order: "Ordre",
  position: "Position",
  days: "Jours d'ouverture",
  startsAt: "Début",
  endsAt: "Fin",
  roomIds: "Salles",
  wholeVenue: "Tout le lieu",
  speakerIds: "Intervenant·es",
  partnerId: "Partenaire",
  sessionId: "Session",
  registrationId: "Inscription",
  themes: "Thèmes",
  published: "Publiée",
  affiliation: "Affiliation",
  bio: "Biographie",
  unavailable: "Indisponibilités",
  website: "Site web",
  email: "Adresse e-mail",
  phone: "Téléphone",
  displayName: "Nom affiché",
  role: "Rôle",
  subdivisionId: "Subdivision",
  yearOfTraining: "Année d'internat",
  disabled: "Désactivé",
  meals: "Repas",
  gala: "Soirée de gala",
  waitlistPosition: "Rang en liste d'attente",
  registeredAt: "Inscrit·e le",
  checkedInAt: "Arrivé·e le",
  createdAt: "Créé le",
  updatedAt: "Modifié le",
  updatedBy: "Modifié par",
  validatedAt: "Validé le",
  validatedBy: "Validé par",
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
  summary: "Résumé presse",
  body: "Texte",
  text: "Texte",
  kicker: "Rubrique",
  signature: "Signature",
  pillar: "Pilier",
  sectionId: "Section",
  figureIds: "Chiffres clés",
  opensOn: "Ouverture",
  closesOn: "Clôture",
  disclosureThreshold: "Seuil de confidentialité",
  sensitivity: "Sensibilité",
  rows: "Lignes exportées",
  filters: "Filtres",
  sessionSignup: "Inscription à une session",
  membershipStatus: "Adhésion",
  slug: "Adresse courte",
  questions: "Questions",
  label: "Libellé",
  synthetic: "Données de démonstration",
};

/** Keys that say nothing to a reader. */
const TECHNICAL = new Set(["id", "editionId", "surveyId", "actorId", "stored", "purged"]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY = "—";

/** "waitlistPosition" → "Waitlist position": a readable fallback for a field nobody labelled. */
const humanKey = (key: string) => {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
export const auditFieldLabel = (key: string) => AUDIT_FIELD_LABELS[key] ?? humanKey(key);

const lower = (label: string | undefined) => label?.toLocaleLowerCase("fr");

/** A stored code in French, by entity and field (`status : draft → open` → « brouillon → ouverte »). */
function codeLabel(entity: AuditedEntity, key: string, code: string): string | undefined {
  if (key === "status") {
    if (entity === "survey") return lower(SURVEY_STATUS_LABELS[code as SurveyStatus]);
    if (entity === "registration")
      return lower(REGISTRATION_STATUS_LABELS[code as RegistrationStatus]);
    if (entity === "press_kit_section") return lower(SECTION_STATUS_LABELS[code as SectionStatus]);
    if (entity === "dossier") return lower(DOSSIER_STATUS_LABELS[code as DossierStatus]);
    if (entity === "member") return lower(MEMBERSHIP_STATUS_LABELS[code as MembershipStatus]);
    return lower(SIGNUP_STATUS_LABELS[code as SignupStatus]);
  }
  if (key === "kind")
    return entity === "partner"
      ? PARTNER_KIND_LABELS[code as PartnerKind]
      : SESSION_KIND_LABELS[code as SessionKind];
  if (key === "role") return ROLE_LABELS[code as Role];
  if (key === "pillar") return PILLAR_LABELS[code as PillarId];
  if (key === "sectionId") return SECTION_LABELS[code as SectionId];
  if (key === "membershipStatus") return lower(MEMBERSHIP_STATUS_LABELS[code as MembershipStatus]);
  return undefined;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** One value in French: codes as labels, instants in Paris time, ids as names, objects as "clé : valeur". */
export function auditValue(
  entity: AuditedEntity,
  key: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    const label = codeLabel(entity, key, value);
    if (label) return label;
    if (UUID.test(value)) return names.get(value) ?? "fiche supprimée";
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    if (ISO_DAY.test(value)) return formatDay(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "aucun";
    if (key === "themes") return value.map((t) => THEME_LABELS[t as Theme] ?? String(t)).join(", ");
    return value.map((item) => auditValue(entity, key, item, names)).join(", ");
  }
  const record = asRecord(value);
  if (!record) return String(value);
  return Object.entries(record)
    .filter(([k]) => !TECHNICAL.has(k))
    .map(([k, v]) => `${lower(auditFieldLabel(k))} : ${auditValue(entity, k, v, names)}`)
    .join(" ; ");
}

export const AuditLine = z.object({
  key: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type AuditLine = z.infer<typeof AuditLine>;

export const AuditDescription = z.object({
  /** Who: an address, « public (formulaire en ligne) » or « système ». */
  actor: z.string(),
  /** « Inscription · arrivée ». */
  what: z.string(),
  /** What the entry is about, by name, if known. */
  name: z.string().nullable(),
  /** What happened, in a sentence, when the fields alone do not say it (a check-in, an export…). */
  summary: z.string().nullable(),
  /** The fields that changed (an update), or that were set (a creation) or lost (a deletion). */
  changes: z.array(AuditLine),
  /** Every readable field, changed or not, for the details on demand. */
  fields: z.array(AuditLine.extend({ changed: z.boolean() })),
});
export type AuditDescription = z.infer<typeof AuditDescription>;

/** An entry as the journal lists it: the record, and its description in French. */
export const AuditDescribedEntry = AuditEntry.extend({ description: AuditDescription });
export type AuditDescribedEntry = z.infer<typeof AuditDescribedEntry>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || (a == null && b == null);
}

/** Who acted: a person's address; the system; or, when nobody was signed in, the public. */
export function auditActorLabel(entry: Pick<AuditEntry, "actorEmail" | "actorId">): string {
  if (entry.actorEmail) return entry.actorEmail;
  return entry.actorId ? AUDIT_SYSTEM_ACTOR : AUDIT_PUBLIC_ACTOR;
}

/** The name of what an entry is about: resolved by the server, else from its own record. */
function nameOf(entry: AuditEntry, names: ReadonlyMap<string, string>): string | null {
  const resolved = names.get(entry.entityId);
  if (resolved) return resolved;
  for (const side of [entry.after, entry.before]) {
    const record = asRecord(side);
    if (record?.firstName && record.lastName) return `${record.firstName} ${record.lastName}`;
    for (const key of ["name", "title", "email", "theme"]) {
      const value = record?.[key];
      if (typeof value === "string" && value.trim()) return value;
    }
  }
  if (entry.entity === "press_kit_section") {
    const [year, part, figureId] = entry.entityId.split("/");
    // The kit's frame ("2027/cadre") and its quoted figures ("2027/chiffre-cite/drees").
    if (part === "cadre") return `Cadre du dossier de presse ${year}`;
    if (part === "chiffre-cite" && figureId) return `Chiffre cité « ${figureId} » (${year})`;
    const sectionId = part as SectionId | undefined;
    if (sectionId && SECTION_LABELS[sectionId]) return SECTION_LABELS[sectionId];
  }
  return null;
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

/** A sentence for what the fields do not say. */
function summaryOf(
  entry: AuditEntry,
  name: string | null,
  names: ReadonlyMap<string, string>,
): string | null {
  const after = asRecord(entry.after);
  const who = name ?? "la personne";
  switch (entry.action) {
    case "check_in":
      return `Arrivée de ${who} enregistrée à l'accueil.`;
    case "export": {
      const rows =
        typeof after?.rows === "number" ? ` : ${plural(after.rows, "ligne", "lignes")}` : "";
      return `Export ${entry.entity === "registration" ? "des inscriptions" : entry.entity === "survey" ? "des résultats" : "de données"}${rows}.`;
    }
    case "import":
      return `Import de ${AUDIT_ENTITY_LABELS[entry.entity].toLocaleLowerCase("fr")}${name ? ` « ${name} »` : ""}.`;
    case "cancel":
      return `Annulation${name ? ` pour ${name}` : ""}.`;
    case "vote":
      return "Vote enregistré.";
    case "archive":
      return "Édition archivée : elle n'est plus modifiable.";
    case "invite":
      return `Invitation envoyée${typeof after?.email === "string" ? ` à ${after.email}` : ""} (lien valable 7 jours).`;
    case "purge": {
      const count = typeof after?.registrations === "number" ? after.registrations : 0;
      return `Données personnelles des inscrit·es effacées (conservées jusqu'au ${typeof after?.keptUntil === "string" ? formatDate(after.keptUntil) : "terme promis"}) : ${plural(count, "inscription devenue", "inscriptions devenues")} des comptes par subdivision.`;
    }
    case "set_password":
      return after?.via === "invitation"
        ? "Invitation acceptée : mot de passe choisi."
        : after?.via === "reset_link_issued"
          ? "Lien de nouveau mot de passe émis en ligne de commande."
          : "Mot de passe changé par lien de réinitialisation ; toutes les sessions sont fermées.";
  }
  const campaign = asRecord(after?.invitationCampaign);
  if (campaign) return describeInvitationCampaign(campaign);
  if (after?.purged === true || asRecord(entry.before)?.purged === true)
    return "Détail effacé : la durée de conservation des données personnelles est écoulée.";
  const signup = asRecord(after?.sessionSignup);
  if (signup) {
    const session = typeof signup.sessionId === "string" ? names.get(signup.sessionId) : undefined;
    const state =
      typeof signup.status === "string"
        ? lower(SIGNUP_STATUS_LABELS[signup.status as SignupStatus])
        : undefined;
    return `${who} s'inscrit à ${session ? `« ${session} »` : "une session"}${state ? ` (${state})` : ""}.`;
  }
  if (entry.action === "create" && entry.entity === "registration" && name)
    return `Inscription de ${name} au congrès.`;
  return null;
}

/** A survey's invitation campaign: its counts, never an address (surveys/invitations.ts). */
function describeInvitationCampaign(c: Record<string, unknown>): string {
  const n = (key: string) => (typeof c[key] === "number" ? (c[key] as number) : 0);
  const skipped =
    n("skipped") > 0
      ? `, ${plural(n("skipped"), "déjà invitée ignorée", "déjà invitées ignorées")}`
      : "";
  if (c.status === "running") {
    const leftOut = MembersLeftOut.safeParse(c.membersLeftOut);
    const members = leftOut.success ? describeMembersLeftOut(leftOut.data) : null;
    return `Invitations par courriel : envoi commencé vers ${plural(n("total"), "adresse", "adresses")}${skipped}.${members ? ` ${members}` : ""}`;
  }
  const state =
    c.status === "finished" ? "terminé" : c.status === "paused" ? "mis en pause" : "interrompu";
  const refused = n("bounced") > 0 ? `, ${plural(n("bounced"), "refusée", "refusées")}` : "";
  const failed = n("failed") > 0 ? `, ${formatNumber(n("failed"))} en échec` : "";
  return `Invitations par courriel : envoi ${state}, ${formatCount(n("sent"), "envoyée", "envoyées")} sur ${formatNumber(n("total"))}${refused}${failed}.`;
}

/** Describes one entry for the journal (see the module's comment). */
export function describeAuditEntry(
  entry: AuditEntry,
  names: ReadonlyMap<string, string> = new Map(),
): AuditDescription {
  const name = nameOf(entry, names);
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const all = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !TECHNICAL.has(key) && key !== "sessionSignup",
  );
  const order = Object.keys(AUDIT_FIELD_LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  all.sort((a, b) => rank(a) - rank(b));
  const changed = (key: string) => !before || !after || !same(before[key], after[key]);
  const keys = all.filter(changed);
  const line = (key: string): AuditLine => ({
    key,
    label: auditFieldLabel(key),
    before: before ? auditValue(entry.entity, key, before[key], names) : EMPTY,
    after: after ? auditValue(entry.entity, key, after[key], names) : EMPTY,
  });
  const summarised = ["check_in", "export", "vote", "invite", "set_password", "purge"].includes(
    entry.action,
  );
  return {
    actor: auditActorLabel(entry),
    what: `${AUDIT_ENTITY_LABELS[entry.entity]} · ${AUDIT_ACTION_LABELS[entry.action]}`,
    name,
    summary: summaryOf(entry, name, names),
    changes: summarised ? [] : keys.map(line),
    fields: all.map((key) => ({ ...line(key), changed: changed(key) })),
  };
}

/** The ids an entry mentions (its own, and in its fields), for the server to name them. */
export function auditIdsOf(entry: Pick<AuditEntry, "entityId" | "before" | "after">): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string" && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(entry.entityId);
  visit(entry.before);
  visit(entry.after);
  return [...ids];
}
