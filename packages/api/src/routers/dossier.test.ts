import { listAudit } from "@tribune/db/repos/audit";
import { seedReferenceEdition } from "@tribune/db/seed";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, rejection, testApi } from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const TOULOUSE = referenceSubdivision("toulouse").id;

describe.each(testBackends())("dossier and motion procedures on %s", (backend) => {
  let close: () => Promise<void>;
  let api: ReturnType<typeof testApi>;
  let admin: Caller;
  let bureau: Caller;
  let press: Caller;
  let lille: Caller;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    close = opened.close;
    await seedReferenceEdition(opened.db);
    api = testApi(opened.db);
    admin = await api.callerAs("admin");
    bureau = await api.callerAs("bureau");
    press = await api.callerAs("press");
    lille = await api.representativeOf(LILLE);
  });
  afterAll(() => close());

  it("lists the press kit's dossiers by pillar and status, and gets one with its timeline", async () => {
    const defendre = await press.dossier.list({ pillar: "defendre" });
    expect(defendre.map((d) => d.slug)).toEqual([
      "ecoute",
      "attaque-chu",
      "pdsa",
      "gardes",
      "quatrieme-annee",
    ]);
    const [victoire] = await press.dossier.list({ status: "won" });
    expect(victoire?.title).toBe("PÉRENNISATION DE LA REVALORISATION DES GARDES");
    const chu = defendre[1];
    if (!chu) throw new Error("no CHU dossier");
    expect(await press.dossier.get({ id: chu.id })).toMatchObject({
      status: "in_progress",
      events: [{ date: "2024-02-01", label: "Début des procès contre les 28 CHU de France" }],
    });
  });

  it("lets the bureau create, update and delete a dossier, audited; not the press", async () => {
    const input = {
      slug: "ppl-garot",
      title: "Proposition de loi Garot",
      pillar: "defendre" as const,
      status: "watch" as const,
      summary: "Suivi de la proposition de loi.",
      body: ["Un **premier** paragraphe.", { list: ["un point", "un autre"] }],
      partners: [],
      figureIds: [],
      position: 9,
      events: [{ date: "2025-05-07", label: "Examen à l'Assemblée nationale" }],
    };
    expect((await rejection(press.dossier.create(input))).data.code).toBe("FORBIDDEN");
    const created = await bureau.dossier.create(input);
    expect(created).toMatchObject({ slug: "ppl-garot", motionIds: [], events: [input.events[0]] });
    expect((await rejection(bureau.dossier.create(input))).data.code).toBe("CONFLICT");

    const updated = await bureau.dossier.update({
      id: created.id,
      status: "mobilisation",
      events: [
        { date: "2025-06-01", label: "Mobilisation" },
        { date: "2025-05-07", label: "Examen à l'Assemblée nationale" },
      ],
    });
    expect(updated.status).toBe("mobilisation");
    expect(updated.events.map((e) => e.date)).toEqual(["2025-05-07", "2025-06-01"]);
    expect(updated.body).toEqual(input.body);
    const retitled = await bureau.dossier.update({ id: created.id, title: "PPL Garot" });
    expect(retitled.events).toHaveLength(2);

    await admin.dossier.delete({ id: created.id });
    expect((await rejection(press.dossier.get({ id: created.id }))).data.code).toBe("NOT_FOUND");
    const audit = await listAudit(api.db, { entity: "dossier", limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(["create", "delete", "update", "update"]);
  });

  it("scopes votes: a Lille representative votes for Lille only, admin records any", async () => {
    const [cahors] = await bureau.motion.meetings();
    expect(cahors).toMatchObject({ city: "Cahors", date: null, hostSubdivisionId: TOULOUSE });
    const meeting = await bureau.motion.createMeeting({ date: "2026-03-14", city: "Lille" });
    const [gardes] = await bureau.dossier.list({ status: "won" });
    const motion = await bureau.motion.create({
      meetingId: meeting.id,
      dossierId: gardes?.id ?? null,
      title: "Motion de démonstration",
      text: "Texte de démonstration (donnée synthétique).",
      synthetic: true,
    });
    expect(motion.rule).toBe("simple");
    expect(
      (
        await rejection(
          lille.motion.create({ meetingId: meeting.id, title: "Motion", text: "Texte." }),
        )
      ).data.code,
    ).toBe("FORBIDDEN");

    const toulouseAttempt = await rejection(
      lille.motion.vote({ motionId: motion.id, subdivisionId: TOULOUSE, choice: "against" }),
    );
    expect(toulouseAttempt.data.code).toBe("FORBIDDEN");
    expect(toulouseAttempt.message).toBe("Vous ne pouvez voter que pour votre propre subdivision.");
    expect(
      (await rejection(bureau.motion.vote({ motionId: motion.id, choice: "for" }))).data.code,
    ).toBe("FORBIDDEN");

    await lille.motion.vote({ motionId: motion.id, choice: "against" });
    const afterLille = await lille.motion.vote({
      motionId: motion.id,
      subdivisionId: LILLE,
      choice: "for",
    });
    expect(afterLille.votes.find((v) => v.subdivisionId === LILLE)?.choice).toBe("for");
    expect(afterLille.votes.find((v) => v.subdivisionId === TOULOUSE)?.choice).toBeNull();
    expect(afterLille.votes).toHaveLength(23);

    await admin.motion.vote({ motionId: motion.id, subdivisionId: TOULOUSE, choice: "against" });
    const tie = await lille.motion.get({ id: motion.id });
    expect(tie.result).toMatchObject({ adopted: false, pour: 1, contre: 1, cast: 2 });
    expect(tie.result.explanation).toContain("égalité");

    const paris = referenceSubdivision("paris").id;
    await admin.motion.vote({ motionId: motion.id, subdivisionId: paris, choice: "for" });
    const [listed] = await bureau.motion.list();
    expect(listed).toMatchObject({ id: motion.id, meeting: { city: "Lille" } });
    expect(listed?.result).toMatchObject({ adopted: true, pour: 2, contre: 1 });
    expect((await bureau.dossier.get({ id: gardes?.id ?? "" })).motionIds).toEqual([motion.id]);

    const votes = await listAudit(api.db, { entity: "motion", limit: 20 });
    expect(votes.filter((e) => e.action === "vote")).toHaveLength(4);
  });

  it("gives every dossier with its timeline in one call, as get gives them one by one", async () => {
    const extra = await bureau.dossier.create({
      slug: "deux-dates",
      title: "Un dossier à deux dates",
      pillar: "informer",
      status: "watch",
      summary: "Deux événements, donnés dans le désordre.",
      body: [],
      partners: [],
      figureIds: [],
      position: 99,
      events: [
        { date: "2025-09-01", label: "Rentrée" },
        { date: "2025-03-01", label: "Printemps" },
      ],
    });
    const overview = await bureau.dossier.overview({});
    const list = await bureau.dossier.list({});
    expect(overview.map((d) => d.id)).toEqual(list.map((d) => d.id));
    const one = await Promise.all(list.map((d) => bureau.dossier.get({ id: d.id })));
    expect(overview).toEqual(one);
    expect(overview.find((d) => d.id === extra.id)?.events.map((e) => e.label)).toEqual([
      "Printemps",
      "Rentrée",
    ]);
    expect(overview.some((d) => d.events.length === 0)).toBe(true);
    await bureau.dossier.delete({ id: extra.id });
    const victoires = await press.dossier.overview({ status: "won" });
    expect(victoires.map((d) => d.title)).toEqual([
      "PÉRENNISATION DE LA REVALORISATION DES GARDES",
    ]);
    const member = await api.callerAs("member");
    expect((await rejection(member.dossier.overview({}))).data.code).toBe("FORBIDDEN");
  });
});
