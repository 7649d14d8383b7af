import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSmtpServer } from "@tribune/cli-kit/smtp-testing";
import { type Database, type OpenDatabase, openDatabase } from "@tribune/db";
import {
  claimDueMessages,
  enqueueMail,
  enqueueMessage,
  findMessageByKey,
  requeueDeadMessage,
} from "@tribune/db/repos/outbox";
import * as schema from "@tribune/db/schema";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import type { DeliveryPolicy, MailContent, MailMessage } from "@tribune/domain/mail";
import { registrationMail } from "@tribune/domain/union";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailTransport, type MailTarget } from "./transport";
import { createOutboxWorker } from "./worker";

const FROM = "ISNAR-IMG <congres@isnar-img.example>";
const POLICY: DeliveryPolicy = {
  maxAttempts: 4,
  firstRetryMs: 60_000,
  maxRetryMs: 600_000,
  leaseMs: 300_000,
};

const message = (key: string, to = "camille@example.org"): MailMessage => ({
  key,
  kind: "registration_confirmed",
  to,
  subject: "Votre inscription au 27e congrès",
  text: "Bonjour Camille, votre code : K7QM-3XPA",
  html: '<p>Bonjour Camille, votre code : <b>K7QM-3XPA</b></p><img src="cid:qr">',
  attachments: [
    {
      filename: "code.png",
      contentType: "image/png",
      content: Uint8Array.of(137, 80, 78, 71),
      cid: "qr",
    },
  ],
});

/**
 * What a registration queues since 0016: the domain's content, unrendered (the worker renders
 * it). `code` is the registration code the message shows, and encodes as a QR code.
 */
const content = (n: number, code = "K7QM-3XPA"): MailContent =>
  registrationMail(
    {
      id: "00000000-0000-4000-8000-000000002027",
      number: 27,
      year: 2027,
      city: "Lyon",
      venue: "Centre de congrès",
      firstDay: "2027-01-21",
      lastDay: "2027-01-22",
      timeZone: "Europe/Paris",
    },
    {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      email: `dominique${n}@example.org`,
      firstName: "Dominique",
      code,
      status: "registered",
      waitlistPosition: null,
      registeredAt: "2027-01-10T07:59:00.000Z",
      confirmedAt: "2027-01-10T07:59:00.000Z",
      cancelledAt: null,
    },
    { url: "https://tribune.example/public/mon-inscription?jeton=abc" },
  );

/** A clock the test moves by hand: no test waits for real time to pass. */
function testClock(start = new Date("2027-01-10T08:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const queue = (db: Database, m: MailMessage) => db.transaction((tx) => enqueueMessage(tx, m));
const queueContent = (db: Database, c: MailContent) => db.transaction((tx) => enqueueMail(tx, c));

describe.each(testBackends())("outbox worker on %s", (backend: Backend) => {
  let opened: OpenDatabase & { url: string | null };
  let db: Database;
  beforeAll(async () => {
    opened = await openTestDatabase(backend);
    db = opened.db;
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    await db.delete(schema.outbox);
  });

  const workerFor = (target: MailTarget, clock = testClock(), database = db) =>
    createOutboxWorker({
      db: database,
      transport: createMailTransport(target),
      clock,
      policy: POLICY,
      log: () => {},
    });

  it("a queued message arrives once, with its inline image, and is marked sent", async () => {
    const smtp = await startTestSmtpServer();
    try {
      await queue(db, message("registration-confirmed:1"));
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM });
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail?.subject).toBe("Votre inscription au 27e congrès");
      expect(mail?.to).toMatchObject({ text: "camille@example.org" });
      expect(mail?.text).toContain("K7QM-3XPA");
      expect(mail?.attachments.map((a) => [a.filename, a.contentType, a.cid])).toEqual([
        ["code.png", "image/png", "qr"],
      ]);
      expect((await findMessageByKey(db, "registration-confirmed:1"))?.status).toBe("sent");
    } finally {
      await smtp.close();
    }
  });

  it("a server that refuses (451) then accepts gets the message exactly once", async () => {
    const smtp = await startTestSmtpServer({
      refuse: (n) => (n <= 2 ? { code: 451, message: "Try again later" } : null),
    });
    try {
      await queue(db, message("retried"));
      const clock = testClock();
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      expect(await findMessageByKey(db, "retried")).toMatchObject({
        status: "pending",
        attempts: 1,
      });
      // Not due before its back-off: 1 min after the first failure, 2 min after the second.
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      clock.advance(60_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      clock.advance(60_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      clock.advance(60_000);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      clock.advance(3_600_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.deliveries()).toBe(3);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("gives up after the last attempt, and at once on a permanent refusal (550)", async () => {
    const smtp = await startTestSmtpServer({
      refuse: (n) =>
        n <= POLICY.maxAttempts
          ? { code: 421, message: "Service not available" }
          : { code: 550, message: "No such user" },
    });
    try {
      await queue(db, message("always-refused"));
      const clock = testClock();
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      for (let i = 0; i < POLICY.maxAttempts; i++) {
        expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
        clock.advance(POLICY.maxRetryMs);
      }
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(await findMessageByKey(db, "always-refused")).toMatchObject({
        status: "dead",
        attempts: POLICY.maxAttempts,
      });

      await queue(db, message("no-such-user"));
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      const dead = await findMessageByKey(db, "no-such-user");
      expect(dead).toMatchObject({ status: "dead", attempts: 1 });
      expect(dead?.lastError).toContain("No such user");
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it("a worker that stops after its claim loses nothing: another sends it once the lease expires", async () => {
    const smtp = await startTestSmtpServer();
    try {
      await queue(db, message("orphaned"));
      const clock = testClock();
      // The first worker claims, then dies before sending.
      const [claimed] = await claimDueMessages(db, {
        now: clock.now(),
        limit: 10,
        leaseMs: POLICY.leaseMs,
        maxAttempts: POLICY.maxAttempts,
      });
      expect(claimed?.key).toBe("orphaned");
      const next = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      expect(await next.runOnce()).toEqual({ sent: 0, failed: 0 });
      clock.advance(POLICY.leaseMs);
      expect(await next.runOnce()).toEqual({ sent: 1, failed: 0 });
      clock.advance(POLICY.leaseMs);
      expect(await next.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received.map((m) => m.subject)).toEqual(["Votre inscription au 27e congrès"]);
    } finally {
      await smtp.close();
    }
  });

  it("two workers on their own connections never send a message twice", async () => {
    const smtp = await startTestSmtpServer();
    // On PostgreSQL, a second pool as a second server instance would have; PGlite has one.
    const other = opened.url ? await openDatabase({ url: opened.url }) : null;
    try {
      for (let i = 0; i < 40; i++) await queue(db, message(`bulk-${i}`, `p${i}@example.org`));
      const clock = testClock();
      const a = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      const b = workerFor({ smtpUrl: smtp.url, from: FROM }, clock, other?.db ?? db);
      let sent = 0;
      for (let round = 0; round < 5; round++) {
        const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
        sent += (x?.sent ?? 0) + (y?.sent ?? 0);
      }
      expect(sent).toBe(40);
      const recipients = smtp.received.map((m) => (m.to as { text: string }).text).sort();
      expect(recipients).toHaveLength(40);
      expect(new Set(recipients).size).toBe(40);
    } finally {
      await other?.close();
      await smtp.close();
    }
  });

  it("a message queued unrendered is rendered after the commit, delivered, and kept as sent", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const queued = content(1);
      await queueContent(db, queued);
      expect(await findMessageByKey(db, queued.key)).toMatchObject({
        status: "pending",
        subject: queued.subject,
        text: null,
        html: null,
      });
      // A first worker claims it and stops before rendering it: nothing is lost.
      const clock = testClock();
      await claimDueMessages(db, {
        now: clock.now(),
        limit: 10,
        leaseMs: POLICY.leaseMs,
        maxAttempts: POLICY.maxAttempts,
      });
      clock.advance(POLICY.leaseMs);
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });

      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail?.subject).toBe(queued.subject);
      expect(mail?.to).toMatchObject({ text: "dominique1@example.org" });
      expect(mail?.text).toContain("K7QM-3XPA");
      expect(mail?.text).toContain("https://tribune.example/public/mon-inscription?jeton=abc");
      expect(mail?.attachments.map((a) => [a.filename, a.cid])).toEqual([
        ["code-inscription.png", "code-qr@tribune"],
        ["congres.ics", undefined],
      ]);
      // The rendering replaced the content: what was sent can be read back.
      const stored = await findMessageByKey(db, queued.key);
      expect(stored).toMatchObject({ status: "sent", attempts: 2, content: null });
      expect(stored?.text).toContain("K7QM-3XPA");
      expect(stored?.html).toContain("K7QM-3XPA");
      expect(stored?.attachments.map((a) => a.filename)).toEqual([
        "code-inscription.png",
        "congres.ics",
      ]);
    } finally {
      await smtp.close();
    }
  });

  it("a message that cannot be rendered is given up with the reason; the others leave", async () => {
    const smtp = await startTestSmtpServer();
    const lines: string[] = [];
    try {
      await queueContent(db, content(1));
      // A template that throws: no QR code holds a code this long.
      const unrenderable = content(2, "K".repeat(4000));
      await queueContent(db, unrenderable);
      // Content this version cannot read (written by another, or damaged): no paragraphs.
      const { paragraphs: _, ...unreadable } = content(3);
      await db.insert(schema.outbox).values({
        key: unreadable.key,
        kind: unreadable.kind,
        recipient: unreadable.to,
        subject: unreadable.subject,
        content: unreadable,
      });
      await queue(db, message("registration-confirmed:rendered-before"));
      const worker = createOutboxWorker({
        db,
        transport: createMailTransport({ smtpUrl: smtp.url, from: FROM }),
        clock: testClock(),
        policy: POLICY,
        log: (line) => lines.push(line),
      });
      expect(await worker.runOnce()).toEqual({ sent: 2, failed: 2 });
      expect(smtp.received.map((m) => (m.to as { text: string }).text).sort()).toEqual([
        "camille@example.org",
        "dominique1@example.org",
      ]);

      const tooLong = await findMessageByKey(db, unrenderable.key);
      expect(tooLong).toMatchObject({ status: "dead", attempts: 1, text: null });
      expect(tooLong?.lastError).toMatch(/^Rendu impossible : .*too big to be stored in a QR Code/);
      // The content stays: « Renvoyer » renders it again (after a fix).
      expect(tooLong?.content).toEqual(unrenderable);
      const damaged = await findMessageByKey(db, unreadable.key);
      expect(damaged).toMatchObject({ status: "dead", attempts: 1 });
      expect(damaged?.lastError).toMatch(/^Rendu impossible : contenu illisible \(.*paragraphs/);
      expect(lines.filter((l) => l.startsWith("Courriel abandonné"))).toHaveLength(2);

      // Dead, they are not tried again by themselves.
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await smtp.close();
    }
  });

  it("a message queued rendered, as every one was before 0016, is sent as it was stored", async () => {
    const smtp = await startTestSmtpServer();
    try {
      await queue(db, message("registration-confirmed:rendered-before"));
      await queueContent(db, content(1));
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM });
      expect(await worker.runOnce()).toEqual({ sent: 2, failed: 0 });
      const old = smtp.received.find((m) => m.subject === "Votre inscription au 27e congrès");
      expect(old?.text?.trim()).toBe("Bonjour Camille, votre code : K7QM-3XPA");
      expect(old?.attachments.map((a) => [a.filename, a.cid])).toEqual([["code.png", "qr"]]);
      expect(await findMessageByKey(db, "registration-confirmed:rendered-before")).toMatchObject({
        status: "sent",
        content: null,
        text: "Bonjour Camille, votre code : K7QM-3XPA",
        attachments: [
          { filename: "code.png", contentType: "image/png", contentBase64: "iVBORw==", cid: "qr" },
        ],
      });
    } finally {
      await smtp.close();
    }
  });

  it("an unrendered message refused for good is sent again by hand, as it was rendered", async () => {
    const smtp = await startTestSmtpServer({
      refuse: (n) => (n === 1 ? { code: 550, message: "Mailbox unavailable" } : null),
    });
    try {
      const queued = content(1);
      await queueContent(db, queued);
      const clock = testClock();
      const worker = workerFor({ smtpUrl: smtp.url, from: FROM }, clock);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      const dead = await findMessageByKey(db, queued.key);
      expect(dead).toMatchObject({ status: "dead", content: null });
      expect(dead?.text).toContain("K7QM-3XPA");

      expect(await requeueDeadMessage(db, dead?.id as string, clock.now())).toBe(true);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.text).toBe(dead?.text);
      expect(await findMessageByKey(db, queued.key)).toMatchObject({ status: "sent" });
    } finally {
      await smtp.close();
    }
  });

  it("without SMTP, each message is written as an .eml file a mail reader opens", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tribune-outbox-"));
    try {
      await queue(db, message("registration-confirmed:42"));
      const worker = workerFor({ directory, from: FROM });
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(await readdir(directory)).toEqual(["registration-confirmed_42.eml"]);
      const parsed = await simpleParser(
        await readFile(join(directory, "registration-confirmed_42.eml")),
      );
      expect(parsed.subject).toBe("Votre inscription au 27e congrès");
      expect(parsed.from?.text).toContain("congres@isnar-img.example");
      expect(parsed.messageId).toMatch(/@isnar-img\.example>$/);
      expect(parsed.attachments[0]?.cid).toBe("qr");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

// PGlite on disk: two starts with initdb and fsync, slow on a loaded machine.
describe("outbox across a restart of the server", { timeout: 240_000 }, () => {
  it("a message claimed before the restart is sent once after it", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tribune-restart-"));
    const smtp = await startTestSmtpServer();
    try {
      const clock = testClock();
      const before = await openDatabase({ dataDir: join(directory, "data") });
      await queue(before.db, message("across-restart"));
      await claimDueMessages(before.db, {
        now: clock.now(),
        limit: 10,
        leaseMs: POLICY.leaseMs,
        maxAttempts: POLICY.maxAttempts,
      });
      await before.close();

      const after = await openDatabase({ dataDir: join(directory, "data") });
      try {
        clock.advance(POLICY.leaseMs);
        const worker = createOutboxWorker({
          db: after.db,
          transport: createMailTransport({ smtpUrl: smtp.url, from: FROM }),
          clock,
          policy: POLICY,
          log: () => {},
        });
        expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
        expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
        expect(smtp.received).toHaveLength(1);
      } finally {
        await after.close();
      }
    } finally {
      await smtp.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
