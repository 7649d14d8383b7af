import type { Database, EventBus } from "@tribune/db";
import type { Me } from "@tribune/domain/auth";
import type { PublicCache } from "./public-cache";
import type { PublicRateLimits } from "./rate-limit";
import type { InvitationMailer } from "./services/surveys/invitations/port";

/** The signed-in person, with the login session that proved it. */
export interface Actor extends Me {
  authSessionId: string;
}

export interface CookieJar {
  /** Raw session token from the request cookie, if any. */
  token: string | null;
  /** Sets the session cookie on the response (login). */
  issue(token: string, maxAgeSeconds: number): void;
  /** Clears it (logout). */
  clear(): void;
}

export interface Context {
  db: Database;
  actor: Actor | null;
  /** The client's address, for rate limiting logins. */
  clientIp: string;
  cookies: CookieJar;
  /**
   * Live updates (registrations, check-ins). The server passes its database's bus, shared by
   * every instance on PostgreSQL; left out (tests, scripts), an in-process bus per database.
   */
  events?: EventBus;
  /** Allowances of the public mutations per client address; left out (tests, scripts), no limit. */
  rateLimits?: PublicRateLimits;
  /**
   * What anyone may read of an edition, built once per change (public-cache.ts); left out
   * (tests, scripts, the command line), every read goes to the database.
   */
  publicCache?: PublicCache;
  /**
   * The address users reach (TRIBUNE_PUBLIC_URL), for the links in e-mails; left out (tests,
   * scripts), http://localhost:3000.
   */
  publicUrl?: string;
  /**
   * Sends survey invitations straight to the SMTP server (never through the outbox, whose rows
   * would keep each address beside its link); left out (no TRIBUNE_SMTP_URL, tests), none leave.
   */
  invitationMailer?: InvitationMailer;
}
