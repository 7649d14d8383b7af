import { accountServices, createAccount, SYSTEM, systemContext } from "@tribune/api";
import type { OpenDatabase } from "@tribune/db";
import { enqueueMessage, findMessageByKey, listMessages } from "@tribune/db/repos/outbox";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "./transport";
import { createOutboxWorker } from "./worker";

/** What a transport was handed, so that the test reads the message as it left. */
function recordingTransport() {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    transport: {
      description: "test",
      async send(message: OutgoingMessage) {
        sent.push(message);
      },
      close() {},
    },
  };
}

describe.each(testBackends())("secret links in the outbox on %s", (backend: Backend) => {
  let opened: OpenDatabase & { url: string | null };
  beforeAll(async () => {
    opened = await openTestDatabase(backend);
  });
  afterAll(() => opened.close());

  it("sends a reset link, then keeps no copy of its body; other messages keep theirs", async () => {
    const { db } = opened;
    const email = "camille.reset@tribune.test";
    await createAccount(
      db,
      { email, role: "organiser", password: "un mot de passe solide" },
      SYSTEM,
    );
    await accountServices.requestPasswordReset(
      { ...systemContext(db), publicUrl: "https://tribune.example" },
      { email },
      { clientIp: "203.0.113.7" },
    );
    // The link is prepared after the answer.
    await accountServices.settlePasswordResets();
    await db.transaction((tx) =>
      enqueueMessage(tx, {
        key: "registration-confirmed:control",
        kind: "registration_confirmed",
        to: "autre@tribune.test",
        subject: "Votre inscription",
        text: "Votre code : K7QM-3XPA",
        html: "<p>Votre code : K7QM-3XPA</p>",
        attachments: [],
      }),
    );
    const { sent, transport } = recordingTransport();
    const worker = createOutboxWorker({ db, transport, log: () => {} });
    expect(await worker.runOnce()).toEqual({ sent: 2, failed: 0 });

    const reset = sent.find((m) => m.kind === "password_reset");
    expect(reset?.text).toMatch(
      /https:\/\/tribune\.example\/connexion\/nouveau-mot-de-passe\?jeton=/,
    );
    const stored = await findMessageByKey(db, reset?.key ?? "");
    expect(stored).toMatchObject({ status: "sent", recipient: email, text: "", html: "" });
    expect(stored?.attachments).toEqual([]);
    // Nor of the content it was rendered from, which held the same link.
    expect(stored?.content).toBeNull();
    expect(JSON.stringify(stored)).not.toContain("jeton=");
    expect(stored?.subject).toBe(reset?.subject);
    expect(await findMessageByKey(db, "registration-confirmed:control")).toMatchObject({
      status: "sent",
      text: "Votre code : K7QM-3XPA",
    });
    const { items } = await listMessages(db, { limit: 10, offset: 0 });
    expect(items.map((m) => m.kind).sort()).toEqual(["password_reset", "registration_confirmed"]);
  });
});
