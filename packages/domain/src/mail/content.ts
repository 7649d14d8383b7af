import { z } from "zod";
import { MailKind } from "./outbox";

/**
 * A message as the domain decides it (union/registration-mail.ts, auth/account-mail.ts …):
 * words, code, link and calendar, not yet laid out. It is what a change queues in the outbox,
 * as JSON (issue 15: rendering HTML inside the registration's transaction held the edition's
 * lock for a third of its time); the delivery worker reads it back through this schema, then
 * `renderMail` (packages/mail) turns it into HTML, text and attachments.
 */

/** The congress's days as a calendar event (an .ics attachment). */
export const CongressCalendar = z.object({
  /** Stable, so that a second message updates the same event in a calendar. */
  uid: z.string().min(1),
  summary: z.string(),
  location: z.string(),
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  timeZone: z.string().min(1),
});
export type CongressCalendar = z.infer<typeof CongressCalendar>;

export const MailContent = z.object({
  kind: MailKind,
  /** One message per cause (see the outbox): the same key is queued once. */
  key: z.string().min(1),
  to: z.string().min(1),
  subject: z.string(),
  /** The line a mail reader shows beside the subject. */
  preview: z.string(),
  heading: z.string(),
  greeting: z.string(),
  paragraphs: z.array(z.string()),
  /** The registration code, shown large and as a QR code the desk scans. */
  code: z.string().nullable(),
  /** The one button of the message (the attendee's space, a single-use link). */
  action: z.object({ label: z.string(), url: z.string() }).nullable(),
  calendar: CongressCalendar.nullable(),
  signOff: z.string(),
  footer: z.string(),
});
export type MailContent = z.infer<typeof MailContent>;
