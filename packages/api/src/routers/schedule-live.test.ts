import { randomUUID } from "node:crypto";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { testBackends } from "@tribune/db/testing";
import { instantFromLocal } from "@tribune/domain/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITION_2026, referenceSession, rejection, SALLE_3, useSeededApi } from "../test-support";

const REMPLA = referenceSession("1,2,3 rempla");
type Change = { editionId: string; reason: "subscribed" | "changed" };

describe.each(testBackends())("schedule.live on %s", (backend) => {
  const api = useSeededApi(backend);
  /** On PostgreSQL, a second server instance on the same database (its own LISTEN/NOTIFY). */
  let other: OpenDatabase | null = null;

  beforeAll(async () => {
    if (api.url) other = await openDatabase({ url: api.url });
  });
  afterAll(() => other?.close());

  /** The bureau watching the 2026 programme, and an organiser editing it. */
  async function watching() {
    const bureau = await api.callerOn("bureau", api.events);
    // The editor's server is another instance on PostgreSQL: the event crosses through NOTIFY.
    const organiser = await api.callerOn("organiser", (other ?? api).events);
    const stream = (await bureau.schedule.live({
      editionId: EDITION_2026,
    })) as AsyncIterable<Change>;
    const changes = stream[Symbol.asyncIterator]();
    const next = async () => (await changes.next()).value as Change;
    return { bureau, organiser, next, stop: () => changes.return?.() };
  }

  it("ends a watcher's stream at the next change once its session was logged out", async () => {
    const { bureau, organiser, next } = await watching();
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "subscribed" });
    await bureau.auth.logout();
    await organiser.session.move({
      id: REMPLA.id,
      startsAt: instantFromLocal("2026-01-23", "14:00"),
      endsAt: instantFromLocal("2026-01-23", "15:00"),
    });
    const ended = await rejection(next());
    expect(ended.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "unauthenticated" });
    expect(ended.message).toBe("Votre session a pris fin : reconnectez-vous.");
  });

  it("tells a watcher each time a session is created, moved, published or deleted", async () => {
    const { organiser, next, stop } = await watching();
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "subscribed" });

    await organiser.session.move({
      id: REMPLA.id,
      startsAt: instantFromLocal("2026-01-23", "16:00"),
      endsAt: instantFromLocal("2026-01-23", "17:00"),
    });
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "changed" });

    const { session } = await organiser.session.create({
      editionId: EDITION_2026,
      kind: "atelier",
      title: "Atelier ajouté en direct",
      startsAt: instantFromLocal("2026-01-23", "09:00"),
      endsAt: instantFromLocal("2026-01-23", "10:30"),
      roomIds: [SALLE_3],
    });
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "changed" });
    await organiser.session.update({ id: session.id, published: true });
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "changed" });
    await organiser.session.delete({ id: session.id });
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "changed" });
    await stop();
  });

  it("tells a watcher when a room of the grid is renamed", async () => {
    const { organiser, next, stop } = await watching();
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "subscribed" });
    await organiser.room.update({ id: SALLE_3, name: "Salle 3 : Musigny (rénovée)" });
    expect(await next()).toEqual({ editionId: EDITION_2026, reason: "changed" });
    await stop();
  });

  it("is for programme readers, on an edition that exists", async () => {
    const member = await api.callerOn("member", api.events);
    const bureau = await api.callerOn("bureau", api.events);
    const refused = await rejection(
      (async () => {
        const stream = (await member.schedule.live({
          editionId: EDITION_2026,
        })) as AsyncIterable<unknown>;
        await stream[Symbol.asyncIterator]().next();
      })(),
    );
    expect(refused.data.code).toBe("FORBIDDEN");
    const unknown = await rejection(
      (async () => {
        const stream = (await bureau.schedule.live({
          editionId: randomUUID(),
        })) as AsyncIterable<unknown>;
        await stream[Symbol.asyncIterator]().next();
      })(),
    );
    expect(unknown.data.code).toBe("NOT_FOUND");
  });
});
