import { responseStats } from "@tribune/db/repos/surveys";
import { testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { useSeededApi } from "../test-support";

/**
 * Anyone with the database (or a backup of it) holds the invitation tokens — each sent to a
 * known person — and the answers. Nothing stored may tell which answer came with which token:
 * not the transaction ids (xmin/xmax), not the physical order, not the ids, not a time finer
 * than the day. Every answer enters the results hidden among at least the survey's disclosure
 * threshold of others.
 */
describe.each(testBackends())("anonymous survey answers on %s", (backend) => {
  const api = useSeededApi(backend);
  const K = 10;
  // Four full batches and three answers left waiting when the survey closes.
  const N = 4 * K + 3;

  const rows = async <T>(query: string) =>
    ((await api.db.execute(query)) as unknown as { rows: T[] }).rows;

  it("cannot be linked to the invitation they came with", async () => {
    const bureau = await api.callerAs("bureau");
    const survey = await bureau.survey.create({
      slug: "sante-mentale-liens",
      title: "Santé mentale des internes",
      year: 2026,
      partners: [],
      audience: "Internes",
      opensOn: null,
      closesOn: null,
      disclosureThreshold: K,
      questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 1000 }],
    });
    await bureau.survey.setStatus({ id: survey.id, status: "open" });
    const tokens = await bureau.survey.issueTokens({ id: survey.id, count: N });

    // Token i (sent to person i) answers rang = i, in that order.
    for (const [i, token] of tokens.entries()) {
      const respondent = await api.anonymous();
      await respondent.survey.respond({ slug: survey.slug, answers: { rang: i }, token });
    }
    await bureau.survey.setStatus({ id: survey.id, status: "closed" });

    // Nothing lost, nothing twice.
    expect((await responseStats(api.db, survey.id)).n).toBe(N);
    const byCtid = await rows<{ rang: number; batch: string; day: string }>(`
      select (answers ->> 'rang')::int as rang, xmin::text as batch, submitted_on::text as day
      from survey_responses where survey_id = '${survey.id}' order by ctid`);
    expect(byCtid.map((r) => r.rang).sort((a, b) => a - b)).toEqual([...Array(N).keys()]);

    // 1. Transaction ids: no response shares an xid with a token row.
    const [joined] = await rows<{ n: number }>(`
      select count(*)::int as n from survey_tokens t join survey_responses r
        on r.xmin::text in (t.xmin::text, t.xmax::text) or r.xmax::text = t.xmin::text
      where t.survey_id = '${survey.id}' and r.survey_id = '${survey.id}'`);
    expect(joined?.n).toBe(0);
    // Answers entered in batches, each with a single day. The closing batch holds at least K:
    // the three answers left waiting, and stored answers taken back from the earlier batches
    // (each at least K strong when it entered) — so every answer hides among at least K.
    const batches = new Map<string, { xid: number; size: number; days: Set<string> }>();
    for (const r of byCtid) {
      const batch = batches.get(r.batch) ?? { xid: Number(r.batch), size: 0, days: new Set() };
      batch.size += 1;
      batch.days.add(r.day);
      batches.set(r.batch, batch);
    }
    const [closing, ...earlier] = [...batches.values()].sort((a, b) => b.xid - a.xid);
    expect(closing?.size).toBe(K);
    const remixed = K - 3;
    expect(earlier).toHaveLength(4);
    for (const batch of earlier) expect(batch.size).toBeGreaterThanOrEqual(K - remixed);
    for (const batch of batches.values()) expect(batch.days.size).toBe(1);

    // 2. Physical order and 3. ids: guessing "the i-th token spent wrote the i-th row" works
    // about once a batch by chance (N/K); in spend order it would work every time.
    const hits = (rangs: number[]) => rangs.filter((rang, position) => rang === position).length;
    expect(hits(byCtid.map((r) => r.rang))).toBeLessThan(N / 2);
    const byId = await rows<{ rang: number }>(`
      select (answers ->> 'rang')::int as rang from survey_responses
      where survey_id = '${survey.id}' order by id`);
    expect(hits(byId.map((r) => r.rang))).toBeLessThan(N / 2);
    // Ids are random (version 4), not a sequence.
    const ids = await rows<{ id: string }>(`
      select id::text from survey_responses where survey_id = '${survey.id}'`);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);

    // 4. Time: no column finer than the day, in the responses or the pool.
    const timed = await rows<{ column_name: string }>(`
      select table_name || '.' || column_name as column_name from information_schema.columns
      where table_name in ('survey_responses', 'survey_response_pool')
        and (data_type like '%time%' or data_type = 'interval')`);
    expect(timed).toEqual([]);

    // 5. The pool is empty, down to its file: no parked answer and no dead row remain.
    const [pool] = await rows<{ n: number; bytes: number }>(`
      select count(*)::int as n, pg_relation_size('survey_response_pool')::int as bytes
      from survey_response_pool`);
    expect(pool).toEqual({ n: 0, bytes: 0 });
  });
});
