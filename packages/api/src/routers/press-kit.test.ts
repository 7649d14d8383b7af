import { seedReferenceEdition } from "@tribune/db/seed";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import { PressKitModel } from "@tribune/domain/press-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE, referenceSession, rejection, testApi } from "../test-support";

describe.each(testBackends())("pressKit.model on %s", (backend) => {
  let close: () => Promise<void>;
  let api: ReturnType<typeof testApi>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    close = opened.close;
    await seedReferenceEdition(opened.db);
    api = testApi(opened.db);
  });
  afterAll(() => close());

  const planningOf = (model: PressKitModel) => {
    const planning = model.sections.find((s) => s.kind === "planning");
    if (planning?.kind !== "planning") throw new Error("no planning section");
    return planning.content.days;
  };

  it("gives the press the 2026 kit with the 34 entries of both days' grids", async () => {
    const press = await api.callerAs("press");
    const model = await press.pressKit.model({ year: 2026 });
    expect(PressKitModel.parse(model)).toEqual(model);
    const days = planningOf(model);
    expect(days.map((d) => d.day)).toEqual(["2026-01-22", "2026-01-23"]);
    expect(days.flatMap((d) => d.grid.cells)).toHaveLength(34);
    expect(new Set(days.flatMap((d) => d.grid.cells.map((c) => c.sessionId)))).toEqual(
      new Set(REFERENCE.sessions.map((s) => s.id)),
    );
    expect(model.edition).toMatchObject({ number: 26, year: 2026, city: "Dijon" });
    expect(model.meta.author).toBe("ISNAR-IMG");
    expect(model.figures.every((f) => f.value === null)).toBe(true);
  });

  it.each<Role>(["bureau", "admin"])("gives the kit to %s too", async (role) => {
    const caller = await api.callerAs(role);
    expect((await caller.pressKit.model({ year: 2026 })).sections).toHaveLength(11);
  });

  it.each<Role>(["member", "organiser", "representative"])(
    "refuses %s: FORBIDDEN",
    async (role) => {
      const caller = await api.callerAs(role);
      const error = await rejection(caller.pressKit.model({ year: 2026 }));
      expect(error.data.code).toBe("FORBIDDEN");
      expect(error.message).toBe("Votre rôle ne permet pas cette action.");
    },
  );

  it("refuses an anonymous caller: UNAUTHORIZED", async () => {
    const error = await rejection((await api.anonymous()).pressKit.model({ year: 2026 }));
    expect(error.data.code).toBe("UNAUTHORIZED");
  });

  it("answers NOT_FOUND for an edition that does not exist", async () => {
    const press = await api.callerAs("press");
    const error = await rejection(press.pressKit.model({ year: 2031 }));
    expect(error.data.code).toBe("NOT_FOUND");
  });

  it("leaves a session out once it is unpublished", async () => {
    const organiser = await api.callerAs("organiser");
    const gala = referenceSession("Gala");
    await organiser.session.update({ id: gala.id, published: false });
    const model = await (await api.callerAs("press")).pressKit.model({ year: 2026 });
    const titles = planningOf(model).flatMap((d) => d.grid.cells.map((c) => c.title));
    expect(titles).toHaveLength(33);
    expect(titles).not.toContain("Gala");
    await organiser.session.update({ id: gala.id, published: true });
  });
});
