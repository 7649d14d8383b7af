/**
 * Invitations to the members of subdivisions reach the members whose membership is current
 * (up to date, or joined and awaiting the check) — never those whose membership lapsed — and
 * the bureau is told how many were left out, and why.
 */
import { listAudit } from "@tribune/db/repos/audit";
import { insertMembers } from "@tribune/db/repos/members";
import { seedSubdivisions } from "@tribune/db/seed";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import type { MembershipStatus } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../kit";
import { startInvitations } from "./start";
import { openTestSurvey, recordingMailer } from "./testing";

const LILLE = referenceSubdivision("lille").id;
const TOURS = referenceSubdivision("tours").id;
const DIJON = referenceSubdivision("dijon").id;

describe.each(testBackends())("invitations to members on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedSubdivisions(database.db);
    const member = (email: string, subdivisionId: string, membershipStatus: MembershipStatus) => ({
      subdivisionId,
      firstName: "Interne",
      lastName: email.split("@")[0] ?? "",
      email,
      yearOfTraining: 2,
      membershipStatus,
      membershipYear: 2026,
      synthetic: false,
    });
    await insertMembers(database.db, [
      member("a-jour.lille@exemple.fr", LILLE, "active"),
      member("en-attente.lille@exemple.fr", LILLE, "pending"),
      member("echue.lille@exemple.fr", LILLE, "lapsed"),
      member("a-jour.tours@exemple.fr", TOURS, "active"),
      member("echue.tours@exemple.fr", TOURS, "lapsed"),
      member("echue.dijon@exemple.fr", DIJON, "lapsed"),
    ]);
  }, 120_000);
  afterAll(() => database.close());

  it("invites the current members only, and says how many were left out and why", async () => {
    const survey = await openTestSurvey(database.db);
    const { mailer, received } = recordingMailer();
    const ctx = { ...systemContext(database.db, database.events), invitationMailer: mailer };
    const started = await startInvitations(
      ctx,
      {
        id: survey.id,
        rate: 60_000,
        source: { kind: "subdivisions", subdivisionIds: [LILLE, TOURS] },
      },
      { pace: async () => {} },
    );
    expect(started.membersLeftOut).toEqual({ lapsed: 2 });
    expect(started.campaign).toMatchObject({ total: 3, skipped: 0 });
    expect(await started.done).toMatchObject({ status: "finished", sent: 3 });
    expect(received.sort()).toEqual([
      "a-jour.lille@exemple.fr",
      "a-jour.tours@exemple.fr",
      "en-attente.lille@exemple.fr",
    ]);
    // The journal keeps the count (no one named) with the campaign's start.
    const audit = await listAudit(database.db, { limit: 10 });
    const start = audit.find((e) => e.entityId === survey.id && e.action === "create");
    expect(start?.after).toMatchObject({
      invitationCampaign: { status: "running", total: 3, membersLeftOut: { lapsed: 2 } },
    });
    expect(JSON.stringify(start)).not.toContain("echue");
  });

  it("refuses, saying why, when no member of the subdivisions is current", async () => {
    const survey = await openTestSurvey(database.db);
    const { mailer, received } = recordingMailer();
    const ctx = { ...systemContext(database.db, database.events), invitationMailer: mailer };
    await expect(
      startInvitations(ctx, {
        id: survey.id,
        rate: 60_000,
        source: { kind: "subdivisions", subdivisionIds: [DIJON] },
      }),
    ).rejects.toThrow(
      "Aucun·e adhérent·e à inviter dans ces subdivisions. 1 adhérent·e non invité·e : adhésion échue (1).",
    );
    expect(received).toEqual([]);
  });

  it("sends a list to every address in it, whatever the membership", async () => {
    const survey = await openTestSurvey(database.db);
    const { mailer, received } = recordingMailer();
    const ctx = { ...systemContext(database.db, database.events), invitationMailer: mailer };
    const started = await startInvitations(
      ctx,
      { id: survey.id, rate: 60_000, source: { kind: "list", text: "echue.dijon@exemple.fr" } },
      { pace: async () => {} },
    );
    expect(started.membersLeftOut).toEqual({});
    await started.done;
    expect(received).toEqual(["echue.dijon@exemple.fr"]);
  });
});
