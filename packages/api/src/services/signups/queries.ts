/** What sign-ups read: places per session, a session's list, an attendee's own options. */
import type { Executor } from "@tribune/db";
import { findEdition } from "@tribune/db/repos/editions";
import { findRegistrationByCode } from "@tribune/db/repos/registrations";
import {
  listSessionSignups,
  type SignupSession,
  sessionPlaces,
  signupsOfRegistration,
} from "@tribune/db/repos/signups";
import { refusalError } from "@tribune/domain/kernel";
import {
  type SessionPlaces,
  type SessionSignupEntry,
  SIGNUP_REFUSALS,
  type SignupOption,
} from "@tribune/domain/union";
import { found } from "../../found";
import type { ServiceContext } from "../kit";
import { signupSessionOf } from "./places";

/** One session's places, as the edition's list counts them. */
export async function placesOf(
  db: Executor,
  session: Pick<SignupSession, "id" | "editionId">,
): Promise<SessionPlaces> {
  const places = (await sessionPlaces(db, session.editionId)).find(
    (p) => p.sessionId === session.id,
  );
  if (!places) throw refusalError(SIGNUP_REFUSALS.sessionNotFound());
  return places;
}

/**
 * The edition's published workshops and toolboxes with their places left, and the attendee's
 * own status in each, for the holder of a registration code. Counts only, no names.
 */
export async function signupOptions(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<SignupOption[]> {
  const registration = await findRegistrationByCode(ctx.db, code);
  if (!registration) throw refusalError(SIGNUP_REFUSALS.noSuchRegistration());
  const [places, mine] = [
    await sessionPlaces(ctx.db, registration.editionId, { publishedOnly: true }),
    await signupsOfRegistration(ctx.db, registration.id),
  ];
  return places.map((p) => {
    const own = mine.find((s) => s.sessionId === p.sessionId);
    return { ...p, status: own?.status ?? null, waitlistPosition: own?.waitlistPosition ?? null };
  });
}

/** A session's sign-ups with names: confirmed, then the waitlist in order, then those who left. */
export async function sessionSignups(
  ctx: ServiceContext,
  { sessionId }: { sessionId: string },
): Promise<{ places: SessionPlaces; items: SessionSignupEntry[] }> {
  const session = await signupSessionOf(ctx.db, sessionId);
  return {
    places: await placesOf(ctx.db, session),
    items: await listSessionSignups(ctx.db, session.id),
  };
}

/** Capacity, confirmed and waiting for every workshop and toolbox of the edition. */
export async function signupOverview(
  ctx: ServiceContext,
  { editionId }: { editionId: string },
): Promise<SessionPlaces[]> {
  found(await findEdition(ctx.db, editionId), "Édition");
  return sessionPlaces(ctx.db, editionId);
}
