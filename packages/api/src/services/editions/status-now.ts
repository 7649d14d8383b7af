import {
  Edition,
  type EditionStatus,
  type EditionWithBudget,
  editionStatus,
} from "@tribune/domain/congress";

/**
 * Per edition object, what the public reads work out on every request from a cached edition
 * (the public cache hands the same object to every reader): its state, at most once a second,
 * and its public face (without the budget). Profiled: the time zone arithmetic of
 * `editionStatus` and the parse were most of what an anonymous edition.byYear cost.
 */
const statuses = new WeakMap<object, { second: number; status: EditionStatus }>();
const publicFaces = new WeakMap<object, Edition>();

/** `editionStatus(edition, now)`, reused within the same second. */
export function statusNow(edition: EditionWithBudget | Edition, now: Date): EditionStatus {
  const second = Math.floor(now.getTime() / 1000);
  const kept = statuses.get(edition);
  if (kept?.second === second) return kept.status;
  const status = editionStatus(edition, now);
  statuses.set(edition, { second, status });
  return status;
}

/** The edition as anyone may see it (no budget), worked out once per edition object. */
export function publicFace(edition: EditionWithBudget): Edition {
  let face = publicFaces.get(edition);
  if (!face) {
    face = Edition.parse(edition);
    publicFaces.set(edition, face);
  }
  return face;
}
