import { z } from "zod";

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
] as const;
export const AuditedEntity = z.enum(AUDITED_ENTITIES);
export type AuditedEntity = z.infer<typeof AuditedEntity>;

export const AuditAction = z.enum([
  "create",
  "update",
  "move",
  "delete",
  "disable",
  "import",
  "export",
  "cancel",
  "check_in",
  "vote",
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
  actorEmail: z.string().optional(),
  limit: z.int().min(1).max(500).default(100),
});
export type AuditQuery = z.input<typeof AuditQuery>;
