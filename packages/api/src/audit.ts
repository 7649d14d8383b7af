import type { Actor as AuditActor } from "@tribune/db/repos/audit";
import type { Actor } from "./context";

/** The audit log's view of whoever acts: the signed-in person, or the system (seed, CLI). */
export const auditActor = (actor: Actor | null): AuditActor => ({
  id: actor?.id ?? null,
  email: actor?.email ?? null,
});

export const SYSTEM: AuditActor = { id: null, email: "système" };
