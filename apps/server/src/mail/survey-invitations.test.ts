import { createHash } from "node:crypto";
import {
  createCaller,
  type InvitationMailer,
  type ServiceContext,
  startInvitations,
  stopInvitationJobs,
  systemContext,
} from "@tribune/api";
import { type ParsedMail, startTestSmtpServer } from "@tribune/cli-kit/smtp-testing";
import type { OpenDatabase } from "@tribune/db";
import { insertSurvey, setSurveyStatus } from "@tribune/db/repos/surveys";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { SurveyInput } from "@tribune/domain/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitationMailer } from "./invitation-mailer";

const FROM = "ISNAR-IMG <enquetes@isnar-img.example>";
const PUBLIC_URL = "https://tribune.example";
/** As fast as the rules allow: batches of 50, 50 ms apart. */
const FAST = 60_000;
const TOKEN_LINK =
  /https:\/\/tribune\.example\/public\/enquete\/([a-z0-9-]+)\?jeton=([0-9a-f]{32})/;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const addresses = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${label}-${i}@exemple.fr`);
const tokenOf = (mail: ParsedMail | undefined) => TOKEN_LINK.exec(mail?.text ?? "")?.[2] ?? "";
const recipientOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";

/**
 * Survey invitations against a real SMTP server in process: each address receives its own
 * one-time link, refusals count as bounced, a campaign resumes from its list, only one runs at
 * a time — and afterwards nothing in the database pairs an address with a token.
 */
describe.each(testBackends())("survey invitations on %s", (backend: Backend) => {
  let opened: OpenDatabase & { url: string | null };
  let surveyCount = 0;
  beforeAll(async () => {
    opened = await openTestDatabase(backend);
  });
  afterAll(() => opened.close());

  const rows = async <T>(query: string) =>
    ((await opened.db.execute(query)) as unknown as { rows: T[] }).rows;
  /** A text as an SQL literal (the values here are ids, hex tokens and plain addresses). */
  const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const textArray = (values: string[]) => `array[${values.map(literal).join(",")}]::text[]`;

  async function openSurvey() {
    surveyCount += 1;
    const survey = await insertSurvey(
      opened.db,
      SurveyInput.parse({
        slug: `internes-${surveyCount}`,
        title: "Conditions de travail des internes",
        year: 2026,
        partners: [],
        audience: "Internes",
        opensOn: null,
        closesOn: null,
        disclosureThreshold: 5,
        questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 1000 }],
      }),
    );
    await setSurveyStatus(opened.db, survey.id, "open");
    return survey;
  }

  const contextWith = (mailer: InvitationMailer | undefined): ServiceContext => ({
    ...systemContext(opened.db, opened.events),
    publicUrl: PUBLIC_URL,
    ...(mailer ? { invitationMailer: mailer } : {}),
  });

  const publicCaller = () =>
    createCaller({
      db: opened.db,
      actor: null,
      clientIp: "127.0.0.1",
      cookies: { token: null, issue: () => {}, clear: () => {} },
    });

  it("sends each address its own one-time link, which answers the survey once", async () => {
    const smtp = await startTestSmtpServer();
    const mailer = createInvitationMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const survey = await openSurvey();
      const list = addresses("interne", 60);
      // Case, spaces and a repeat: the same mailbox, invited once.
      const text = [...list, " INTERNE-0@Exemple.fr ", "interne-1@exemple.fr"].join("\n");
      const started = await startInvitations(contextWith(mailer), {
        id: survey.id,
        rate: FAST,
        source: { kind: "list", text },
      });
      expect(started.campaign).toMatchObject({ status: "running", total: 60, skipped: 0 });
      const ended = await started.done;
      expect(ended).toMatchObject({
        status: "finished",
        total: 60,
        sent: 60,
        bounced: 0,
        failed: 0,
      });

      expect(smtp.received.map(recipientOf).sort()).toEqual([...list].sort());
      const tokens = smtp.received.map(tokenOf);
      expect(new Set(tokens).size).toBe(60);
      const [first] = smtp.received;
      expect(first?.subject).toBe(
        "ISNAR-IMG : votre avis sur « Conditions de travail des internes »",
      );
      expect(first?.from?.value[0]?.address).toBe("enquetes@isnar-img.example");
      // The plain-text part names the union and the survey, and carries the link.
      expect(first?.text).toContain("Le Bureau National de l'ISNAR-IMG vous invite");
      expect(first?.text).toContain(
        `Répondre à l'enquête : ${PUBLIC_URL}/public/enquete/${survey.slug}?jeton=`,
      );
      expect(first?.html).toContain(`/public/enquete/${survey.slug}?jeton=${tokenOf(first)}`);

      // The link of the message is the one-time token of the public form: once, not twice.
      const token = tokenOf(first);
      await expect(
        publicCaller().survey.respond({ slug: survey.slug, answers: { rang: 1 }, token }),
      ).resolves.toEqual({ ok: true });
      await expect(
        publicCaller().survey.respond({ slug: survey.slug, answers: { rang: 2 }, token }),
      ).rejects.toThrow("Ce lien de réponse n'est pas valable ou a déjà servi.");

      // Audited with counts: started and finished, never an address.
      const audit = await rows<{ action: string; after: { invitationCampaign: object } }>(`
        select action, after from audit_log where entity_id = '${survey.id}' order by seq`);
      expect(audit.map((a) => a.after.invitationCampaign)).toEqual([
        expect.objectContaining({ status: "running", total: 60, sent: 0 }),
        expect.objectContaining({ status: "finished", total: 60, sent: 60, bounced: 0 }),
      ]);
      // Not through the outbox: no row would keep the address beside its link.
      const [outbox] = await rows<{ n: number }>(`select count(*)::int as n from outbox`);
      expect(outbox?.n).toBe(0);
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });

  it("counts a refusal as bounced, retries a temporary one, and sending the list again skips those invited", async () => {
    // The 5th delivery is refused for good (no such mailbox); the 8th for now (tried again).
    const smtp = await startTestSmtpServer({
      refuse: (n) =>
        n === 5
          ? { code: 550, message: "550 5.1.1 Boîte inconnue" }
          : n === 8
            ? { code: 451, message: "451 4.3.0 Réessayez" }
            : null,
    });
    const mailer = createInvitationMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const survey = await openSurvey();
      const list = addresses("rebond", 12);
      const ctx = contextWith(mailer);
      // One at a time (10 a minute is one per batch), paced at once by the test.
      const waits: number[] = [];
      const options = {
        retryMs: 0,
        pace: async (ms: number) => {
          if (ms > 0) waits.push(ms);
        },
      };
      const first = await startInvitations(
        ctx,
        { id: survey.id, rate: 10, source: { kind: "list", text: list.join("\n") } },
        options,
      );
      expect(await first.done).toMatchObject({
        status: "finished",
        total: 12,
        sent: 11,
        bounced: 1,
        failed: 0,
      });
      // 12 batches of one, 6 s apart at 10 a minute (less the time each took).
      expect(waits).toHaveLength(11);
      for (const w of waits) expect(w).toBeGreaterThan(5000);
      expect(smtp.deliveries()).toBe(13);
      const bounced = list.find((a) => !smtp.received.some((m) => recipientOf(m) === a));
      expect(bounced).toBeDefined();

      // The same list again: the eleven invited are skipped, the bounced address is tried again.
      const again = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        options,
      );
      expect(again.campaign).toMatchObject({ total: 1, skipped: 11 });
      expect(await again.done).toMatchObject({ status: "finished", sent: 1, bounced: 0 });
      expect(recipientOf(smtp.received.at(-1) as ParsedMail)).toBe(bounced);
      // Everybody invited: a third time sends nothing.
      await expect(
        startInvitations(ctx, {
          id: survey.id,
          rate: FAST,
          source: { kind: "list", text: list.join("\n") },
        }),
      ).rejects.toThrow("Toutes ces adresses ont déjà reçu une invitation à cette enquête");
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });

  it("stopped mid-way (a shutdown), ends interrupted with its counts and resumes from the same list", async () => {
    const smtp = await startTestSmtpServer();
    const mailer = createInvitationMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const survey = await openSurvey();
      const list = addresses("reprise", 120);
      const ctx = contextWith(mailer);
      let batches = 0;
      const started = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        {
          pace: async () => {},
          onProgress: () => {
            batches += 1;
            if (batches === 1) void stopInvitationJobs();
          },
        },
      );
      const stopped = await started.done;
      expect(stopped).toMatchObject({ status: "interrupted", total: 120, sent: 50 });
      // The 70 tokens never sent were deleted with the job's memory; 50 remain.
      const [tokens] = await rows<{ n: number }>(`
        select count(*)::int as n from survey_tokens where survey_id = '${survey.id}'`);
      expect(tokens?.n).toBe(50);

      const resumed = await startInvitations(ctx, {
        id: survey.id,
        rate: FAST,
        source: { kind: "list", text: list.join("\n") },
      });
      expect(resumed.campaign).toMatchObject({ total: 70, skipped: 50 });
      expect(await resumed.done).toMatchObject({ status: "finished", sent: 70 });
      expect(smtp.received.map(recipientOf).sort()).toEqual([...list].sort());
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });

  it("a campaign whose server died reads interrupted; one campaign runs at a time, whatever the instance", async () => {
    const smtp = await startTestSmtpServer();
    const mailer = createInvitationMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const survey = await openSurvey();
      const list = addresses("instance", 100);
      const ctx = contextWith(mailer);
      // The first job stalls after its first batch, as a frozen server would.
      const logged: string[] = [];
      let recordedFirst: () => void = () => {};
      const firstBatch = new Promise<void>((resolve) => {
        recordedFirst = resolve;
      });
      let release: () => void = () => {};
      const stalled = new Promise<void>((resolve) => {
        release = resolve;
      });
      const first = await startInvitations(
        ctx,
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        {
          pace: () => stalled,
          log: (line) => logged.push(line),
          onProgress: () => recordedFirst(),
        },
      );
      await firstBatch;
      expect(smtp.received).toHaveLength(50);
      // Two instances start the same survey at once: both refused while the claim holds.
      const twice = await Promise.allSettled([
        startInvitations(ctx, {
          id: survey.id,
          rate: FAST,
          source: { kind: "list", text: list.join("\n") },
        }),
        startInvitations(ctx, {
          id: survey.id,
          rate: FAST,
          source: { kind: "list", text: list.join("\n") },
        }),
      ]);
      for (const outcome of twice) {
        expect(outcome.status).toBe("rejected");
        expect(String((outcome as PromiseRejectedResult).reason)).toContain(
          "Un envoi d'invitations est déjà en cours pour cette enquête",
        );
      }
      // Its claim runs out (the server died): the next start settles it interrupted and takes over.
      await opened.db.execute(`
        update survey_invitation_campaigns set lease_until = now() - interval '1 minute'
        where id = '${first.campaign.id}'`);
      const racing = await Promise.allSettled([
        startInvitations(ctx, {
          id: survey.id,
          rate: FAST,
          source: { kind: "list", text: list.join("\n") },
        }),
        startInvitations(ctx, {
          id: survey.id,
          rate: FAST,
          source: { kind: "list", text: list.join("\n") },
        }),
      ]);
      const won = racing.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      const lost = racing.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(String(lost.reason)).toContain(
        "Un envoi d'invitations est déjà en cours pour cette enquête",
      );
      const takeover = (
        won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof startInvitations>>>
      ).value;
      expect(takeover.campaign).toMatchObject({ total: 50, skipped: 50 });
      expect(await takeover.done).toMatchObject({ status: "finished", sent: 50 });
      // The stalled job wakes up to a lost claim: it stops, sending nothing more.
      release();
      expect(await first.done).toMatchObject({ status: "interrupted", sent: 50 });
      expect(logged).toEqual(["Envoi d'invitations interrompu :"]);
      const statuses = await rows<{ status: string }>(`
        select status from survey_invitation_campaigns where survey_id = '${survey.id}' order by started_at`);
      expect(statuses.map((s) => s.status)).toEqual(["interrupted", "finished"]);
      expect(smtp.received.map(recipientOf).sort()).toEqual([...list].sort());
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });

  it("refuses to start without an SMTP server: .eml files would keep the pairing", async () => {
    const survey = await openSurvey();
    expect(createInvitationMailer({ directory: "/tmp/nowhere", from: FROM })).toBeUndefined();
    await expect(
      startInvitations(contextWith(undefined), {
        id: survey.id,
        rate: FAST,
        source: { kind: "list", text: "a@exemple.fr" },
      }),
    ).rejects.toThrow("Les invitations partent seulement par un serveur SMTP");
  });

  /**
   * The anonymity claim. Anyone with the database (or a backup) after a campaign — with answers
   * given through the links — must find no way to tell which address received which token:
   * no plaintext token anywhere, no address anywhere, no token hash outside `survey_tokens`,
   * no address hash outside `survey_invited_addresses`, no transaction id shared between the
   * two, and no order in which the tokens were written that follows the order they were sent.
   */
  it("leaves nothing in the database that pairs an address with its token", async () => {
    const smtp = await startTestSmtpServer({
      refuse: (n) => (n === 7 ? { code: 550, message: "550 Boîte inconnue" } : null),
    });
    const mailer = createInvitationMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const survey = await openSurvey();
      const list = addresses("anonyme", 150);
      const { done } = await startInvitations(
        contextWith(mailer),
        { id: survey.id, rate: FAST, source: { kind: "list", text: list.join("\n") } },
        { pace: async () => {} },
      );
      expect(await done).toMatchObject({ sent: 149, bounced: 1 });
      // Ten answer through their link.
      for (const [i, mail] of smtp.received.slice(0, 10).entries())
        await publicCaller().survey.respond({
          slug: survey.slug,
          answers: { rang: i },
          token: tokenOf(mail),
        });

      const sentOrder = smtp.received.map((m) => ({ to: recipientOf(m), token: tokenOf(m) }));
      const tokens = sentOrder.map((s) => s.token);
      const tokenHashes = tokens.map(sha256);
      const [{ salt } = { salt: "" }] = await rows<{ salt: string }>(`
        select salt from survey_invitation_salts where survey_id = '${survey.id}'`);
      const addressHashes = list.map((a) => sha256(`${salt}:${a}`));

      // Every column of every table that holds text, read as text.
      const columns = await rows<{ table_name: string; column_name: string }>(`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')`);
      const found = async (needles: string[]) => {
        const places: string[] = [];
        for (const { table_name, column_name } of columns) {
          const [hit] = await rows<{ n: number }>(`
            select count(*)::int as n from "${table_name}" t
            where exists (select 1 from unnest(${textArray(needles)}) v
                          where position(v in t."${column_name}"::text) > 0)`);
          if ((hit?.n ?? 0) > 0) places.push(`${table_name}.${column_name}`);
        }
        return places;
      };
      // 1. No plaintext token, no address, anywhere (audit log, outbox, campaigns included).
      expect(await found(tokens)).toEqual([]);
      expect(await found(list)).toEqual([]);
      // 2. Token hashes only in survey_tokens; address hashes only beside the survey's id.
      expect(await found(tokenHashes)).toEqual(["survey_tokens.token_hash"]);
      expect(await found(addressHashes)).toEqual(["survey_invited_addresses.address_hash"]);
      // The bounced address left no trace at all: 149 hashes for 149 sent.
      const [invited] = await rows<{ n: number }>(`
        select count(*)::int as n from survey_invited_addresses where survey_id = '${survey.id}'`);
      expect(invited?.n).toBe(149);
      // 3. The invited addresses' table has no column but the survey and the hash.
      const invitedColumns = await rows<{ column_name: string }>(`
        select column_name from information_schema.columns
        where table_name = 'survey_invited_addresses' order by column_name`);
      expect(invitedColumns.map((c) => c.column_name)).toEqual(["address_hash", "survey_id"]);
      // 4. Transaction ids: no token row shares one with an invited-address row.
      const [sharedXid] = await rows<{ n: number }>(`
        select count(*)::int as n from survey_tokens t join survey_invited_addresses a
          on a.xmin::text in (t.xmin::text, t.xmax::text) or a.xmax::text = t.xmin::text
        where t.survey_id = '${survey.id}' and a.survey_id = '${survey.id}'`);
      expect(sharedXid?.n).toBe(0);
      // All the campaign's tokens were written by one transaction, before any message left.
      const [xids] = await rows<{ n: number }>(`
        select count(distinct xmin::text)::int as n from survey_tokens
        where survey_id = '${survey.id}' and used_on is null`);
      expect(xids?.n).toBe(1);
      // 5. Physical order: "the i-th token row went to the i-th address sent" holds by chance only.
      const byCtid = await rows<{ token_hash: string }>(`
        select token_hash from survey_tokens where survey_id = '${survey.id}' order by ctid`);
      const position = new Map(byCtid.map((r, i) => [r.token_hash, i]));
      const ranks = tokenHashes.map((h) => position.get(h) ?? -1);
      const hits = ranks.filter((rank, i) => rank === i).length;
      expect(hits).toBeLessThan(10);
      // Nor roughly: the rank correlation between send order and storage order is near zero.
      const n = ranks.length;
      const mean = (n - 1) / 2;
      const cov = ranks.reduce((s, r, i) => s + (r - mean) * (i - mean), 0);
      const variance = ranks.reduce((s, _, i) => s + (i - mean) ** 2, 0);
      expect(Math.abs(cov / variance)).toBeLessThan(0.3);
      // 6. Time: tokens and invited addresses carry no time finer than the day.
      const timed = await rows<{ column_name: string }>(`
        select table_name || '.' || column_name as column_name from information_schema.columns
        where table_name in ('survey_tokens', 'survey_invited_addresses', 'survey_invitation_salts')
          and (data_type like '%time%' or data_type = 'interval')`);
      expect(timed).toEqual([]);
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });
});
