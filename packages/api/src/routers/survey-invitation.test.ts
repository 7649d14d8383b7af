import { insertMembers } from "@tribune/db/repos/members";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { insertSurvey } from "@tribune/db/repos/surveys";
import { testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import type { InvitationOverview, Survey } from "@tribune/domain/surveys";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../auth/session";
import { createCaller } from "../root";
import type { InvitationMailer, InvitationMessage } from "../services/surveys/invitations/port";
import { FakeCookieJar, freshAddress, rejection, useSeededApi } from "../test-support";

/**
 * `survey.invitations.*` as the admin calls it: for the bureau and the administration only; a
 * campaign to the members of subdivisions followed live to its pause. The mailer here is a
 * stand-in that holds each message until the test lets it go (the real SMTP path is tested in
 * apps/server/src/mail/survey-invitations.test.ts).
 */
describe.each(testBackends())("survey.invitations on %s", (backend) => {
  const api = useSeededApi(backend);
  let survey: Survey;
  let subdivisionIds: string[];
  const MEMBERS = 60;

  beforeAll(async () => {
    survey = await insertSurvey(api.db, {
      slug: "invitations-routeur",
      title: "Invitations",
      year: 2026,
      opensOn: null,
      closesOn: null,
      status: "open",
      anonymity: "anonymous",
      disclosureThreshold: 5,
      questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 10 }],
    });
    const subdivisions = await listSubdivisionOptions(api.db);
    subdivisionIds = subdivisions.slice(0, 2).map((s) => s.id);
    await insertMembers(
      api.db,
      Array.from({ length: MEMBERS }, (_, i) => ({
        subdivisionId: subdivisionIds[i % 2] as string,
        firstName: "Interne",
        lastName: `Numéro ${i}`,
        email: `membre-${i}@exemple.fr`,
        yearOfTraining: 1,
        membershipStatus: "active" as const,
        membershipYear: 2026,
        synthetic: true,
      })),
    );
  });

  /** A caller of `role` whose server can send invitations through `mailer`. */
  async function callerWith(role: Role | null, mailer?: InvitationMailer) {
    const token = role ? (await api.logIn(await api.accountOf(role))).token : null;
    return createCaller({
      db: api.db,
      actor: await resolveActor(api.db, token),
      clientIp: freshAddress(),
      cookies: new FakeCookieJar(token),
      events: api.events,
      ...(mailer ? { invitationMailer: mailer } : {}),
    });
  }

  /** Accepts every message, each only once `release()` was called. */
  function heldMailer() {
    const sent: InvitationMessage[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let called: () => void = () => {};
    const firstCall = new Promise<void>((resolve) => {
      called = resolve;
    });
    const mailer: InvitationMailer = {
      async send(message) {
        called();
        await gate;
        sent.push(message);
        return "sent";
      },
    };
    return { mailer, sent, firstCall, release: () => release() };
  }

  it("is for the bureau and the administration only", async () => {
    const { mailer } = heldMailer();
    const input = { id: survey.id, rate: 600, source: { kind: "list" as const, text: "a@b.fr" } };
    for (const role of ["organiser", "press", "representative", "member"] as const) {
      const caller = await callerWith(role, mailer);
      expect((await rejection(caller.survey.invitations.get({ id: survey.id }))).data.code).toBe(
        "FORBIDDEN",
      );
      expect((await rejection(caller.survey.invitations.start(input))).data.code).toBe("FORBIDDEN");
      expect((await rejection(caller.survey.invitations.pause({ id: survey.id }))).data.code).toBe(
        "FORBIDDEN",
      );
    }
    const anonymous = await callerWith(null, mailer);
    expect((await rejection(anonymous.survey.invitations.start(input))).data.code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("refuses a list with a bad line, and any start on a server without SMTP", async () => {
    const withSmtp = await callerWith("bureau", heldMailer().mailer);
    const bad = await rejection(
      withSmtp.survey.invitations.start({
        id: survey.id,
        rate: 600,
        source: { kind: "list", text: "ok@exemple.fr\nnon-adresse" },
      }),
    );
    expect(bad.data.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe(
      "Une adresse invalide : ligne 2 « non-adresse ». Corrigez la liste : aucune invitation n'est partie.",
    );
    const without = await callerWith("admin");
    expect(await without.survey.invitations.get({ id: survey.id })).toEqual({
      campaign: null,
      invited: 0,
      canSend: false,
    });
    const refused = await rejection(
      without.survey.invitations.start({
        id: survey.id,
        rate: 600,
        source: { kind: "list", text: "ok@exemple.fr" },
      }),
    );
    expect(refused.message).toContain("Les invitations partent seulement par un serveur SMTP");
  });

  it("sends to the members of the chosen subdivisions, followed live, until paused", async () => {
    const held = heldMailer();
    const bureau = await callerWith("bureau", held.mailer);
    const stream = (await bureau.survey.invitations.live({
      id: survey.id,
    })) as AsyncIterable<InvitationOverview>;
    const updates = stream[Symbol.asyncIterator]();
    const next = async () => (await updates.next()).value as InvitationOverview;
    expect(await next()).toMatchObject({ campaign: null, invited: 0, canSend: true });

    const started = await bureau.survey.invitations.start({
      id: survey.id,
      rate: 60_000,
      source: { kind: "subdivisions", subdivisionIds },
    });
    expect(started).toMatchObject({ status: "running", total: MEMBERS, sent: 0 });
    // Its first batch (50) is on its way when the bureau pauses.
    await held.firstCall;
    const paused = await bureau.survey.invitations.pause({ id: survey.id });
    expect(paused.status).toBe("paused");
    held.release();
    let seen = await next();
    while (!(seen.campaign?.status === "paused" && seen.campaign.sent === 50)) seen = await next();
    expect(seen).toMatchObject({ invited: 50, campaign: { total: MEMBERS, sent: 50, bounced: 0 } });
    await updates.return?.();

    expect(held.sent).toHaveLength(50);
    expect(held.sent.map((m) => m.to).every((to) => /^membre-\d+@exemple\.fr$/.test(to))).toBe(
      true,
    );
    // The ten tokens never sent went with the job.
    const [tokens] = (
      (await api.db.execute(
        `select count(*)::int as n from survey_tokens where survey_id = '${survey.id}'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(tokens?.n).toBe(50);
    // Paused is not running: pausing again is refused.
    expect((await rejection(bureau.survey.invitations.pause({ id: survey.id }))).message).toBe(
      "Aucun envoi d'invitations n'est en cours pour cette enquête.",
    );
  });
});
