import type {
  AuditAction,
  AuditedEntity,
  PartnerKind,
  Role,
  SessionKind,
  Theme,
  TimeWindow,
} from "@tribune/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });
const now = (name: string) => instant(name).notNull().defaultNow();

export const editions = pgTable("editions", {
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
});

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
    createdAt: now("created_at"),
    updatedAt: now("updated_at"),
  },
  (t) => [
    check("sessions_end_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    index("sessions_edition_start_idx").on(t.editionId, t.startsAt),
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
  passwordHash: text("password_hash").notNull(),
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
