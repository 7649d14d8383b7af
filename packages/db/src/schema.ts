import type { AuditAction, AuditedEntity } from "@tribune/domain/audit";
import type { AccountTokenPurpose, Role } from "@tribune/domain/auth";
import type { PartnerKind, SessionKind, Theme, TimeWindow } from "@tribune/domain/congress";
import type { DossierStatus, VoteChoice, VoteRule } from "@tribune/domain/dossiers";
import type {
  EditorialBlock,
  FigureUnit,
  PillarId,
  PressKitFrame,
  SectionId,
  SectionStatus,
  Signature,
} from "@tribune/domain/press-kit";
import type {
  AnonymityMode,
  Answers,
  CampaignStatus,
  KeyFigureDefinition,
  Question,
  SurveySensitivity,
  SurveyStatus,
} from "@tribune/domain/surveys";
import type { MembershipStatus, RegistrationStatus } from "@tribune/domain/union";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });
const now = (name: string) => instant(name).notNull().defaultNow();

export const editions = pgTable(
  "editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull().unique(),
    year: integer("year").notNull().unique(),
    theme: text("theme").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    city: text("city").notNull(),
    venue: text("venue").notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    expectedAttendance: integer("expected_attendance").notNull().default(0),
    budgetEuros: integer("budget_euros").notNull().default(0),
    /** Self-registration opens at this day's midnight (edition's zone); null: not scheduled. */
    registrationOpensOn: date("registration_opens_on", { mode: "string" }),
    /** …and closes at the end of this day; null: no closing date. */
    registrationClosesOn: date("registration_closes_on", { mode: "string" }),
    /** Archived editions are read-only. The rest of the state follows from the dates. */
    archivedAt: instant("archived_at"),
  },
  (t) => [
    check("editions_days", sql`${t.lastDay} >= ${t.firstDay}`),
    check(
      "editions_registration_window",
      sql`${t.registrationClosesOn} is null or ${t.registrationOpensOn} is null or ${t.registrationClosesOn} >= ${t.registrationOpensOn}`,
    ),
  ],
);

export const rooms = pgTable("rooms", {
  id: uuid("id").primaryKey().defaultRandom(),
  editionId: uuid("edition_id")
    .notNull()
    .references(() => editions.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  capacity: integer("capacity"),
  order: integer("sort_order").notNull().default(0),
  days: jsonb("days").$type<string[]>().notNull().default([]),
});

export const partners = pgTable("partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind").$type<PartnerKind>().notNull(),
  website: text("website").notNull().default(""),
});

/**
 * The partners of each edition. Partners are a shared catalogue (a mutual insurer supports
 * the union year after year, and a session names its partner); this link says which of them
 * support which congress, so that a new edition can take over the previous one's, or not.
 */
export const editionPartners = pgTable(
  "edition_partners",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.partnerId] }),
    index("edition_partners_partner_idx").on(t.partnerId),
  ],
);

export const speakers = pgTable("speakers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  affiliation: text("affiliation").notNull().default(""),
  bio: text("bio").notNull().default(""),
  unavailable: jsonb("unavailable").$type<TimeWindow[]>().notNull().default([]),
});

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SessionKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    wholeVenue: boolean("whole_venue").notNull().default(false),
    themes: jsonb("themes").$type<Theme[]>().notNull().default([]),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    capacityOverride: integer("capacity_override"),
    published: boolean("published").notNull().default(false),
    /** Its identifier in the open formats (frab guid): kept from an imported file (0009). */
    guid: uuid("guid").notNull().defaultRandom(),
    /** Grows by one at each change: the iCalendar SEQUENCE (0009). */
    revision: integer("revision").notNull().default(0),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    check("sessions_end_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    index("sessions_edition_start_idx").on(t.editionId, t.startsAt),
    uniqueIndex("sessions_edition_guid_idx").on(t.editionId, t.guid),
  ],
);

export const sessionRooms = pgTable(
  "session_rooms",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.roomId] }),
    index("session_rooms_room_idx").on(t.roomId),
  ],
);

export const sessionSpeakers = pgTable(
  "session_speakers",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    speakerId: uuid("speaker_id")
      .notNull()
      .references(() => speakers.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.speakerId] }),
    index("session_speakers_speaker_idx").on(t.speakerId),
  ],
);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull().default(""),
  role: text("role").$type<Role>().notNull(),
  subdivisionId: uuid("subdivision_id"),
  /** Null while an invited account has not chosen its password (it cannot sign in). */
  passwordHash: text("password_hash"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: now("created_at"),
});

/** Server-side login sessions; only a hash of the cookie token is stored. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: now("created_at"),
    lastSeenAt: now("last_seen_at"),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * Single-use, expiring links of accounts (migration 0012): an invitation to choose a first
 * password, or a password reset. Only the SHA-256 digest of the link's token is stored.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<AccountTokenPurpose>().notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: now("created_at"),
  },
  (t) => [
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_purpose_check", sql`${t.purpose} in ('invitation', 'password_reset')`),
  ],
);

/** Failed logins per key ("ip:…" or "account:…") within the current window. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: instant("window_started_at").notNull().defaultNow(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: several entries can share a timestamp (PGlite counts milliseconds). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    at: now("at"),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    entity: text("entity").$type<AuditedEntity>().notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").$type<AuditAction>().notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_seq_idx").on(t.seq),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
  ],
);

// --- Subdivisions, members, registrations --------------------------------------------------

export const subdivisions = pgTable("subdivisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  unionName: text("union_name").notNull().default(""),
  university: text("university").notNull().default(""),
  contactEmail: text("contact_email").notNull().default(""),
  declaredMembers: integer("declared_members").notNull().default(0),
  aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
});

/** Union members: special-category personal data (GDPR art. 9), read through scoped procedures only. */
export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subdivisionId: uuid("subdivision_id")
      .notNull()
      .references(() => subdivisions.id, { onDelete: "restrict" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull().unique(),
    yearOfTraining: integer("year_of_training").notNull(),
    membershipStatus: text("membership_status").$type<MembershipStatus>().notNull(),
    membershipYear: integer("membership_year").notNull(),
    synthetic: boolean("synthetic").notNull().default(false),
    /** Names and email without accents or case (normaliseName), for search. */
    searchText: text("search_text").notNull().default(""),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    check("members_year_of_training", sql`${t.yearOfTraining} between 1 and 4`),
    index("members_subdivision_idx").on(t.subdivisionId, t.lastName),
  ],
);

/**
 * One row per edition (session_id null) and per capacity-limited session: the capacity, and
 * the row every registration or sign-up locks (SELECT … FOR UPDATE) before counting places,
 * so that concurrent requests take places one at a time. capacity null: no limit (for a
 * session: the room's capacity, or the session's override).
 */
export const registrationQuotas = pgTable(
  "registration_quotas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "cascade" }),
    capacity: integer("capacity"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    uniqueIndex("registration_quotas_edition_idx")
      .on(t.editionId)
      .where(sql`${t.sessionId} is null`),
    uniqueIndex("registration_quotas_session_idx").on(t.sessionId),
    check("registration_quotas_capacity", sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    subdivisionId: uuid("subdivision_id")
      .notNull()
      .references(() => subdivisions.id, { onDelete: "restrict" }),
    yearOfTraining: integer("year_of_training"),
    meals: boolean("meals").notNull().default(true),
    gala: boolean("gala").notNull().default(false),
    status: text("status").$type<RegistrationStatus>().notNull(),
    /** Arrival order on the waitlist; taken again when a cancelled registration comes back. */
    queuedSeq: bigserial("queued_seq", { mode: "number" }).notNull(),
    synthetic: boolean("synthetic").notNull().default(false),
    searchText: text("search_text").notNull().default(""),
    /** The organiser who registered the person by hand; null for a self-registration. */
    createdBy: uuid("created_by"),
    registeredAt: now("registered_at"),
    confirmedAt: instant("confirmed_at"),
    cancelledAt: instant("cancelled_at"),
    checkedInAt: instant("checked_in_at"),
    checkedInBy: uuid("checked_in_by"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    unique("registrations_edition_email_key").on(t.editionId, t.email),
    uniqueIndex("registrations_edition_member_idx")
      .on(t.editionId, t.memberId)
      .where(sql`${t.memberId} is not null`),
    check(
      "registrations_status",
      sql`${t.status} in ('registered', 'waitlisted', 'cancelled', 'checked_in')`,
    ),
    index("registrations_edition_status_idx").on(t.editionId, t.status, t.queuedSeq),
    index("registrations_edition_subdivision_idx").on(t.editionId, t.subdivisionId),
  ],
);

/**
 * What is left of an edition's registrations once the retention promised to registrants has
 * passed (domain `personalDataKeptUntil`): how many per subdivision and status, nobody.
 */
export const registrationTallies = pgTable(
  "registration_tallies",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    subdivisionId: uuid("subdivision_id")
      .notNull()
      .references(() => subdivisions.id, { onDelete: "restrict" }),
    status: text("status").$type<RegistrationStatus>().notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.subdivisionId, t.status] }),
    check("registration_tallies_count", sql`${t.count} >= 0`),
  ],
);

/** Editions whose personal data is gone: the purge ran once, and never again. */
export const personalDataPurges = pgTable("personal_data_purges", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  purgedAt: now("purged_at"),
  registrations: integer("registrations").notNull(),
});

/**
 * How an edition's programme imports read another tool's session types: a frab `type` or
 * `track` value and the kind it becomes, as the organiser last chose it (issue 16). The next
 * import of the edition starts from it.
 */
export const programmeKindMappings = pgTable(
  "programme_kind_mappings",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
    kind: text("kind").$type<SessionKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.value] })],
);

/** Sign-ups to capacity-limited sessions (workshops, toolboxes), by registered attendees. */
export const sessionSignups = pgTable(
  "session_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    status: text("status").$type<"registered" | "waitlisted" | "cancelled">().notNull(),
    queuedSeq: bigserial("queued_seq", { mode: "number" }).notNull(),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    unique("session_signups_session_registration_key").on(t.sessionId, t.registrationId),
    check("session_signups_status", sql`${t.status} in ('registered', 'waitlisted', 'cancelled')`),
    index("session_signups_session_status_idx").on(t.sessionId, t.status, t.queuedSeq),
  ],
);

/**
 * Requests that may be retried (a registration form resubmitted after a timeout): the first
 * outcome is stored under the client's key and answered again to every retry.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** Hash of the request's input: the same key with another input is refused. */
    requestHash: text("request_hash").notNull(),
    response: jsonb("response"),
    createdAt: now("created_at"),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// --- Surveys (issue 5) ----------------------------------------------------------------------
// Anonymity by construction: `survey_responses` holds answers and the day they came in, and
// nothing else — no member, no token, no address, no user agent, no time of day. Who has
// answered lives in `survey_tokens`, with no key between the two tables.

export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    year: integer("year"),
    partners: jsonb("partners").$type<string[]>().notNull().default([]),
    audience: text("audience").notNull().default(""),
    opensOn: date("opens_on", { mode: "string" }),
    closesOn: date("closes_on", { mode: "string" }),
    status: text("status").$type<SurveyStatus>().notNull().default("draft"),
    anonymity: text("anonymity").$type<AnonymityMode>().notNull().default("anonymous"),
    sensitivity: text("sensitivity").$type<SurveySensitivity>().notNull().default("standard"),
    disclosureThreshold: integer("disclosure_threshold").notNull().default(11),
    /** The questionnaire, validated by the domain's `Question` schema. */
    questions: jsonb("questions").$type<Question[]>().notNull().default([]),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    check("surveys_status", sql`${t.status} in ('draft', 'open', 'closed', 'published')`),
    check("surveys_anonymity", sql`${t.anonymity} in ('anonymous', 'open_link')`),
    check("surveys_sensitivity", sql`${t.sensitivity} in ('standard', 'health')`),
    check("surveys_disclosure_threshold", sql`${t.disclosureThreshold} >= 5`),
  ],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    /**
     * The day the answer's batch left the mixing pool (imports: the day given): a day shared by
     * the whole batch, so that it cannot single out one answer within it.
     */
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
    /** Generated demo data (the press-kit seed), never a real respondent. */
    synthetic: boolean("synthetic").notNull().default(false),
    answers: jsonb("answers").$type<Answers>().notNull(),
  },
  (t) => [index("survey_responses_survey_idx").on(t.surveyId)],
);

/**
 * The mixing pool. An answer waits here — with its survey and nothing else: no day, no order —
 * until at least the survey's disclosure threshold of answers can enter `survey_responses`
 * together, in random order and in one transaction, or the survey closes. A pool row shares its
 * transaction id with the token spent for it, so the pool is emptied and rewritten (VACUUM FULL)
 * at each flush: at rest, nothing of the answer's way in remains.
 */
export const surveyResponsePool = pgTable(
  "survey_response_pool",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<Answers>().notNull(),
  },
  (t) => [index("survey_response_pool_survey_idx").on(t.surveyId)],
);

/** One-time invitations and the "has answered" mark: never joined to responses. */
export const surveyTokens = pgTable(
  "survey_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    /** SHA-256 of the token sent to the respondent; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    usedOn: date("used_on", { mode: "string" }),
  },
  (t) => [index("survey_tokens_survey_idx").on(t.surveyId)],
);

export const surveyKeyFigures = pgTable(
  "survey_key_figures",
  {
    id: text("id").primaryKey(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    /** The domain's `KeyFigureDefinition` (statistic, filter, scale, rounding, template). */
    definition: jsonb("definition").$type<KeyFigureDefinition>().notNull(),
    published: boolean("published").notNull().default(false),
    position: integer("position").notNull().default(0),
    updatedAt: now("updated_at"),
  },
  (t) => [index("survey_key_figures_survey_idx").on(t.surveyId, t.position)],
);

// --- Survey invitations (issue 15, migration 0013) ------------------------------------------
// The address ↔ token pairing is never stored: a campaign's tokens are issued (hashed, in
// `survey_tokens`) in one transaction before any message leaves and live in plain text only in
// the sending job's memory. These tables hold counts, and salted hashes of the addresses a link
// was sent to — no token, no campaign, no time beside them.

/** One sending of invitations to a survey: its rate, its state and its counts, no address. */
export const surveyInvitationCampaigns = pgTable(
  "survey_invitation_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ratePerMinute: integer("rate_per_minute").notNull(),
    status: text("status").$type<CampaignStatus>().notNull().default("running"),
    total: integer("total").notNull().default(0),
    sent: integer("sent").notNull().default(0),
    bounced: integer("bounced").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    /** The process sending it; its claim holds until `lease_until`, renewed at each batch. */
    claimedBy: text("claimed_by"),
    leaseUntil: instant("lease_until"),
    startedAt: now("started_at"),
    updatedAt: now("updated_at"),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    check(
      "survey_invitation_campaigns_status",
      sql`${t.status} in ('running', 'paused', 'finished', 'interrupted')`,
    ),
    check("survey_invitation_campaigns_rate", sql`${t.ratePerMinute} between 1 and 60000`),
    uniqueIndex("survey_invitation_campaigns_one_running")
      .on(t.surveyId)
      .where(sql`${t.status} = 'running'`),
    index("survey_invitation_campaigns_survey_idx").on(t.surveyId, t.startedAt),
  ],
);

/** The salt of a survey's invited-address hashes (random, one per survey). */
export const surveyInvitationSalts = pgTable("survey_invitation_salts", {
  surveyId: uuid("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  salt: text("salt").notNull(),
});

/** Who received a link to the survey, as salted hashes: so that a list sent again skips them. */
export const surveyInvitedAddresses = pgTable(
  "survey_invited_addresses",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    addressHash: text("address_hash").notNull(),
  },
  (t) => [
    primaryKey({ name: "survey_invited_addresses_pk", columns: [t.surveyId, t.addressHash] }),
  ],
);

// --- Policy dossiers and motions (issue 6) --------------------------------------------------
// A dossier is one fight or activity of the union under a press-kit pillar; its body uses the
// press kit's markup (EditorialBlock). Motions are voted by the Conseil d'Administration, one
// vote per subdivision.

export const dossiers = pgTable(
  "dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    pillar: text("pillar").$type<PillarId>().notNull(),
    status: text("status").$type<DossierStatus>().notNull(),
    summary: text("summary").notNull().default(""),
    body: jsonb("body").$type<EditorialBlock[]>().notNull().default([]),
    partners: jsonb("partners").$type<string[]>().notNull().default([]),
    /** survey_key_figures ids; no foreign key: a figure may be defined after the dossier. */
    figureIds: jsonb("figure_ids").$type<string[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    check("dossiers_pillar", sql`${t.pillar} in ('representer', 'defendre', 'informer')`),
    check(
      "dossiers_status",
      sql`${t.status} in ('watch', 'in_progress', 'mobilisation', 'won', 'closed')`,
    ),
    index("dossiers_pillar_idx").on(t.pillar, t.position),
  ],
);

export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    label: text("label").notNull(),
  },
  (t) => [index("dossier_events_dossier_idx").on(t.dossierId, t.date)],
);

/** Meetings of the Conseil d'Administration (four a year, hosted across France). */
export const caMeetings = pgTable("ca_meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Null when the source gives no date. */
  date: date("date", { mode: "string" }),
  city: text("city").notNull(),
  hostSubdivisionId: uuid("host_subdivision_id").references(() => subdivisions.id, {
    onDelete: "restrict",
  }),
  note: text("note").notNull().default(""),
});

export const motions = pgTable(
  "motions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => caMeetings.id, { onDelete: "restrict" }),
    dossierId: uuid("dossier_id").references(() => dossiers.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    text: text("text").notNull(),
    rule: text("rule").$type<VoteRule>().notNull().default("simple"),
    /** Demo data, never a real decision of the union. */
    synthetic: boolean("synthetic").notNull().default(false),
    createdAt: now("created_at"),
  },
  (t) => [
    check("motions_rule", sql`${t.rule} in ('simple', 'two_thirds')`),
    index("motions_meeting_idx").on(t.meetingId),
    index("motions_dossier_idx").on(t.dossierId),
  ],
);

export const motionVotes = pgTable(
  "motion_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    motionId: uuid("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "cascade" }),
    subdivisionId: uuid("subdivision_id")
      .notNull()
      .references(() => subdivisions.id, { onDelete: "restrict" }),
    choice: text("choice").$type<VoteChoice>().notNull(),
    recordedBy: uuid("recorded_by"),
    recordedAt: now("recorded_at"),
  },
  (t) => [
    unique("motion_votes_motion_subdivision").on(t.motionId, t.subdivisionId),
    check("motion_votes_choice", sql`${t.choice} in ('for', 'against', 'abstention', 'absent')`),
  ],
);

// --- Press-kit sections (issue 6) -----------------------------------------------------------
// The editorial part of an edition's press kit, one row per section: its title, its free text
// (the admin's plain formatted text), its signature, and its status. The bureau validates; an
// edit of a validated section puts it back in draft. Generated content is never stored.

export const pressKitSections = pgTable(
  "press_kit_sections",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    sectionId: text("section_id").$type<SectionId>().notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kicker: text("kicker"),
    text: text("text").notNull().default(""),
    signature: jsonb("signature").$type<Signature | null>(),
    status: text("status").$type<SectionStatus>().notNull().default("draft"),
    /** E-mails, not user ids: the page shows who, and an account may be deleted later. */
    updatedBy: text("updated_by"),
    updatedAt: now("updated_at"),
    validatedBy: text("validated_by"),
    validatedAt: instant("validated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.sectionId] }),
    check("press_kit_sections_status", sql`${t.status} in ('draft', 'validated')`),
  ],
);

// --- Press-kit frames and manual key figures (issues 12, 17) --------------------------------
// The frame of an edition's kit (organisation, congress name, default headings, flash topics,
// contacts, figure definitions: the domain's `PressKitFrame`), one row per edition. Manual key
// figures are quoted from someone else's publication, typed in with their provenance.

export const pressKitFrames = pgTable("press_kit_frames", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  frame: jsonb("frame").$type<PressKitFrame>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: now("updated_at"),
});

export const manualKeyFigures = pgTable(
  "manual_key_figures",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    label: text("label").notNull(),
    value: doublePrecision("value").notNull(),
    unit: text("unit").$type<FigureUnit>().notNull(),
    decimals: integer("decimals").notNull(),
    sourceOrganisation: text("source_organisation").notNull(),
    sourceTitle: text("source_title").notNull(),
    sample: text("sample").notNull(),
    publishedOn: date("published_on", { mode: "string" }).notNull(),
    url: text("url"),
    updatedBy: text("updated_by"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.id] }),
    check("manual_key_figures_unit", sql`${t.unit} in ('percent', 'number')`),
    check("manual_key_figures_decimals", sql`${t.decimals} between 0 and 2`),
    // Provenance is mandatory (the domain refuses it first, in French).
    check(
      "manual_key_figures_provenance",
      sql`btrim(${t.sourceOrganisation}) <> '' and btrim(${t.sourceTitle}) <> '' and btrim(${t.sample}) <> ''`,
    ),
  ],
);

// --- Outbox (issue 15) ----------------------------------------------------------------------
// Every e-mail is a row written in the transaction of the change that causes it; a worker
// delivers it (repos/outbox.ts). The change writes what the domain decided (`content`, JSON: the
// words, code, link and calendar); the worker renders it after the commit, sends it and keeps
// the rendering in place of the content (`text`, `html`, `attachments`): what was sent can be
// read back, and delivery needs nothing but this table. Rows written before 0016 are rendered
// from the start (no content) and are sent as they are.

/** A file sent with a message, its content in base64; `cid` makes it inline (an <img src="cid:…">). */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
  cid?: string;
}

export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Derived from the cause ("registration-confirmed:<id>:<instant>"): one message per cause. */
    key: text("key").notNull().unique(),
    /** What the message is about ("registration_confirmed"…): filters and audit, never the body. */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    /** The rendered body; null until the worker rendered `content`. */
    text: text("text"),
    html: text("html"),
    attachments: jsonb("attachments").$type<StoredAttachment[]>().notNull().default([]),
    /**
     * The domain's MailContent, still to render; null once rendered (the rendering replaces it:
     * one copy of the person's data) and for rows queued rendered. Read back through its schema.
     */
    content: jsonb("content").$type<unknown>(),
    status: text("status")
      .$type<"pending" | "sending" | "sent" | "dead">()
      .notNull()
      .default("pending"),
    /** Claims so far, a crashed one included. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: now("next_attempt_at"),
    /** While `sending`: the claim holds until then, and another worker may take it after. */
    leaseUntil: instant("lease_until"),
    /** Who holds the claim: only that worker may mark the message sent or failed. */
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
    sentAt: instant("sent_at"),
  },
  (t) => [
    check("outbox_status", sql`${t.status} in ('pending', 'sending', 'sent', 'dead')`),
    // A row is either still to render or rendered: never neither.
    check(
      "outbox_content_or_rendered",
      sql`${t.content} is not null or (${t.text} is not null and ${t.html} is not null)`,
    ),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** Secrets the application makes for itself (the key that signs attendees' links). */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: now("created_at"),
});
