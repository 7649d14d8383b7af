import { findMessageByKey } from "@tribune/db/repos/outbox";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import type { MailContent } from "@tribune/domain/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { change, idempotentChange, type ServiceContext } from "../kit";
import { listOutbox } from "./list";

const message = (key: string): MailContent => ({
  key,
  kind: "registration_cancelled",
  to: "camille@example.org",
  subject: "Inscription annulée",
  preview: "Votre inscription est annulée.",
  heading: "Votre inscription est annulée",
  greeting: "Bonjour Camille,",
  paragraphs: ["Votre inscription est annulée."],
  code: null,
  action: null,
  calendar: null,
  signOff: "L'équipe d'organisation",
  footer: "ISNAR-IMG",
});

describe.each(testBackends())("effects.mail on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let ctx: ServiceContext;
  const at = new Date("2027-01-05T10:00:00Z");
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    ctx = { db: database.db, events: database.events, actor: null, clock: { now: () => at } };
  });
  afterAll(() => database.close());

  it("queues the message with the change that causes it, once per cause", async () => {
    await change(ctx, async (_tx, effects) => {
      await effects.mail(message("cause-1"));
      await effects.mail(message("cause-1"));
    });
    const queued = await findMessageByKey(database.db, "cause-1");
    expect(queued).toMatchObject({ status: "pending", recipient: "camille@example.org" });
    expect(new Date(queued?.createdAt ?? "").toISOString()).toBe(at.toISOString());
    // The change stores what the domain decided; the worker renders it once committed.
    expect(queued).toMatchObject({ subject: "Inscription annulée", text: null, html: null });
    expect(queued?.content).toEqual(message("cause-1"));
    const { items, counts } = await listOutbox(ctx, { status: "pending" });
    expect(items.map((m) => m.key)).toEqual(["cause-1"]);
    expect(counts.pending).toBe(1);
    expect(items[0]).not.toHaveProperty("text");
  });

  it("queues nothing when the change fails or is a replay", async () => {
    await expect(
      change(ctx, async (_tx, effects) => {
        await effects.mail(message("failed-change"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await findMessageByKey(database.db, "failed-change")).toBeNull();

    let calls = 0;
    for (let i = 0; i < 2; i++)
      await idempotentChange(ctx, "test.mail", "key-1", { i: 0 }, async (_tx, effects) => {
        calls += 1;
        await effects.mail(message(`replayed-${calls}`));
        return calls;
      });
    expect(calls).toBe(1);
    expect(await findMessageByKey(database.db, "replayed-2")).toBeNull();
  });
});
