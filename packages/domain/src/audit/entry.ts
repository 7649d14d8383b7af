import { z } from "zod";
import {
  AUDIT_LOG_READERS,
  DOSSIER_READERS,
  KEY_FIGURE_READERS,
  MEMBER_MANAGERS,
  MOTION_READERS,
  PRESS_KIT_READERS,
  PROGRAMME_READERS,
  REGISTRATION_MANAGERS,
  REGISTRATION_READERS,
  type Role,
  SUBDIVISION_READERS,
  SURVEY_READERS,
} from "../auth/roles";
import { int, text } from "../kernel/input";

export const AUDITED_ENTITIES = [
  "edition",
  "room",
  "session",
  "speaker",
  "partner",
  "user",
  "subdivision",
  "member",
  "registration",
  "survey",
  "dossier",
  "ca_meeting",
  "motion",
  "press_kit_section",
  "mail",
] as const;
export const AuditedEntity = z.enum(AUDITED_ENTITIES);
export type AuditedEntity = z.infer<typeof AuditedEntity>;

/**
 * What an audit entry is about, as far as reading it goes: its entity, except key figures,
 * recorded under their survey (`before`/`after` hold a `keyFigure`) but read by fewer people.
 */
export const AUDIT_KINDS = [...AUDITED_ENTITIES, "key_figure"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Who may read the audit entries of each kind: those who may read the entity itself, since an
 * entry holds its full record before and after the change.
 */
export const AUDIT_READERS: Record<AuditKind, readonly Role[]> = {
  // Edition entries record the congress capacity, never the budget.
  edition: [...REGISTRATION_MANAGERS, "bureau"],
  room: PROGRAMME_READERS,
  session: PROGRAMME_READERS,
  speaker: PROGRAMME_READERS,
  partner: PROGRAMME_READERS,
  // Accounts are read nowhere else.
  user: AUDIT_LOG_READERS,
  subdivision: SUBDIVISION_READERS,
  member: MEMBER_MANAGERS,
  registration: REGISTRATION_READERS,
  survey: SURVEY_READERS,
  key_figure: KEY_FIGURE_READERS,
  dossier: DOSSIER_READERS,
  ca_meeting: MOTION_READERS,
  motion: MOTION_READERS,
  press_kit_section: PRESS_KIT_READERS,
  // A message sent again by hand: its status and recipient, never its body.
  mail: AUDIT_LOG_READERS,
};

/** The kinds of audit entry a role may read. */
export const auditKindsReadableBy = (role: Role): AuditKind[] =>
  AUDIT_KINDS.filter((kind) => AUDIT_READERS[kind].includes(role));

export const AuditAction = z.enum([
  "create",
  "update",
  "move",
  "delete",
  "disable",
  "enable",
  "import",
  "export",
  "cancel",
  "check_in",
  "vote",
  "archive",
  "invite",
  "set_password",
  "purge",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  entity: AuditedEntity,
  entityId: z.string(),
  action: AuditAction,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entity: AuditedEntity.optional(),
  actorEmail: text({ max: 254 }).optional(),
  limit: int({ min: 1, max: 500 }).default(100),
});
export type AuditQuery = z.input<typeof AuditQuery>;
