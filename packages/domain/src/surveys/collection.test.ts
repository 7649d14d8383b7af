import { describe, expect, it } from "vitest";
import { buildCollection } from "./collection";
import type { Survey } from "./survey";

const SLUGS = ["a", "b", "c", "d", "e", "f"];
const survey: Pick<Survey, "id" | "questions" | "disclosureThreshold" | "status" | "sensitivity"> =
  {
    id: "6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
    disclosureThreshold: 5,
    status: "open",
    sensitivity: "standard",
    questions: [
      {
        id: "subdivision",
        label: "Subdivision",
        help: "",
        required: true,
        type: "single",
        profile: "subdivision",
        choices: SLUGS.map((value) => ({ value, label: value.toUpperCase() })),
      },
    ],
  };

/** The collection of answers given as day → subdivision → responses that day. */
function collect(days: Record<string, Record<string, number>>, slugs = SLUGS.slice(0, 4)) {
  const subdivisionDayCounts = Object.entries(days).flatMap(([day, bySlug]) =>
    Object.entries(bySlug).map(([key, n]) => ({ key, day, n })),
  );
  const totals = new Map<string, number>();
  for (const c of subdivisionDayCounts) totals.set(c.key, (totals.get(c.key) ?? 0) + c.n);
  return buildCollection({
    survey: {
      ...survey,
      questions: survey.questions.map((q) =>
        q.type === "single"
          ? { ...q, choices: q.choices.filter((c) => slugs.includes(c.value)) }
          : q,
      ),
    },
    subdivisions: slugs.map((slug, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, slug })),
    subdivisionCounts: [...totals].map(([key, n]) => ({ key, n })),
    subdivisionDayCounts,
    dayCounts: Object.entries(days).map(([day, bySlug]) => ({
      day,
      n: Object.values(bySlug).reduce((s, n) => s + n, 0),
    })),
    synthetic: false,
  });
}

describe("responses per subdivision over time", () => {
  it("does not start the series the day one answer takes a lone subdivision to the threshold", () => {
    // Threshold 5. On day 2, one answer takes A from 4 to 5, and A is the only count near the
    // threshold: starting there, next to the day's single response, would tell that A had 4
    // (a masked count) the day before.
    const c = collect({
      "2026-03-01": { a: 4, b: 9, c: 3, d: 3 },
      "2026-03-02": { a: 1 },
      "2026-03-03": { a: 1 },
    });
    expect(c.bySubdivision.map((s) => s.responses)).toEqual([6, 9, null, null]);
    expect(c.bySubdivisionOverTime).toEqual([
      { day: "2026-03-01", cumulative: [null, null, null, null] },
      { day: "2026-03-02", cumulative: [null, null, null, null] },
      // A 6, B 9, C + D 6: each at least the threshold plus the day's response, so the day
      // before, every one of them stood at or above the threshold already.
      { day: "2026-03-03", cumulative: [6, 9, null, null] },
    ]);
  });

  it("starts the series when two counts reach the threshold together: nobody can tell which", () => {
    const c = collect({
      "2026-03-01": { a: 4, b: 5, c: 3, d: 3 },
      "2026-03-02": { a: 1 },
    });
    // A 5, B 5: one of them had 4 the day before, but which one the series does not say.
    expect(c.bySubdivisionOverTime.at(-1)).toEqual({
      day: "2026-03-02",
      cumulative: [5, 5, null, null],
    });
  });

  it("holds over random collections: one pattern, nothing masked to recover", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    let series = 0;
    for (let run = 0; run < 300; run++) {
      const days: Record<string, Record<string, number>> = {};
      // Two busy subdivisions, three quieter ones, and one where answers are rare.
      const daily = (slug: string) =>
        slug < "c" ? random(6) : slug < "f" ? random(3) : random(4) === 0 ? 1 : 0;
      for (let d = 1; d <= 3 + random(20); d++)
        days[`2026-03-${String(d).padStart(2, "0")}`] = Object.fromEntries(
          SLUGS.map((slug) => [slug, daily(slug)]),
        );
      const c = collect(days, SLUGS);
      const shown = c.bySubdivision.map((s) => s.responses !== null);
      const start = c.bySubdivisionOverTime.findIndex((d) => d.cumulative.some((n) => n !== null));
      c.bySubdivisionOverTime.forEach((d, i) => {
        const { responses, cumulative: total } = c.byDay[i] ?? { responses: 0, cumulative: 0 };
        if (start === -1 || i < start) {
          expect(d.cumulative.every((n) => n === null)).toBe(true);
          return;
        }
        // The same subdivisions every day, as in the table of totals.
        expect(d.cumulative.map((n) => n !== null)).toEqual(shown);
        // A subdivision nobody answered from reads 0 every day; every other shown one is at or
        // above the threshold.
        const empty = c.bySubdivision.map((s) => s.responses === 0);
        d.cumulative.forEach((n, k) => {
          if (n !== null && empty[k]) expect(n).toBe(0);
        });
        const all = d.cumulative.filter((n) => n !== null);
        const visible = d.cumulative.filter((n, k): n is number => n !== null && !empty[k]);
        const maskedSum = total - all.reduce((s, n) => s + n, 0);
        for (const n of visible) expect(n).toBeGreaterThanOrEqual(c.threshold);
        if (all.length < shown.length) {
          expect(shown.length - all.length).toBeGreaterThanOrEqual(2);
          expect(maskedSum).toBeGreaterThanOrEqual(c.threshold);
        }
        // The first shown day: never a single count that could have been below the threshold
        // the day before (within the day's responses of it).
        if (i === start) {
          const needed = [...visible, ...(all.length < shown.length ? [maskedSum] : [])];
          expect(needed.filter((n) => n - responses < c.threshold)).not.toHaveLength(1);
        }
      });
      if (start !== -1) series++;
      // The last shown day agrees with the totals per subdivision.
      if (start !== -1)
        expect(c.bySubdivisionOverTime.at(-1)?.cumulative).toEqual(
          c.bySubdivision.map((s) => s.responses),
        );
    }
    // Not a test that passes by showing nothing: most of these collections get a series.
    expect(series).toBeGreaterThan(100);
  });
});
