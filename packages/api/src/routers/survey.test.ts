import type { Database } from "@tribune/db";
import { listAudit } from "@tribune/db/repos/audit";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import {
  findSurvey,
  insertResponses,
  insertSurvey,
  receivedAnswerCount,
  responseStats,
  responsesPerDay,
} from "@tribune/db/repos/surveys";
import { seedReferenceEdition, seedReferenceSurveys } from "@tribune/db/seed";
import { openTestDatabase, testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import { subdivisionQuestion } from "@tribune/domain/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { respond } from "../services/surveys/respond";
import { rejection, testApi } from "../test-support";

/** The id of a seeded survey. */
const idOf = async (db: Database, slug: string): Promise<string> => {
  const survey = await findSurvey(db, slug);
  if (!survey) throw new Error(slug);
  return survey.id;
};

describe.each(testBackends())("survey router on %s", (backend) => {
  let close: () => Promise<void>;
  let api: ReturnType<typeof testApi>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>["db"];
  let tt: string;
  let sm: string;
  let dix: string;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend);
    close = opened.close;
    db = opened.db;
    await seedReferenceEdition(db);
    await seedReferenceSurveys(db);
    api = testApi(db);
    tt = await idOf(db, "temps-de-travail-2024");
    sm = await idOf(db, "sante-mentale-2024");
    dix = await idOf(db, "dixieme-annee-mg");
  }, 120_000);
  afterAll(() => close());

  it("lists the three surveys with their synthetic responses", async () => {
    const list = await (await api.callerAs("press")).survey.list();
    expect(list.map((s) => [s.slug, s.responses, s.synthetic])).toEqual([
      ["dixieme-annee-mg", 500, true],
      ["sante-mentale-2024", 800, true],
      ["temps-de-travail-2024", 1000, true],
    ]);
  });

  it("shows the press published surveys only", async () => {
    await db.execute(`update surveys set status = 'closed' where id = '${tt}'`);
    const press = await api.callerAs("press");
    expect((await press.survey.list()).map((s) => s.slug)).not.toContain("temps-de-travail-2024");
    expect((await rejection(press.survey.get({ id: tt }))).data.code).toBe("NOT_FOUND");
    expect((await (await api.callerAs("bureau")).survey.get({ id: tt })).status).toBe("closed");
    await db.execute(`update surveys set status = 'published' where id = '${tt}'`);
  });

  it("breaks results down by subdivision with primary and complementary suppression", async () => {
    const result = await (await api.callerAs("organiser")).survey.results({
      surveyId: tt,
      questionId: "heures_semaine",
      groupBy: "subdivision",
    });
    expect(result.overall).toMatchObject({ suppressed: false, n: 1000, stats: { mean: 59 } });
    expect(result.groups).toHaveLength(23);
    const hidden = result.groups.filter((g) => g.suppressed);
    // Suppressed groups are indistinguishable, and never recoverable from the total.
    for (const g of hidden)
      expect(g).toEqual({
        key: g.key,
        label: g.label,
        suppressed: true,
        n: null,
        stats: null,
        choices: null,
        texts: null,
      });
    const shown = result.groups.reduce((s, g) => s + (g.n ?? 0), 0);
    if (hidden.length > 0) {
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(1000 - shown).toBeGreaterThanOrEqual(result.threshold);
    }
    for (const g of result.groups) if (!g.suppressed) expect(g.n).toBeGreaterThanOrEqual(11);
  });

  it("suppresses small breakdowns: 4 years of training over a small filtered survey", async () => {
    const result = await (await api.callerAs("bureau")).survey.results({
      surveyId: dix,
      questionId: "remuneration",
      groupBy: "annee",
    });
    // The 10th-year survey only asked 3rd and 4th years: years 1 and 2 are empty, shown as 0
    // (nobody is in them: no secret).
    for (const year of ["1", "2"])
      expect(result.groups.find((g) => g.key === year)).toMatchObject({ suppressed: false, n: 0 });
    expect(result.overall.choices?.find((c) => c.choice === "retrocession")).toMatchObject({
      n: 447,
      share: 0.894,
    });
  });

  it("shows free text only from ten answers, and never broken down", async () => {
    const result = await (await api.callerAs("admin")).survey.results({
      surveyId: tt,
      questionId: "commentaire",
    });
    expect(result.overall.texts).toHaveLength(40);
  });

  it.each<Role>(["admin", "bureau"])("lets %s break mental-health results down", async (role) => {
    const result = await (await api.callerAs(role)).survey.results({
      surveyId: sm,
      questionId: "burn_out",
      groupBy: "statut",
    });
    expect(result.groups.map((g) => g.key)).toEqual(["externe", "interne"]);
  });

  it("refuses mental-health breakdowns to the organiser, and results to the press", async () => {
    const organiser = await api.callerAs("organiser");
    const error = await rejection(
      organiser.survey.results({ surveyId: sm, questionId: "burn_out", groupBy: "statut" }),
    );
    expect(error.data.code).toBe("FORBIDDEN");
    const overall = await organiser.survey.results({ surveyId: sm, questionId: "burn_out" });
    expect(overall.overall.n).toBe(800);
    const press = await api.callerAs("press");
    expect(
      (await rejection(press.survey.results({ surveyId: tt, questionId: "heures_semaine" }))).data
        .code,
    ).toBe("FORBIDDEN");
  });

  it("gives the press published key figures only, with provenance", async () => {
    await db.execute(`update survey_key_figures set published = false where id = 'sm-anxiete'`);
    const press = await (await api.callerAs("press")).survey.keyFigures();
    const bureau = await (await api.callerAs("bureau")).survey.keyFigures();
    expect(press.map((f) => f.definition.id)).not.toContain("sm-anxiete");
    expect(bureau.map((f) => f.definition.id)).toContain("sm-anxiete");
    await db.execute(`update survey_key_figures set published = true where id = 'sm-anxiete'`);
    const mean = press.find((f) => f.definition.id === "tt-moyenne");
    expect(mean).toMatchObject({
      value: 59,
      sentence: "59 heures par semaine en moyenne",
      provenance: {
        survey: "Enquête sur le temps de travail des internes",
        respondents: 1000,
        synthetic: true,
      },
    });
  });

  it("prints computed figures in the press kit", async () => {
    const model = await (await api.callerAs("press")).pressKit.model({ year: 2026 });
    const byId = Object.fromEntries(model.figures.map((f) => [f.id, f]));
    expect(byId["tt-moyenne"]).toMatchObject({ value: 59, source: { respondents: 1000 } });
    expect(byId["dix-retrocession"]?.value).toBe(89.4);
    expect(byId["sm-jamais-arret"]?.value).toBe(3);
    expect(model.figures.every((f) => f.value !== null)).toBe(true);
  });

  it("imports a CSV export: dry run with bad rows, then applied in one transaction", async () => {
    const bureau = await api.callerAs("bureau");
    const header = "id;submitdate;ipaddr;subdivision;annee;remuneration;ambulatoire";
    const good = [
      "1;2024-09-03 10:00;192.0.2.1;dijon;4;retrocession;Y",
      "2;2024-09-04;192.0.2.2;lille;3;salaire;N",
    ];
    const bad = "3;2024-09-05;192.0.2.3;atlantide;4;salaire;Y";
    const before = (await responseStats(db, dix)).n;
    const dry = await bureau.survey.import({
      surveyId: dix,
      csv: [header, ...good, bad].join("\n"),
    });
    expect(dry).toMatchObject({ rows: 3, valid: 2, errorCount: 1, imported: 0 });
    expect(dry.errors).toEqual([
      { line: 4, questionId: "subdivision", message: "Réponse inconnue pour cette question." },
    ]);
    expect(dry.mapping).not.toHaveProperty("ipaddr");
    const refused = await rejection(
      bureau.survey.import({
        surveyId: dix,
        csv: [header, ...good, bad].join("\n"),
        dryRun: false,
      }),
    );
    expect(refused.data.code).toBe("BAD_REQUEST");
    expect((await responseStats(db, dix)).n).toBe(before);
    const applied = await bureau.survey.import({
      surveyId: dix,
      csv: [header, ...good].join("\n"),
      dryRun: false,
    });
    expect(applied.imported).toBe(2);
    expect((await responseStats(db, dix)).n).toBe(before + 2);
    const press = await api.callerAs("press");
    expect((await rejection(press.survey.import({ surveyId: dix, csv: header }))).data.code).toBe(
      "FORBIDDEN",
    );
    await db.execute(
      `delete from survey_responses where survey_id = '${dix}' and synthetic = false`,
    );
  });

  it("counts responses per subdivision with suppression, and per day with a running total", async () => {
    const subdivisions = await listSubdivisionOptions(db);
    const [a, b, c] = subdivisions;
    if (!a || !b || !c) throw new Error("needs three subdivisions");
    const survey = await insertSurvey(db, {
      slug: "collecte-test",
      title: "Collecte",
      year: 2026,
      opensOn: null,
      closesOn: null,
      disclosureThreshold: 5,
      questions: [subdivisionQuestion(subdivisions)],
    });
    const answer = (slug: string, submittedOn: string) => ({
      submittedOn,
      answers: { subdivision: slug },
    });
    await insertResponses(db, survey.id, [
      ...Array.from({ length: 10 }, () => answer(a.slug, "2026-03-01")),
      answer(a.slug, "2026-03-03"),
      answer(a.slug, "2026-03-03"),
      ...Array.from({ length: 7 }, () => answer(b.slug, "2026-03-03")),
      ...Array.from({ length: 3 }, () => answer(c.slug, "2026-03-04")),
    ]);
    const status = await (await api.callerAs("organiser")).survey.collection({ id: survey.id });
    expect(status).toMatchObject({
      surveyId: survey.id,
      threshold: 5,
      total: 22,
      synthetic: false,
    });
    expect(status.byDay).toEqual([
      { day: "2026-03-01", responses: 10, cumulative: 10 },
      { day: "2026-03-03", responses: 9, cumulative: 19 },
      { day: "2026-03-04", responses: 3, cumulative: 22 },
    ]);
    const count = (id: string) => status.bySubdivision.find((s) => s.subdivisionId === id);
    expect(count(a.id)).toEqual({ subdivisionId: a.id, subdivision: a.name, responses: 12 });
    // 3 answers from c are hidden; b (7) is hidden too, or 22 − 12 would give c away.
    expect(count(c.id)?.responses).toBeNull();
    expect(count(b.id)?.responses).toBeNull();
    // The other subdivisions, from which nobody answered, read 0, not "masqué".
    expect(
      status.bySubdivision.filter((s) => s.responses !== null && s.responses > 0),
    ).toHaveLength(1);
    expect(
      status.bySubdivision
        .filter((s) => ![a.id, b.id, c.id].includes(s.subdivisionId ?? ""))
        .every((s) => s.responses === 0),
    ).toBe(true);
    // Over time, A alone is shown, from the day the masked ones together reach the threshold.
    const seriesOf = (id: string) => {
      const i = status.bySubdivision.findIndex((s) => s.subdivisionId === id);
      return status.bySubdivisionOverTime.map((d) => d.cumulative[i]);
    };
    expect(seriesOf(a.id)).toEqual([null, 12, 12]);
    expect(seriesOf(b.id)).toEqual([null, null, null]);
    expect(
      status.bySubdivisionOverTime.every(
        (d) => d.cumulative.filter((n) => n !== null && n > 0).length <= 1,
      ),
    ).toBe(true);

    const press = await api.callerAs("press");
    expect((await rejection(press.survey.collection({ id: survey.id }))).data.code).toBe(
      "NOT_FOUND",
    );
    await db.execute(`update surveys set status = 'published' where id = '${survey.id}'`);
    expect((await press.survey.collection({ id: survey.id })).total).toBe(22);
    await db.execute(`delete from survey_responses where survey_id = '${survey.id}'`);
    await db.execute(`delete from surveys where id = '${survey.id}'`);
  });

  it("exports aggregated results as on screen, never an answer, audited", async () => {
    const bureau = await api.callerAs("bureau");
    const { filename, csv } = await bureau.survey.exportResults({ id: tt, groupBy: "subdivision" });
    expect(filename).toBe("resultats-temps-de-travail-2024-par-subdivision.csv");
    expect(
      csv.startsWith("\ufeffQuestion;Groupe;Répondant·es;Indicateur;Effectif;Valeur\r\n"),
    ).toBe(true);
    const lines = csv.split("\r\n");
    const hours = await bureau.survey.results({
      surveyId: tt,
      questionId: "heures_semaine",
      groupBy: "subdivision",
    });
    const label = hours.questionLabel;
    expect(lines).toContain(`${label};Ensemble;1000;Moyenne;;59`);
    for (const g of hours.groups)
      expect(lines.some((l) => l.startsWith(`${label};${g.label};`) && l.includes("masqué"))).toBe(
        g.suppressed,
      );
    const texts = await bureau.survey.results({ surveyId: tt, questionId: "commentaire" });
    for (const t of texts.overall.texts ?? []) expect(csv).not.toContain(t.text);
    const [entry] = await listAudit(db, { entity: "survey", limit: 1 });
    expect(entry).toMatchObject({ entityId: tt, action: "export" });

    const press = await api.callerAs("press");
    expect((await press.survey.exportResults({ id: sm })).csv).toContain("Ensemble");
    expect(
      (await rejection(press.survey.exportResults({ id: sm, groupBy: "statut" }))).data.code,
    ).toBe("FORBIDDEN");
    await db.execute(`update surveys set status = 'closed' where id = '${tt}'`);
    expect((await rejection(press.survey.exportResults({ id: tt }))).data.code).toBe("NOT_FOUND");
    await db.execute(`update surveys set status = 'published' where id = '${tt}'`);
  });

  describe("public response form", () => {
    it("refuses an invalid response question by question, storing nothing", async () => {
      await db.execute(
        `update surveys set status = 'open', anonymity = 'open_link' where id = '${dix}'`,
      );
      const anonymous = await api.anonymous();
      const form = await anonymous.survey.form({ slug: "dixieme-annee-mg" });
      expect(form.questions.map((q) => q.id)).toContain("remuneration");
      const before = await receivedAnswerCount(db, dix);
      const error = await rejection(
        anonymous.survey.respond({
          slug: "dixieme-annee-mg",
          answers: { subdivision: "dijon", annee: "9", remuneration: "bitcoin" },
        }),
      );
      expect(error.data).toMatchObject({
        code: "BAD_REQUEST",
        appCode: "invalid",
        fieldErrors: {
          annee: ["Réponse inconnue pour cette question."],
          remuneration: ["Réponse inconnue pour cette question."],
          ambulatoire: ["Cette question est obligatoire."],
        },
      });
      await anonymous.survey.respond({
        slug: "dixieme-annee-mg",
        answers: { subdivision: "dijon", annee: "4", remuneration: "salaire", ambulatoire: true },
      });
      // Received: it waits in the mixing pool for a batch before it counts in the results.
      expect(await receivedAnswerCount(db, dix)).toBe(before + 1);
      await db.execute(`delete from survey_response_pool where survey_id = '${dix}'`);
      await db.execute(
        `update surveys set status = 'published', anonymity = 'anonymous' where id = '${dix}'`,
      );
    });

    it("asks for a one-time token on an invitation-only survey and spends it once", async () => {
      await db.execute(`update surveys set status = 'open' where id = '${dix}'`);
      const [token] = await (await api.callerAs("bureau")).survey.issueTokens({
        id: dix,
        count: 1,
      });
      const anonymous = await api.anonymous();
      const answers = {
        subdivision: "dijon",
        annee: "4",
        remuneration: "salaire",
        ambulatoire: true,
      };
      expect(
        (await rejection(anonymous.survey.respond({ slug: "dixieme-annee-mg", answers }))).data
          .code,
      ).toBe("FORBIDDEN");
      await anonymous.survey.respond({ slug: "dixieme-annee-mg", answers, token: token ?? null });
      const again = await rejection(
        anonymous.survey.respond({ slug: "dixieme-annee-mg", answers, token: token ?? null }),
      );
      expect(again.data.code).toBe("FORBIDDEN");
      await db.execute(`delete from survey_response_pool where survey_id = '${dix}'`);
      await db.execute(`update surveys set status = 'published' where id = '${dix}'`);
    });

    it("hides a survey that is not open", async () => {
      const error = await rejection(
        (await api.anonymous()).survey.form({ slug: "temps-de-travail-2024" }),
      );
      expect(error.data.code).toBe("NOT_FOUND");
    });

    it("files answers under their day in Paris: 00:30 on 2 March is 2 March", async () => {
      const survey = await insertSurvey(db, {
        slug: "minuit-et-demi",
        title: "Minuit et demi",
        year: 2026,
        opensOn: null,
        closesOn: null,
        status: "open",
        anonymity: "open_link",
        disclosureThreshold: 5,
        questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 100 }],
      });
      // 23:30 UTC on 1 March is 00:30 in Paris (UTC+1) on 2 March.
      const ctx = { db, actor: null, clock: { now: () => new Date("2026-03-01T23:30:00Z") } };
      for (let rang = 0; rang < 5; rang += 1)
        await respond(ctx, { slug: survey.slug, answers: { rang }, token: null });
      expect(await responsesPerDay(db, survey.id)).toEqual([{ day: "2026-03-02", n: 5 }]);
      await db.execute(`delete from survey_responses where survey_id = '${survey.id}'`);
      await db.execute(`delete from surveys where id = '${survey.id}'`);
    });
  });
});
