import { z } from "zod";
import { int } from "../kernel/input";
import type { Refusal } from "../kernel/refusal";

/**
 * The outbox's rules (issue 15): what a queued message is, and what happens after a delivery
 * failed. The database stores, the server's worker delivers; both ask these functions.
 */

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "dead"] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES, { error: "Statut de courriel inconnu." });
export type OutboxStatus = z.infer<typeof OutboxStatus>;
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "En attente",
  sending: "En cours d'envoi",
  sent: "Envoyé",
  dead: "Abandonné",
};

/** What each message is about; survey invitations will never expose their body. */
export const MAIL_KINDS = [
  "registration_confirmed",
  "registration_waitlisted",
  "registration_promoted",
  "registration_cancelled",
  "registration_reminder",
  "signup_confirmed",
  "signup_waitlisted",
  "signup_promoted",
  "signup_cancelled",
  "account_invitation",
  "password_reset",
  "survey_invitation",
] as const;
export const MailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKind>;
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  registration_confirmed: "Inscription confirmée",
  registration_waitlisted: "Liste d'attente",
  registration_promoted: "Place attribuée",
  registration_cancelled: "Inscription annulée",
  registration_reminder: "Rappel d'inscription",
  signup_confirmed: "Atelier : inscription",
  signup_waitlisted: "Atelier : liste d'attente",
  signup_promoted: "Atelier : place attribuée",
  signup_cancelled: "Atelier : désinscription",
  account_invitation: "Invitation d'un compte",
  password_reset: "Nouveau mot de passe",
  survey_invitation: "Invitation à une enquête",
};

/**
 * Kinds whose body holds a secret: a single-use link that signs its holder in (an invitation,
 * a password reset). No list, page or audit entry ever shows their body (no staff list shows
 * any body: see OutboxEntry); only the recipient's mailbox holds the link.
 */
export const SECRET_BODY_MAIL_KINDS: readonly MailKind[] = ["account_invitation", "password_reset"];

/** A file sent with a message; with a `cid`, an image shown in the body. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  cid?: string;
}

/**
 * A rendered message, addressed, with the key of its cause: what `renderMail` makes of a
 * MailContent. Changes queue the content (see content.ts); the worker renders it to this.
 */
export interface MailMessage {
  /** One message per cause: "registration-confirmed:<id>:<instant>". Queued twice, kept once. */
  key: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/** A queued message as the staff's lists show it: never its body. */
export const OutboxEntry = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: OutboxStatus,
  attempts: z.int().nonnegative(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxQuery = z.object({
  status: OutboxStatus.optional(),
  limit: int({ min: 1, max: 500 }).default(100),
  offset: int({ min: 0, max: 1_000_000 }).default(0),
});
export type OutboxQuery = z.input<typeof OutboxQuery>;

export interface DeliveryPolicy {
  /** Claims before a message is given up (dead); a crashed claim counts. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each one. */
  firstRetryMs: number;
  /** The longest wait between two attempts. */
  maxRetryMs: number;
  /** How long a claim holds: longer than one delivery may take (the SMTP timeouts). */
  leaseMs: number;
}

/** 8 attempts over about a day (1, 2, 4 … 64 min, then hourly at most). */
export const DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  firstRetryMs: 60_000,
  maxRetryMs: 3_600_000,
  leaseMs: 5 * 60_000,
};

/**
 * After a failed delivery (`attempts` claims so far): try again later, twice as long after each
 * failure, or give up (dead) once the attempts are spent or the server refused for good (an SMTP
 * 5xx: no such mailbox, refused address) — sending it again would be refused again.
 */
export function afterFailedDelivery(
  attempts: number,
  permanent: boolean,
  now: Date,
  policy: DeliveryPolicy = DELIVERY_POLICY,
): { status: "dead" } | { status: "pending"; nextAttemptAt: Date } {
  if (permanent || attempts >= policy.maxAttempts) return { status: "dead" };
  const wait = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.max(0, attempts - 1));
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + wait) };
}

export const ResendInput = z.object({ id: z.uuid() });

export const MAIL_REFUSALS = {
  /** Only a message given up (dead) is sent again by hand; the others are on their way. */
  notDead: (): Refusal => ({
    reason: "mail_not_dead",
    code: "invalid",
    message: "Seul un courriel abandonné peut être renvoyé : celui-ci est déjà envoyé ou en cours.",
  }),
} as const;
