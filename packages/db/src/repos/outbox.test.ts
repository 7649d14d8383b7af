import type { MailMessage } from "@tribune/domain/mail";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { outbox } from "../schema";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import {
  claimDueMessages,
  enqueueMessage,
  findMessageByKey,
  listMessages,
  markFailed,
  markSent,
  requeueDeadMessage,
} from "./outbox";

const message = (key: string): MailMessage => ({
  key,
  kind: "registration_confirmed",
  to: "camille@example.org",
  subject: "Votre inscription",
  text: "Bonjour",
  html: "<p>Bonjour</p>",
  attachments: [
    { filename: "code.png", contentType: "image/png", content: Uint8Array.of(1, 2, 3), cid: "qr" },
  ],
});

const T0 = new Date("2027-01-10T08:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const claim = (db: Database, now = T0, limit = 10) =>
  claimDueMessages(db, { now, limit, leaseMs: 60_000, maxAttempts: 3 });

describe.each(testBackends())("outbox on %s", (backend: Backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    db = opened.db;
    close = opened.close;
  });
  afterAll(() => close());
  beforeEach(async () => {
    await db.delete(outbox);
  });

  it("keeps one message per cause, its attachments intact", async () => {
    expect(await db.transaction((tx) => enqueueMessage(tx, message("a"), T0))).toBe(true);
    expect(await db.transaction((tx) => enqueueMessage(tx, message("a"), T0))).toBe(false);
    const [claimed] = await claim(db);
    expect(claimed?.attachments).toEqual([
      { filename: "code.png", contentType: "image/png", contentBase64: "AQID", cid: "qr" },
    ]);
    expect((await listMessages(db, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("a message queued in a transaction that rolls back is never sent", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMessage(tx, message("rolled-back"), T0);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await claim(db)).toEqual([]);
  });

  it("a claim holds until its lease expires, then another worker may take it", async () => {
    await enqueueMessage(db, message("lease"), T0);
    const [first] = await claim(db);
    expect(first?.attempts).toBe(1);
    expect(await claim(db, later(59_000))).toEqual([]);
    const [second] = await claim(db, later(61_000));
    expect(second?.attempts).toBe(2);
    // The first worker's claim is gone: it may no longer mark the message.
    expect(await markSent(db, first as NonNullable<typeof first>, later(62_000))).toBe(false);
    expect(await markSent(db, second as NonNullable<typeof second>, later(62_000))).toBe(true);
    expect((await findMessageByKey(db, "lease"))?.status).toBe("sent");
    expect(await claim(db, later(3_600_000))).toEqual([]);
  });

  it("a failure waits until its retry time; dead messages wait for a person", async () => {
    await enqueueMessage(db, message("retry"), T0);
    const [m] = await claim(db);
    if (!m) throw new Error("nothing claimed");
    await markFailed(db, m, { error: "451 try later", retryAt: later(60_000) }, T0);
    expect(await claim(db, later(59_999))).toEqual([]);
    const [again] = await claim(db, later(60_000));
    if (!again) throw new Error("not claimed again");
    await markFailed(db, again, { error: "550 no such user", retryAt: null }, later(60_000));
    const dead = await findMessageByKey(db, "retry");
    expect(dead).toMatchObject({ status: "dead", attempts: 2, lastError: "550 no such user" });
    expect(await claim(db, later(10 * 3_600_000))).toEqual([]);
    expect(await requeueDeadMessage(db, dead?.id as string, later(10 * 3_600_000))).toBe(true);
    expect(await claim(db, later(10 * 3_600_000))).toHaveLength(1);
  });

  it("a claim that expires on its last attempt is dead, not tried a fourth time", async () => {
    await enqueueMessage(db, message("crashing"), T0);
    for (let i = 0; i < 3; i++) expect(await claim(db, later(i * 61_000))).toHaveLength(1);
    expect(await claim(db, later(3 * 61_000))).toEqual([]);
    expect((await findMessageByKey(db, "crashing"))?.status).toBe("dead");
  });

  it("two workers claiming at once never take the same message", async () => {
    for (let i = 0; i < 30; i++) await enqueueMessage(db, message(`m${i}`), T0);
    const batches = await Promise.all([claim(db, T0, 20), claim(db, T0, 20), claim(db, T0, 20)]);
    const ids = batches.flat().map((m) => m.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
