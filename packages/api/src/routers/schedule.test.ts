import { testBackends } from "@tribune/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  EDITION_2026,
  referenceSession,
  rejection,
  useSeededApi,
} from "../test-support";

const GALA = referenceSession("Gala");

describe.each(testBackends())("schedule procedures on %s", (backend) => {
  const api = useSeededApi(backend);
  let organiser: Caller;
  let anonymous: Caller;

  beforeAll(async () => {
    organiser = await api.callerAs("organiser");
    anonymous = await api.anonymous();
  });

  it("finds no conflict in the programme as printed", async () => {
    expect(await organiser.schedule.conflicts({ editionId: EDITION_2026 })).toEqual([]);
  });

  it.each([
    ["2026-01-22", 4, 20],
    ["2026-01-23", 3, 14],
  ])("draws %s with %i room columns and %i sessions", async (day, columns, sessions) => {
    const grid = await organiser.schedule.grid({ editionId: EDITION_2026, day });
    expect(grid.columns).toHaveLength(columns);
    expect(new Set(grid.cells.map((c) => c.sessionId)).size).toBe(sessions);
    expect(grid.rows[0]?.time).toBe("08:00");
  });

  it("publishes the programme to anyone", async () => {
    const { edition, entries } = await anonymous.schedule.programme({ year: 2026 });
    expect(edition).toMatchObject({ year: 2026, city: "Dijon" });
    expect(entries).toHaveLength(34);
    expect(entries[0]).toMatchObject({
      day: "2026-01-22",
      start: "08:00",
      title: "Accueil des congressistes",
    });
  });

  it("leaves an unpublished session out of the public programme, not out of the grid", async () => {
    await organiser.session.update({ id: GALA.id, published: false });
    const { entries } = await anonymous.schedule.programme({ year: 2026 });
    expect(entries).toHaveLength(33);
    expect(entries.map((e) => e.id)).not.toContain(GALA.id);
    const grid = await organiser.schedule.grid({ editionId: EDITION_2026, day: "2026-01-22" });
    expect(grid.cells.map((c) => c.sessionId)).toContain(GALA.id);
  });

  it("answers NOT_FOUND for a year without a congress", async () => {
    const error = await rejection(anonymous.schedule.programme({ year: 2031 }));
    expect(error.message).toBe("L'édition 2031 introuvable.");
    expect(error.data).toMatchObject({ code: "NOT_FOUND", appCode: "not_found" });
  });
});
