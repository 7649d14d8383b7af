import { instantFromLocal } from "@tribune/domain/kernel";

/** The current instant; injectable so that tests and `--at` can pretend. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at a given Paris wall time ("2026-01-22T10:42", or a full ISO instant)
 * and then runs at normal speed.
 */
export function clockAt(at: string, timeZone = "Europe/Paris"): Clock {
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(at);
  const start = local
    ? Date.parse(instantFromLocal(local[1] as string, local[2] as string, timeZone))
    : Date.parse(at);
  if (Number.isNaN(start))
    throw new Error(
      `--at attend une date et une heure, par exemple 2026-01-22T10:42 (reçu : ${at}).`,
    );
  const origin = Date.now();
  return () => new Date(start + (Date.now() - origin));
}

/** A clock that never moves (tests). */
export const fixedClock =
  (iso: string): Clock =>
  () =>
    new Date(iso);
