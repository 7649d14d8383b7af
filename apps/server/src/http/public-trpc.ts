/**
 * The public reads the programme page and other sites fire by the thousand — tRPC
 * `schedule.programme` and `edition.byYear` — answered to anonymous GETs from their serialised
 * answer: the procedure is called through the public caller (its output validated as over HTTP)
 * at most once a second per edition and kept in the public cache (dropped on
 * `programme.changed` like everything else there), its JSON compressed once when it changes,
 * with a strong ETag (`If-None-Match` → 304). The bytes are tRPC's own (`{"result":{"data":…}}`,
 * no transformer): the client sees the same answer, without tRPC's per-request machinery (a
 * Request, its AbortSignal, a response stream) nor the output schema run on the whole
 * programme on every request.
 *
 * Asked alone or in a batch of one (what the admin's public pages send). Anything else — a
 * larger batch, a streaming call, a signed-in caller (edition.byYear shows the budget to some
 * roles), an input the procedure would refuse, an edition that does not exist, a lost
 * database — is left to tRPC, which answers (or fails) as it always did.
 */
import type { createCaller, PublicCache } from "@tribune/api";
import { EditionYear } from "@tribune/domain/congress";
import {
  etagOf,
  matchesVersion,
  negotiateEncoding,
  type PreparedDocument,
  prepareDocument,
} from "./public-formats";

type Caller = ReturnType<typeof createCaller>;
type Input = { year: number };

/** What a cached query gives: its data, and the edition whose changes make it stale. */
interface Built {
  editionId: string;
  data: unknown;
}

/** The queries answered here, by tRPC path: each an anonymous call with an `EditionYear` input. */
const CACHED_QUERIES: Record<string, (caller: Caller, input: Input) => Promise<Built>> = {
  "schedule.programme": async (caller, input) => {
    const data = await caller.schedule.programme(input);
    return { editionId: data.edition.id, data };
  },
  "edition.byYear": async (caller, input) => {
    const data = await caller.edition.byYear(input);
    return { editionId: data.id, data };
  },
};

type Encoding = keyof PreparedDocument["bodies"];
type EncodedAnswers = { ok: PublicTrpcAnswer; notModified: PublicTrpcAnswer };

/** One form of an answer (alone, or a batch of one): its bytes, and what is sent per encoding. */
interface Form {
  document: PreparedDocument;
  answers: Partial<Record<Encoding, EncodedAnswers>>;
}

/** One serialised answer, as of a second of the clock (the edition's state depends on it). */
interface Version {
  second: number;
  json: string;
  /** Asked alone: `{"result":…}`. */
  single: Form;
  /** Asked in a batch of one (the admin's public pages): `[{"result":…}]`, made on first use. */
  batch?: Promise<Form>;
}

const formOf = async (body: string): Promise<Form> => ({
  document: await prepareDocument(body, CONTENT_TYPE),
  answers: {},
});

/**
 * The latest serialised answer of one query and input, worked out again when the second
 * changes (the procedure reuses an edition's state within the same second, statusNow); its
 * compressed bodies are kept while the JSON stays the same.
 */
class SerialisedAnswer {
  private pending: Promise<Version> | undefined;

  constructor(
    private readonly build: () => Promise<Built>,
    private current: Version,
  ) {}

  at(second: number): Version | Promise<Version> {
    if (this.current.second === second) return this.current;
    this.pending ??= this.build()
      .then(async ({ data }) => {
        const json = serialise(data);
        this.current =
          json === this.current.json
            ? { ...this.current, second }
            : { second, json, single: await formOf(json) };
        return this.current;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

/** tRPC's answer to a single query (no transformer), byte for byte. */
const serialise = (data: unknown) => JSON.stringify({ result: { data } });
const CONTENT_TYPE = "application/json";
/** tRPC's own Vary, and the encoding negotiated here. */
const VARY = "trpc-accept, accept, Accept-Encoding";

export interface PublicTrpcRequest {
  method: string;
  /** The tRPC path (`schedule.programme`; a batch names several, with commas). */
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Whether the request carries a session cookie. */
  signedIn: boolean;
}

export interface PublicTrpcAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * The answers of the public cached queries; `answer(request)` gives null for any request that
 * must go through tRPC.
 */
export function publicTrpcAnswers({
  caller,
  publicCache,
  now = Date.now,
}: {
  /** tRPC as an anonymous reader calls it, on the server's public cache. */
  caller: Caller;
  publicCache: PublicCache;
  now?: () => number;
}) {
  /**
   * Queries that failed (an unknown year…), by key, with the second they failed in: within that
   * second they go straight to tRPC, so that a burst of them costs one procedure call each, not
   * two (ours, then tRPC's). Bounded: a flood of distinct years cannot grow it.
   */
  const failedAt = new Map<string, number>();
  const FAILURES_KEPT = 1024;

  async function serialised(path: string, year: number): Promise<Version | null> {
    const query = CACHED_QUERIES[path];
    if (!query) return null;
    const build = () => query(caller, { year });
    const key = `trpc ${path} ${year}`;
    const second = Math.floor(now() / 1000);
    if (failedAt.get(key) === second) return null;
    try {
      const answer = await publicCache.get(key, async () => {
        const { editionId, data } = await build();
        const json = serialise(data);
        const first = { second, json, single: await formOf(json) };
        return { editionId, value: new SerialisedAnswer(build, first) };
      });
      return await answer.at(second);
    } catch {
      // An unknown edition, a lost database…: tRPC says so, in its own words.
      if (failedAt.size >= FAILURES_KEPT) failedAt.clear();
      failedAt.set(key, second);
      return null;
    }
  }

  return async function answer(request: PublicTrpcRequest): Promise<PublicTrpcAnswer | null> {
    const { method, path, query, headers } = request;
    if (method !== "GET" || request.signedIn || !(path in CACHED_QUERIES)) return null;
    // A streaming (jsonl) call: tRPC's.
    if (headers["trpc-accept"] !== undefined) return null;
    if (String(headers.accept ?? "").includes("application/jsonl")) return null;
    // Alone, or in a batch of one (tRPC's `batch=1`: its input is `{"0": …}`).
    const batch = query.batch === "1";
    if (query.batch !== undefined && !batch) return null;
    if (typeof query.input !== "string") return null;
    let input: ReturnType<typeof EditionYear.safeParse>;
    try {
      const sent: unknown = JSON.parse(query.input);
      if (batch && (typeof sent !== "object" || sent === null || Array.isArray(sent))) return null;
      input = EditionYear.safeParse(batch ? (sent as Record<string, unknown>)[0] : sent);
    } catch {
      return null;
    }
    if (!input.success) return null;
    const version = await serialised(path, input.data.year);
    if (!version) return null;
    let form = version.single;
    if (batch) {
      version.batch ??= formOf(`[${version.json}]`);
      form = await version.batch;
    }
    const ifNoneMatch = headers["if-none-match"];
    const acceptEncoding = headers["accept-encoding"];
    const { document } = form;
    const encoding = negotiateEncoding(
      typeof acceptEncoding === "string" ? acceptEncoding : undefined,
      Object.keys(document.bodies) as Encoding[],
    );
    let answers = form.answers[encoding];
    if (!answers) {
      answers = encodedAnswers(document, encoding);
      form.answers[encoding] = answers;
    }
    const unchanged = typeof ifNoneMatch === "string" && matchesVersion(ifNoneMatch, document.hash);
    return unchanged ? answers.notModified : answers.ok;
  };
}

/** The answers for a version in one encoding: the same objects for every request (read only). */
function encodedAnswers(document: PreparedDocument, encoding: Encoding): EncodedAnswers {
  const common = { ETag: etagOf(document.hash, encoding), Vary: VARY };
  const body = document.bodies[encoding] ?? document.bodies.identity;
  const headers: Record<string, string> = { ...common, "Content-Type": CONTENT_TYPE };
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  headers["Content-Length"] = String(body.byteLength);
  return {
    ok: { status: 200, headers, body } as const,
    notModified: { status: 304, headers: common, body: null } as const,
  };
}
