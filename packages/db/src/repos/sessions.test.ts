import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReferenceEdition } from "../seed/reference";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import { listEditions } from "./editions";
import { insertSpeaker } from "./people";
import { listRooms } from "./rooms";
import { findSession, insertSession, replaceSession } from "./sessions";

describe.each(testBackends())("session repository on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let editionId: string;
  let roomIds: string[];
  let speakerIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedReferenceEdition(database.db);
    const [edition] = await listEditions(database.db);
    editionId = edition?.id ?? "";
    roomIds = (await listRooms(database.db, editionId)).map((r) => r.id);
    speakerIds = [];
    for (const name of ["Alice", "Bora", "Chloé"]) {
      speakerIds.push(
        (await insertSpeaker(database.db, { name, affiliation: "", bio: "", unavailable: [] })).id,
      );
    }
  });
  afterAll(() => database.close());

  const draft = (startsAt: string, endsAt: string) => ({
    editionId,
    kind: "atelier" as const,
    title: "Atelier d'essai",
    description: "",
    startsAt,
    endsAt,
    wholeVenue: false,
    roomIds: [roomIds[2], roomIds[0]] as string[],
    speakerIds: [speakerIds[2], speakerIds[0], speakerIds[1]] as string[],
    themes: [],
    partnerId: null,
    capacityOverride: null,
    published: false,
  });

  it("keeps room and speaker order and gives instants back as UTC ISO strings", async () => {
    const saved = await insertSession(
      database.db,
      draft("2026-01-22T14:30:00+01:00", "2026-01-22T16:00:00+01:00"),
    );
    expect(saved).toMatchObject({
      startsAt: "2026-01-22T13:30:00.000Z",
      endsAt: "2026-01-22T15:00:00.000Z",
      roomIds: [roomIds[2], roomIds[0]],
      speakerIds: [speakerIds[2], speakerIds[0], speakerIds[1]],
    });
    expect(await findSession(database.db, saved.id)).toEqual(saved);

    const reordered = await replaceSession(database.db, {
      ...saved,
      roomIds: [roomIds[0], roomIds[1], roomIds[2]] as string[],
      speakerIds: [speakerIds[1], speakerIds[2]] as string[],
    });
    expect(reordered.roomIds).toEqual([roomIds[0], roomIds[1], roomIds[2]]);
    expect(reordered.speakerIds).toEqual([speakerIds[1], speakerIds[2]]);
    expect(await findSession(database.db, saved.id)).toEqual(reordered);
  });

  it("refuses a session that ends when or before it starts (CHECK constraint)", async () => {
    const violation = { cause: { code: "23514", constraint: "sessions_end_after_start" } };
    const at = "2026-01-23T09:00:00.000Z";
    await expect(insertSession(database.db, draft(at, at))).rejects.toMatchObject(violation);
    await expect(
      insertSession(database.db, draft(at, "2026-01-23T08:00:00.000Z")),
    ).rejects.toMatchObject(violation);
  });
});
