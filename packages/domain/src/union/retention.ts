import { z } from "zod";
import { localDay } from "../kernel/time";

/**
 * How long a congress keeps the personal data of the people who registered (GDPR art. 5(1)(e)):
 * the registration form promises one year after the congress's last day (PrivacyNotice); after
 * that only anonymous counts per subdivision remain (`RegistrationTally`). The form, the purge
 * job and its command all ask these functions, so the promise and the deed cannot drift apart.
 */
export const RETENTION_YEARS = 1;

/** The last day the data is kept, as an ISO date: the same day, `RETENTION_YEARS` later. */
export function personalDataKeptUntil(lastDay: string): string {
  const [year, month, day] = lastDay.split("-").map(Number) as [number, number, number];
  const kept = new Date(Date.UTC(year + RETENTION_YEARS, month - 1, day));
  // 29 February of a congress year becomes 28 February, not 1 March.
  if (kept.getUTCMonth() !== month - 1) kept.setUTCDate(0);
  return kept.toISOString().slice(0, 10);
}

export interface RetentionEdition {
  id: string;
  year: number;
  lastDay: string;
  timeZone: string;
}

/**
 * The editions whose personal data must go now: the day after `personalDataKeptUntil` has begun
 * in the edition's time zone, and not purged yet.
 */
export function editionsPastRetention<E extends RetentionEdition>(
  editions: E[],
  purged: ReadonlySet<string>,
  now: Date,
): E[] {
  return editions.filter(
    (e) =>
      !purged.has(e.id) &&
      localDay(now.toISOString(), e.timeZone) > personalDataKeptUntil(e.lastDay),
  );
}

/** What is left of an edition's registrations once purged: counts, nobody. */
export const RegistrationTally = z.object({
  subdivisionId: z.uuid(),
  status: z.enum(["registered", "waitlisted", "cancelled", "checked_in"]),
  count: z.int().nonnegative(),
});
export type RegistrationTally = z.infer<typeof RegistrationTally>;

/** One edition's purge, as the command line and the audit log report it. */
export const PurgeReport = z.object({
  editionId: z.uuid(),
  year: z.int(),
  keptUntil: z.iso.date(),
  registrations: z.int().nonnegative(),
  signups: z.int().nonnegative(),
  messages: z.int().nonnegative(),
  auditEntries: z.int().nonnegative(),
});
export type PurgeReport = z.infer<typeof PurgeReport>;
