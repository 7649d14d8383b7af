import { listAudit } from "@tribune/db/repos/audit";
import { claimDueMessages, enqueueMessage, markFailed } from "@tribune/db/repos/outbox";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import type { MailMessage } from "@tribune/domain/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, testApi } from "../test-support";

const message = (key: string): MailMessage => ({
  key,
  kind: "registration_confirmed",
  to: "camille@exemple.fr",
  subject: "Votre inscription",
  text: "Le corps du message, que personne ne lit dans l'administration",
  html: "<p>Le corps du message</p>",
  attachments: [],
});

describe.each(testBackends())("mail router on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let api: ReturnType<typeof testApi>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    api = testApi(database.db);
  });
  afterAll(() => database.close());

  it("administrators list messages by status, without their bodies", async () => {
    await database.db.transaction((tx) => enqueueMessage(tx, message("listed")));
    const admin = await api.callerAs("admin");
    const page = await admin.mail.list({ status: "pending" });
    expect(page.counts.pending).toBeGreaterThanOrEqual(1);
    const listed = page.items.find((m) => m.key === "listed");
    expect(listed).toMatchObject({ recipient: "camille@exemple.fr", status: "pending" });
    expect(JSON.stringify(page)).not.toContain("Le corps du message");
    expect((await admin.mail.list({ status: "dead" })).items).toEqual([]);

    const organiser = await api.callerAs("organiser");
    expect((await rejection(organiser.mail.list({}))).data.code).toBe("FORBIDDEN");
  });

  it("sends a dead message again, audited without its body; refuses one that is not dead", async () => {
    await database.db.transaction((tx) => enqueueMessage(tx, message("dead-one")));
    const admin = await api.callerAs("admin");
    const { items } = await admin.mail.list({ status: "pending" });
    const id = items.find((m) => m.key === "dead-one")?.id as string;
    const refused = await rejection(admin.mail.resend({ id }));
    expect(refused.message).toMatch(/^Seul un courriel abandonné peut être renvoyé/);

    // The worker gives it up, as after a permanent refusal.
    const claimed = await claimDueMessages(database.db, {
      now: new Date(),
      limit: 100,
      leaseMs: 60_000,
      maxAttempts: 8,
    });
    const mine = claimed.find((m) => m.id === id);
    if (!mine) throw new Error("not claimed");
    await markFailed(database.db, mine, { error: "550 No such user", retryAt: null }, new Date());
    await admin.mail.resend({ id });
    const after = (await admin.mail.list({})).items.find((m) => m.id === id);
    expect(after).toMatchObject({ status: "pending", attempts: 0 });
    const [entry] = (await listAudit(database.db, { entity: "mail", limit: 10 })).filter(
      (e) => e.entityId === id,
    );
    expect(entry?.after).toMatchObject({ status: "pending", recipient: "camille@exemple.fr" });
    expect(JSON.stringify(entry)).not.toContain("Le corps du message");
  });
});
