/**
 * PostgreSQL terminating every connection of the database, twice, while the server sends a
 * survey's invitations (a restart, a failover): the server lives on, the campaign goes on to
 * its end, and every address of the list receives exactly one invitation, counted once.
 */

import { type ParsedMail, startTestSmtpServer } from "@tribune/cli-kit/smtp-testing";
import {
  DEMO_PASSWORD,
  type FreshDatabase,
  freshDatabase,
  type RunningTribune,
  startTribune,
} from "@tribune/cli-kit/testing";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { insertSurvey, setSurveyStatus } from "@tribune/db/repos/surveys";
import { SurveyInput } from "@tribune/domain/surveys";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logIn, trpcPost } from "./testing";

const recipientOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";

describe.runIf(process.env.TEST_DATABASE_URL)(
  "a server sending invitations whose PostgreSQL connections are terminated",
  () => {
    let fresh: FreshDatabase;
    let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
    let server: RunningTribune;
    /** The test's own connections, named so as to spare them. */
    let ours: OpenDatabase;

    beforeAll(async () => {
      fresh = await freshDatabase(process.env.TEST_DATABASE_URL);
      smtp = await startTestSmtpServer();
      server = await startTribune({
        env: {
          ...fresh.env,
          TRIBUNE_RATE_LIMITS: "off",
          TRIBUNE_SMTP_URL: smtp.url,
          TRIBUNE_MAIL_FROM: "enquetes@isnar-img.example",
        },
      });
      const url = new URL(fresh.env.DATABASE_URL ?? "");
      url.searchParams.set("application_name", "invitations-outage-test");
      ours = await openDatabase({ url: url.toString() });
    });
    afterAll(async () => {
      await ours?.close();
      await server?.stop();
      await smtp?.close();
      await fresh?.drop();
    });

    const terminateAll = () =>
      ours.pool?.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name <> 'invitations-outage-test'",
      );
    const alive = () => server.child.exitCode === null && server.child.signalCode === null;

    it("lives on and invites everybody once", async () => {
      const survey = await insertSurvey(
        ours.db,
        SurveyInput.parse({
          slug: "internes-panne",
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
      await setSurveyStatus(ours.db, survey.id, "open");
      const list = Array.from({ length: 300 }, (_, i) => `panne-${i}@exemple.fr`);
      const cookie = await logIn(server.url, "bureau@tribune.demo", DEMO_PASSWORD);
      // 3,000 a minute: batches of 50, a second apart — six seconds of sending.
      const res = await trpcPost(
        server.url,
        "survey.invitations.start",
        { id: survey.id, rate: 3000, source: { kind: "list", text: list.join("\n") } },
        { Cookie: cookie },
      );
      expect(res.status).toBe(200);

      for (const after of [100, 200]) {
        await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(after), {
          timeout: 20_000,
          interval: 20,
        });
        await terminateAll();
        expect(alive()).toBe(true);
      }
      const campaign = async () => {
        const { rows } = (await ours.pool?.query(
          "select status, total, sent, bounced, failed from survey_invitation_campaigns where survey_id = $1",
          [survey.id],
        )) ?? { rows: [] };
        return rows;
      };
      await vi.waitFor(async () => expect((await campaign())[0]?.status).toBe("finished"), {
        timeout: 30_000,
        interval: 100,
      });
      expect(alive()).toBe(true);
      expect(await campaign()).toEqual([
        { status: "finished", total: 300, sent: 300, bounced: 0, failed: 0 },
      ]);
      const received = smtp.received.map(recipientOf);
      expect(received.filter((a, i) => received.indexOf(a) !== i)).toEqual([]);
      expect(received.sort()).toEqual([...list].sort());
    });
  },
);
