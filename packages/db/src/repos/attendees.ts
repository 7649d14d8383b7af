/**
 * What the attendee's space, the desk's corrections and the attendees' documents read and write
 * of registrations (issue 15). Reads and writes only: the rules are the domain's (union/attendee).
 */
import type { Registration } from "@tribune/domain/union";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  editionPartners,
  members,
  partners,
  registrations,
  sessionSpeakers,
  sessions,
  speakers,
  subdivisions,
  users,
} from "../schema";
import { searchTextOf } from "./members";
import { findRegistration } from "./registrations";

/** Locks the registration's row until the end of the transaction and reads it. */
export async function lockRegistration(tx: Executor, id: string): Promise<Registration | null> {
  const [row] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(eq(registrations.id, id))
    .for("update");
  return row ? findRegistration(tx, id) : null;
}

export interface RegistrationOptions {
  subdivisionId: string;
  yearOfTraining: number | null;
  meals: boolean;
  gala: boolean;
}

/** Writes what an attendee may change of their registration; answers it as it now is. */
export async function setRegistrationOptions(
  tx: Executor,
  id: string,
  options: RegistrationOptions,
): Promise<Registration> {
  await tx
    .update(registrations)
    .set({ ...options, updatedAt: sql`now()` })
    .where(eq(registrations.id, id));
  return (await findRegistration(tx, id)) as Registration;
}

export interface RegistrationDetails extends RegistrationOptions {
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * An organiser's correction: names, address and options, same code and same place. The member
 * link follows the address (the member record with the new address, if any).
 */
export async function setRegistrationDetails(
  tx: Executor,
  id: string,
  details: RegistrationDetails,
): Promise<Registration> {
  const email = details.email.toLowerCase();
  await tx
    .update(registrations)
    .set({
      ...details,
      email,
      searchText: searchTextOf({ ...details, email }),
      memberId: sql`(select ${members.id} from ${members} where ${members.email} = ${email})`,
      updatedAt: sql`now()`,
    })
    .where(eq(registrations.id, id));
  return (await findRegistration(tx, id)) as Registration;
}

/** Whether another registration of the edition has this address. */
export async function emailTakenInEdition(
  db: Executor,
  editionId: string,
  email: string,
  except: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(eq(registrations.editionId, editionId), eq(registrations.email, email.toLowerCase())),
    );
  return rows.some((r) => r.id !== except);
}

/** Takes a check-in back: the person holds their place again, not arrived. */
export async function unmarkArrived(tx: Executor, id: string): Promise<Registration> {
  await tx
    .update(registrations)
    .set({ status: "registered", checkedInAt: null, checkedInBy: null, updatedAt: sql`now()` })
    .where(and(eq(registrations.id, id), eq(registrations.status, "checked_in")));
  return (await findRegistration(tx, id)) as Registration;
}

export async function subdivisionName(db: Executor, id: string): Promise<string | null> {
  const [row] = await db
    .select({ name: subdivisions.name })
    .from(subdivisions)
    .where(eq(subdivisions.id, id));
  return row?.name ?? null;
}

export interface AttendeeRow {
  code: string;
  firstName: string;
  lastName: string;
  email: string;
  subdivision: string;
  status: Registration["status"];
  checkedInAt: string | null;
}

/**
 * The edition's people holding a place (registered or arrived), with their subdivision's name:
 * one subdivision, those registered since an instant, or everyone; `arrivedOnly` for the
 * certificates.
 */
export async function attendeesHoldingPlace(
  db: Executor,
  editionId: string,
  filter: { subdivisionId?: string; registeredSince?: string; arrivedOnly?: boolean } = {},
): Promise<AttendeeRow[]> {
  const where = [
    eq(registrations.editionId, editionId),
    inArray(
      registrations.status,
      filter.arrivedOnly ? ["checked_in"] : ["registered", "checked_in"],
    ),
  ];
  if (filter.subdivisionId) where.push(eq(registrations.subdivisionId, filter.subdivisionId));
  if (filter.registeredSince) where.push(gte(registrations.registeredAt, filter.registeredSince));
  const rows = await db
    .select({
      code: registrations.code,
      firstName: registrations.firstName,
      lastName: registrations.lastName,
      email: registrations.email,
      subdivision: subdivisions.name,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .innerJoin(subdivisions, eq(subdivisions.id, registrations.subdivisionId))
    .where(and(...where))
    .orderBy(asc(registrations.lastName), asc(registrations.firstName));
  return rows.map((r) => ({
    ...r,
    checkedInAt: r.checkedInAt === null ? null : new Date(r.checkedInAt).toISOString(),
  }));
}

/** What decides the role printed on badges: the bureau's addresses, speakers' names, partners' sites. */
export async function badgeRoleSources(
  db: Executor,
  editionId: string,
): Promise<{ bureauEmails: string[]; speakerNames: string[]; partnerWebsites: string[] }> {
  const [bureau, named, sponsors] = await Promise.all([
    db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, "bureau"), eq(users.disabled, false))),
    db
      .selectDistinct({ name: speakers.name })
      .from(speakers)
      .innerJoin(sessionSpeakers, eq(sessionSpeakers.speakerId, speakers.id))
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .where(eq(sessions.editionId, editionId)),
    db
      .select({ website: partners.website })
      .from(partners)
      .innerJoin(editionPartners, eq(editionPartners.partnerId, partners.id))
      .where(eq(editionPartners.editionId, editionId)),
  ]);
  return {
    bureauEmails: bureau.map((r) => r.email),
    speakerNames: named.map((r) => r.name),
    partnerWebsites: sponsors.map((r) => r.website),
  };
}
