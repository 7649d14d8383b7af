import { createPublicCache } from "@tribune/api";
import { describe, expect, it } from "vitest";
import { type PublicTrpcRequest, publicTrpcAnswers } from "./public-trpc";

type Caller = Parameters<typeof publicTrpcAnswers>[0]["caller"];

/** A public caller whose edition.byYear answers `state`, counting its calls. */
function fakeCaller(state: { value: string; calls: number }): Caller {
  return {
    edition: {
      byYear: async ({ year }: { year: number }) => {
        state.calls += 1;
        if (year !== 2026) throw new Error("Aucune édition");
        return { id: "edition-2026", year, status: { state: state.value } };
      },
    },
  } as unknown as Caller;
}

const request = (overrides: Partial<PublicTrpcRequest> = {}): PublicTrpcRequest => ({
  method: "GET",
  path: "edition.byYear",
  query: { input: JSON.stringify({ year: 2026 }) },
  headers: {},
  signedIn: false,
  ...overrides,
});

describe("public tRPC answers", () => {
  it("calls the procedure once per second of the clock, and again after a programme change", async () => {
    const state = { value: "registration", calls: 0 };
    let clock = 1_000_000;
    const publicCache = createPublicCache({ now: () => clock });
    const answer = publicTrpcAnswers({ caller: fakeCaller(state), publicCache, now: () => clock });
    const first = await answer(request());
    await answer(request());
    clock += 400;
    await answer(request());
    expect(state.calls).toBe(1);
    expect(JSON.parse(String(first?.body))).toEqual({
      result: { data: { id: "edition-2026", year: 2026, status: { state: "registration" } } },
    });

    // The next second: the state may have moved on.
    state.value = "running";
    clock += 1000;
    const later = await answer(request());
    expect(state.calls).toBe(2);
    expect(String(later?.body)).toContain('"running"');
    expect(later?.headers.ETag).not.toBe(first?.headers.ETag);

    // Same second, but the edition changed: built again at once.
    state.value = "over";
    publicCache.drop("edition-2026");
    expect(String((await answer(request()))?.body)).toContain('"over"');
    expect(state.calls).toBe(3);
  });

  it("answers a batch of one as tRPC does: the same answer, in a list", async () => {
    const answer = publicTrpcAnswers({
      caller: fakeCaller({ value: "registration", calls: 0 }),
      publicCache: createPublicCache(),
    });
    const alone = await answer(request());
    const batched = await answer(
      request({ query: { batch: "1", input: JSON.stringify({ 0: { year: 2026 } }) } }),
    );
    expect(String(batched?.body)).toBe(`[${String(alone?.body)}]`);
    expect(batched?.headers.ETag).not.toBe(alone?.headers.ETag);
  });

  it.each<[string, Partial<PublicTrpcRequest>]>([
    ["a signed-in reader", { signedIn: true }],
    [
      "a batch of several",
      {
        path: "edition.byYear,edition.byYear",
        query: { batch: "1", input: JSON.stringify({ 0: { year: 2026 }, 1: { year: 2026 } }) },
      },
    ],
    ["a batch with no input", { query: { batch: "1", input: JSON.stringify([{ year: 2026 }]) } }],
    ["an unknown batch flag", { query: { batch: "yes", input: JSON.stringify({ year: 2026 }) } }],
    ["a streaming call", { headers: { "trpc-accept": "application/jsonl" } }],
    ["a POST", { method: "POST" }],
    ["another procedure", { path: "edition.current" }],
    ["an input the procedure refuses", { query: { input: JSON.stringify({ year: 1999 }) } }],
    ["an input that is no JSON", { query: { input: "{year" } }],
    ["no input", { query: {} }],
    ["an edition that does not exist", { query: { input: JSON.stringify({ year: 2030 }) } }],
  ])("leaves %s to tRPC", async (_, overrides) => {
    const state = { value: "registration", calls: 0 };
    const answer = publicTrpcAnswers({
      caller: fakeCaller(state),
      publicCache: createPublicCache(),
    });
    expect(await answer(request(overrides))).toBeNull();
    // The request that qualifies is answered here.
    expect(await answer(request())).not.toBeNull();
  });

  it("asks for an edition that does not exist once a second, leaving the rest of the burst to tRPC", async () => {
    const state = { value: "registration", calls: 0 };
    let clock = 5_000_000;
    const answer = publicTrpcAnswers({
      caller: fakeCaller(state),
      publicCache: createPublicCache({ now: () => clock }),
      now: () => clock,
    });
    const unknown = request({ query: { input: JSON.stringify({ year: 2030 }) } });
    for (let i = 0; i < 5; i++) expect(await answer(unknown)).toBeNull();
    // tRPC runs the procedure for each of them, and says « Aucune édition »: not twice each.
    expect(state.calls).toBe(1);
    // The known edition is not held back by it.
    expect(await answer(request())).not.toBeNull();
    expect(state.calls).toBe(2);
    // The next second, it is asked again (the edition may have been created since).
    clock += 1000;
    expect(await answer(unknown)).toBeNull();
    expect(state.calls).toBe(3);
  });
});
