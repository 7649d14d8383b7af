import type { BusEvent } from "@tribune/db";
import { listAudit } from "@tribune/db/repos/audit";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsOf } from "../live";
import { change, idempotentChange, type ServiceContext } from "./kit";

const EDITION = "00000000-0000-4000-8000-00000000abcd";

describe.each(testBackends())("a change on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let ctx: ServiceContext;
  const heard: BusEvent[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = { db: database.db, events: database.events, actor: null };
    await eventsOf(ctx).subscribe((event) => heard.push(event));
  });
  afterAll(() => database.close());

  const auditOf = async (entityId: string) =>
    (await listAudit(database.db, { entity: "room", limit: 100 })).filter(
      (entry) => entry.entityId === entityId,
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  it("writes its audit entry and publishes its event once committed", async () => {
    const id = crypto.randomUUID();
    const value = await change(ctx, async (_tx, effects) => {
      await effects.audit({ entity: "room", entityId: id, action: "create", after: { id } });
      effects.publish({ type: "programme.changed", editionId: EDITION });
      return 42;
    });
    expect(value).toBe(42);
    expect(await auditOf(id)).toHaveLength(1);
    await settle();
    expect(heard).toContainEqual({ type: "programme.changed", editionId: EDITION });
  });

  it("leaves no audit entry and publishes nothing when it fails", async () => {
    heard.length = 0;
    const id = crypto.randomUUID();
    await expect(
      change(ctx, async (_tx, effects) => {
        await effects.audit({ entity: "room", entityId: id, action: "create" });
        effects.publish({ type: "programme.changed", editionId: EDITION });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await auditOf(id)).toHaveLength(0);
    await settle();
    expect(heard).toEqual([]);
  });

  it("with an idempotency key: audits and publishes once, a retry answers the first outcome", async () => {
    heard.length = 0;
    const id = crypto.randomUUID();
    let runs = 0;
    const run = (input: unknown) =>
      idempotentChange(ctx, "test.kit", `cle-${id}`, input, async (_tx, effects) => {
        runs += 1;
        await effects.audit({ entity: "room", entityId: id, action: "create", after: { id } });
        effects.publish({ type: "programme.changed", editionId: EDITION });
        return { id, runs };
      });
    const first = await run({ id });
    const retry = await run({ id });
    expect(first).toEqual({ value: { id, runs: 1 }, replayed: false });
    expect(retry).toEqual({ value: { id, runs: 1 }, replayed: true });
    expect(runs).toBe(1);
    expect(await auditOf(id)).toHaveLength(1);
    await settle();
    expect(heard).toEqual([{ type: "programme.changed", editionId: EDITION }]);
    // The same key for another request is refused, and changes nothing.
    heard.length = 0;
    await expect(run({ id, other: true })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(
        /^Cette clé d'idempotence a déjà servi pour une autre demande/,
      ),
    });
    expect(await auditOf(id)).toHaveLength(1);
    await settle();
    expect(heard).toEqual([]);
  });
});
