import { randomUUID } from "node:crypto";
import { type OpenDatabase, openDatabase } from "@tribune/db";
import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { insertSurvey } from "@tribune/db/repos/surveys";
import { testBackends } from "@tribune/db/testing";
import type { Role } from "@tribune/domain/auth";
import { type Survey, subdivisionQuestion } from "@tribune/domain/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, useSeededApi } from "../test-support";

type Change = { surveyId: string; reason: "subscribed" | "changed" };
/** The lowest disclosure threshold, so the smallest mixing batch. */
const BATCH = 5;

describe.each(testBackends())("survey.live on %s", (backend) => {
  const api = useSeededApi(backend);
  /** On PostgreSQL, a second server instance on the same database (its own LISTEN/NOTIFY). */
  let other: OpenDatabase | null = null;
  let survey: Survey;
  let dijon: string;

  beforeAll(async () => {
    if (api.url) other = await openDatabase({ url: api.url });
    const subdivisions = await listSubdivisionOptions(api.db);
    dijon = subdivisions[0]?.slug ?? "";
    survey = await insertSurvey(api.db, {
      slug: "collecte-en-direct",
      title: "Collecte en direct",
      year: 2026,
      opensOn: null,
      closesOn: null,
      status: "open",
      anonymity: "open_link",
      disclosureThreshold: BATCH,
      questions: [subdivisionQuestion(subdivisions)],
    });
  });
  afterAll(() => other?.close());

  async function watch(role: Role, id = survey.id) {
    const watcher = await api.callerOn(role, api.events);
    const stream = (await watcher.survey.live({ id })) as AsyncIterable<Change>;
    const changes = stream[Symbol.asyncIterator]();
    return {
      next: async () => (await changes.next()).value as Change,
      stop: () => changes.return?.(),
    };
  }

  it("says 'changed' when a batch of answers enters the results, and when responses are imported", async () => {
    const { next, stop } = await watch("bureau");
    expect(await next()).toEqual({ surveyId: survey.id, reason: "subscribed" });
    // The respondents reach another instance on PostgreSQL: the event crosses through NOTIFY.
    // Answers wait in the mixing pool until a batch of the disclosure threshold lets them in.
    for (let i = 0; i < BATCH; i += 1) {
      const respondent = await api.callerOn(null, (other ?? api).events);
      await respondent.survey.respond({ slug: survey.slug, answers: { subdivision: dijon } });
    }
    expect(await next()).toEqual({ surveyId: survey.id, reason: "changed" });

    const manager = await api.callerOn("admin", (other ?? api).events);
    const report = await manager.survey.import({
      surveyId: survey.id,
      csv: `subdivision\n${dijon}\n${dijon}\n`,
      mapping: null,
      dryRun: false,
    });
    expect(report.imported).toBe(2);
    expect(await next()).toEqual({ surveyId: survey.id, reason: "changed" });
    await stop();
    const collection = await manager.survey.collection({ id: survey.id });
    expect(collection.total).toBe(BATCH + 2);
  });

  it("is for collection readers, on a survey that exists", async () => {
    const open = async (role: Role, id: string) =>
      rejection(
        (async () => {
          const { next } = await watch(role, id);
          await next();
        })(),
      );
    expect((await open("member", survey.id)).data.code).toBe("FORBIDDEN");
    // The press follows published surveys only, as for `collection`.
    expect((await open("press", survey.id)).data.code).toBe("NOT_FOUND");
    expect((await open("bureau", randomUUID())).data.code).toBe("NOT_FOUND");
  });
});
