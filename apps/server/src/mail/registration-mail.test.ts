import { createCaller } from "@tribune/api";
import { startTestSmtpServer } from "@tribune/cli-kit/smtp-testing";
import type { OpenDatabase } from "@tribune/db";
import { seedSubdivisions } from "@tribune/db/seed";
import { type Backend, newTestEdition, openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "./transport";
import { createOutboxWorker } from "./worker";

const FROM = "ISNAR-IMG <congres@isnar-img.example>";

/** The public form's caller, as the server builds it for a request without a session. */
const publicCaller = (db: OpenDatabase["db"]) =>
  createCaller({
    db,
    actor: null,
    clientIp: "127.0.0.1",
    cookies: { token: null, issue: () => {}, clear: () => {} },
    publicUrl: "https://tribune.example",
  });

describe.each(testBackends())("registering, then the message, on %s", (backend: Backend) => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  let editionId: string;
  beforeAll(async () => {
    opened = await openTestDatabase(backend);
    await seedSubdivisions(opened.db);
    editionId = await newTestEdition(opened.db);
  });
  afterAll(() => opened.close());

  it("a public registration's confirmation arrives at the SMTP server with the code and its QR image", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const answer = await publicCaller(opened.db).registration.register({
        editionId,
        firstName: "Camille",
        lastName: "Durand",
        email: "camille.durand@exemple.fr",
        subdivisionId: referenceSubdivision("dijon").id,
      });
      expect(answer).toEqual({
        editionId,
        firstName: "Camille",
        email: "camille.durand@exemple.fr",
      });

      const worker = createOutboxWorker({
        db: opened.db,
        transport: createMailTransport({ smtpUrl: smtp.url, from: FROM }),
        log: () => {},
      });
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      const [mail] = smtp.received;
      expect(mail?.to).toMatchObject({ text: "camille.durand@exemple.fr" });
      const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(mail?.text ?? "")?.[1];
      expect(code).toBeDefined();
      expect(mail?.html).toContain(code);
      const qr = mail?.attachments.find((a) => a.contentType === "image/png");
      expect(qr?.cid).toBe("code-qr@tribune");
      expect(qr?.content.subarray(1, 4).toString()).toBe("PNG");
      // mailparser swaps the body's cid: reference for the inline image it found.
      expect(mail?.html).toContain(`src="data:image/png;base64,${qr?.content.toString("base64")}"`);
      expect(mail?.attachments.map((a) => a.contentType)).toContain("text/calendar");
      expect(mail?.text).toMatch(/https:\/\/tribune\.example\/public\/mon-inscription\?jeton=/);
    } finally {
      await smtp.close();
    }
  });
});
