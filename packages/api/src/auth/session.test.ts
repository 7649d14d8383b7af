import { type EventBus, type EventListener, inProcessEventBus } from "@tribune/db";
import { revokeAuthSession } from "@tribune/db/repos/auth-sessions";
import { ageAuthSessions, type Backend, lastSeenOf, testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { useSeededApi } from "../test-support";
import { resolveActor, sessionsEnded } from "./session";
import { hashSessionToken } from "./tokens";

describe.each(testBackends())("resolving the actor of a session on %s", (backend: Backend) => {
  const database = useSeededApi(backend);

  const signedIn = async (role: "organiser" | "bureau" | "press") => {
    const { token, me } = await database.logIn(await database.accountOf(role));
    return { token, userId: me.id };
  };

  it("writes last_seen_at once a minute at most: not on every request, and again after a minute", async () => {
    const { token, userId } = await signedIn("organiser");
    const atLogin = await lastSeenOf(database.db, userId);
    await resolveActor(database.db, token);
    await resolveActor(database.db, token);
    expect(await lastSeenOf(database.db, userId)).toBe(atLogin);
    await ageAuthSessions(database.db, userId, 90);
    const aged = await lastSeenOf(database.db, userId);
    await resolveActor(database.db, token);
    expect(Date.parse((await lastSeenOf(database.db, userId)) ?? "")).toBeGreaterThan(
      Date.parse(aged ?? ""),
    );
  });

  it("keeps the actor on a bus without asking the database, until the bus says the sessions ended", async () => {
    const bus = inProcessEventBus();
    const { token, userId } = await signedIn("bureau");
    expect(await resolveActor(database.db, token, bus)).toMatchObject({ id: userId });
    // Revoked behind the cache's back (no event): still served from it, no query made…
    await revokeAuthSession(database.db, hashSessionToken(token));
    expect(await resolveActor(database.db, token, bus)).toMatchObject({ id: userId });
    // …until the end of the user's sessions is announced.
    await sessionsEnded({ db: database.db, events: bus }, userId);
    expect(await resolveActor(database.db, token, bus)).toBeNull();
    await bus.close();
  });

  it("drops every kept actor when the bus may have missed events (bus.resync)", async () => {
    const listeners: EventListener[] = [];
    const inner = inProcessEventBus();
    const bus: EventBus = {
      ...inner,
      async subscribe(listener) {
        listeners.push(listener);
        return inner.subscribe(listener);
      },
    };
    const { token } = await signedIn("press");
    expect(await resolveActor(database.db, token, bus)).not.toBeNull();
    await revokeAuthSession(database.db, hashSessionToken(token));
    for (const listener of listeners) listener({ type: "bus.resync" });
    expect(await resolveActor(database.db, token, bus)).toBeNull();
  });
});
