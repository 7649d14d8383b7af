/**
 * SQLSTATEs of a connection the server ended or would not open: admin_shutdown (a backend
 * terminated, a fast shutdown), crash_shutdown, cannot_connect_now (starting up, shutting down).
 * Class 08 is every connection exception.
 */
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03"]);
/** Socket errors on the way to the server. */
const NETWORK_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/**
 * What node-postgres says when the socket closes under a query ("Connection terminated
 * unexpectedly", "… due to connection timeout") or a query is sent to a client that lost it
 * (drizzle's ROLLBACK after a failed statement: "… is not queryable").
 */
const DRIVER_MESSAGES = /^Connection terminated|is not queryable$/;

/**
 * True when `error` (or an error it wraps: drizzle's DrizzleQueryError, an AggregateError of
 * connection attempts) says the database could not be reached or dropped the connection: the
 * same request may well work a few seconds later. Not for errors of the query itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!(e instanceof Error) || seen.has(e)) return false;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || NETWORK_ERRORS.has(code))
        return true;
    }
    if (DRIVER_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(walk)) return true;
    return walk(e.cause);
  };
  return walk(error);
}
