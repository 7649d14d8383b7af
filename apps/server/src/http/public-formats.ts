/**
 * The public documents of an edition — what anyone may download without signing in — and
 * how the server serves them: each built once per edition and change, kept in memory
 * (the api's PublicCache: dropped on `programme.changed` from any instance, on `bus.resync`,
 * and rebuilt after a minute at most), compressed once (gzip and brotli), served with a strong
 * ETag (`If-None-Match` → 304) and a short public Cache-Control.
 *
 * HOW TO ADD A FORMAT (iCalendar, schedule.xml, figures.csv…):
 *   1. add its route to `ROUTES` in `packages/domain/src/routes.ts`
 *      (`programmeIcs: editionRoute("programme.ics")`);
 *   2. append an entry to `PUBLIC_FORMATS` below: `route`, `contentType` and
 *      `build(ctx, year)`, which returns the whole document (string or Buffer). Read through
 *      `ctx.caller` (the public tRPC caller: `ctx.caller.schedule.programme({ year })` is
 *      itself cached) or call a service with `ctx` (a ServiceContext, public cache included);
 *      throw as the services do — a missing edition is a 404, a lost database a 503;
 *   3. optionally `filename(year)` for a download name (Content-Disposition: attachment).
 * Nothing else: the server registers every entry, caching and invalidation included.
 * Anything that changes a document's content must publish `programme.changed` for its
 * edition (services do it through `change()`'s effects), or wait for the one-minute refresh.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import {
  type createCaller,
  frabScheduleJson,
  frabScheduleXml,
  openFiguresCsv,
  openFiguresJson,
  type PublicCache,
  printableProgramme,
  programmeCalendar,
  type ServiceContext,
} from "@tribune/api";
import { type EditionRoute, ROUTES } from "@tribune/domain/routes";
import { PressKitRenderer } from "../press-kit/renderer";

export interface PublicFormatContext extends ServiceContext {
  /** tRPC as an anonymous reader sees it, on the server's public cache. */
  caller: ReturnType<typeof createCaller>;
  /** The server's public address (TRIBUNE_PUBLIC_URL), for the absolute links of calendars. */
  publicUrl?: string | undefined;
  /** The press-kit worker, which prints programme.pdf too (one started here if not given). */
  pdfRenderer?: () => PressKitRenderer;
}

export interface PublicFormat {
  route: EditionRoute;
  /** With its charset for text. */
  contentType: string;
  /** The whole document of the edition of `year`. */
  build(ctx: PublicFormatContext, year: number): Promise<string | Buffer>;
  /** Offered for download under this name (Content-Disposition: attachment). */
  filename?(year: number): string;
}

/** programme.json: the published programme for apps (documented in the README). */
const programmeJson: PublicFormat = {
  route: ROUTES.programmeJson,
  contentType: "application/json; charset=utf-8",
  async build({ caller }, year) {
    const { edition, entries, status, inPreparation } = await caller.schedule.programme({ year });
    const { id: _id, ...summary } = edition;
    // `inPreparation`: nothing published yet for a congress to come (« Programme en préparation »).
    return JSON.stringify({
      edition: summary,
      state: status.state,
      inPreparation,
      sessions: entries,
    });
  },
};

/** Absolute links need an address: the configured one, else the local server's. */
const baseUrlOf = (ctx: PublicFormatContext) => ctx.publicUrl ?? "http://localhost";

/** programme.ics: iCalendar (RFC 5545), one event per published session (issue 16). */
const programmeIcs: PublicFormat = {
  route: ROUTES.programmeIcs,
  contentType: "text/calendar; charset=utf-8",
  build: (ctx, year) => programmeCalendar(ctx, { year, baseUrl: baseUrlOf(ctx) }),
};

/** schedule.json and schedule.xml: the frab/c3voc schedule the conference apps read. */
const scheduleJson: PublicFormat = {
  route: ROUTES.scheduleJson,
  contentType: "application/json; charset=utf-8",
  build: (ctx, year) => frabScheduleJson(ctx, { year, baseUrl: baseUrlOf(ctx) }),
};
const scheduleXml: PublicFormat = {
  route: ROUTES.scheduleXml,
  contentType: "application/xml; charset=utf-8",
  build: (ctx, year) => frabScheduleXml(ctx, { year, baseUrl: baseUrlOf(ctx) }),
};

let ownRenderer: PressKitRenderer | undefined;
/** The server's press-kit worker; a context without one (a bare test) gets one of its own. */
function rendererOf(ctx: PublicFormatContext): PressKitRenderer {
  if (ctx.pdfRenderer) return ctx.pdfRenderer();
  ownRenderer ??= new PressKitRenderer();
  return ownRenderer;
}
/** programme.pdf: the printable programme, rendered in the press kit's worker. */
const programmePdf: PublicFormat = {
  route: ROUTES.programmePdf,
  contentType: "application/pdf",
  async build(ctx, year) {
    const model = await printableProgramme(ctx, { year });
    return (await rendererOf(ctx).reserve().renderProgramme(model)).pdf;
  },
};

/** figures.json and figures.csv: published key figures with their provenance (open data). */
const figuresJson: PublicFormat = {
  route: ROUTES.figuresJson,
  contentType: "application/json; charset=utf-8",
  build: (ctx, year) => openFiguresJson(ctx, { year }),
};
const figuresCsv: PublicFormat = {
  route: ROUTES.figuresCsv,
  contentType: "text/csv; charset=utf-8",
  build: (ctx, year) => openFiguresCsv(ctx, { year }),
  filename: (year) => `chiffres-cles-${year}.csv`,
};

/** Every public document of an edition; the server registers them all. */
export const PUBLIC_FORMATS: PublicFormat[] = [
  programmeJson,
  programmeIcs,
  scheduleJson,
  scheduleXml,
  programmePdf,
  figuresJson,
  figuresCsv,
];

/** Browsers and proxies keep a copy this long, then revalidate (304) while serving it. */
export const PUBLIC_MAX_AGE_SECONDS = 60;
export const PUBLIC_STALE_SECONDS = 300;
const CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_STALE_SECONDS}`;

type Encoding = "br" | "gzip" | "identity";

/** A document ready to send: its bytes in every encoding, and its version. */
export interface PreparedDocument {
  /** Content hash: the same document gets the same tag on every instance. */
  hash: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|.*\+xml|.*\+json)|text\/calendar)/;
/** Below this, compressing saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export async function prepareDocument(
  body: string | Buffer,
  contentType: string,
): Promise<PreparedDocument> {
  const identity = typeof body === "string" ? Buffer.from(body) : body;
  const hash = createHash("sha256").update(identity).digest("base64url").slice(0, 27);
  if (!COMPRESSIBLE.test(contentType) || identity.byteLength < MIN_COMPRESS_BYTES)
    return { hash, bodies: { identity } };
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
  ]);
  return { hash, bodies: { identity, gzip: gz, br } };
}

/** Clients send a handful of different Accept-Encoding: each is worked out once (up to this many). */
const NEGOTIATED_KEPT = 256;
const negotiated = new Map<string, Encoding>();

/** The encoding to send: the best the client accepts among what we have (q-values honoured). */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding {
  if (!acceptEncoding) return "identity";
  const key = `${available.join()}|${acceptEncoding}`;
  let encoding = negotiated.get(key);
  if (!encoding) {
    encoding = bestEncoding(acceptEncoding, available);
    if (negotiated.size < NEGOTIATED_KEPT) negotiated.set(key, encoding);
  }
  return encoding;
}

function bestEncoding(acceptEncoding: string, available: readonly Encoding[]): Encoding {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (e: Encoding) => weights.get(e) ?? weights.get("*") ?? 0;
  // Brotli first on a tie: smaller than gzip, as quick to decode.
  const [best] = (["br", "gzip"] as const)
    .filter((e) => available.includes(e) && weightOf(e) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a));
  return best ?? "identity";
}

/** The strong ETag of a version in one encoding (`"hash"`, `"hash-br"`). */
export const etagOf = (hash: string, encoding: Encoding) =>
  `"${hash}${encoding === "identity" ? "" : `-${encoding}`}"`;

/** Whether the client's copy is this version (any encoding of it). */
export function matchesVersion(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((raw) => {
    const tag = raw.trim().replace(/^W\//, "");
    return tag === "*" || tag === `"${hash}"` || tag.startsWith(`"${hash}-`);
  });
}

/** What to answer: status, headers and body (none for 304). */
export interface PublicAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** A document's answers in one encoding: worked out on its first request, then the same objects. */
interface EncodedAnswers {
  ok: PublicAnswer;
  notModified: PublicAnswer;
}
const answersOf = new WeakMap<
  PreparedDocument,
  { format: PublicFormat; year: number } & Partial<Record<Encoding, EncodedAnswers>>
>();

/**
 * The answer for a prepared document, given the request's conditional and encoding headers.
 * Its headers are shared by every request for the same version and encoding: read, not changed.
 */
export function answerFor(
  format: PublicFormat,
  year: number,
  document: PreparedDocument,
  request: { ifNoneMatch?: string | undefined; acceptEncoding?: string | undefined },
): PublicAnswer {
  let answers = answersOf.get(document);
  if (answers?.format !== format || answers.year !== year) {
    answers = { format, year };
    answersOf.set(document, answers);
  }
  const encoding = negotiateEncoding(request.acceptEncoding, availableEncodings(document));
  let encoded = answers[encoding];
  if (!encoded) {
    encoded = encodedAnswers(format, year, document, encoding);
    answers[encoding] = encoded;
  }
  return matchesVersion(request.ifNoneMatch, document.hash) ? encoded.notModified : encoded.ok;
}

const availableEncodings = (document: PreparedDocument) =>
  Object.keys(document.bodies) as Encoding[];

function encodedAnswers(
  format: PublicFormat,
  year: number,
  document: PreparedDocument,
  encoding: Encoding,
): EncodedAnswers {
  const common: Record<string, string> = {
    ETag: etagOf(document.hash, encoding),
    "Cache-Control": CACHE_CONTROL,
    Vary: "Accept-Encoding",
    // Public data, for any site's scripts (the congress's own site reads programme.json).
    "Access-Control-Allow-Origin": "*",
  };
  const headers: Record<string, string> = { ...common, "Content-Type": format.contentType };
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  if (format.filename)
    headers["Content-Disposition"] = `attachment; filename="${format.filename(year)}"`;
  const body = document.bodies[encoding] ?? document.bodies.identity;
  headers["Content-Length"] = String(body.byteLength);
  return {
    ok: { status: 200, headers, body },
    notModified: { status: 304, headers: common, body: null },
  };
}

/**
 * The document of `format` for the edition of `year`, built once per change: the edition is
 * looked up first (an unknown year fails as the services fail: NOT_FOUND), the document built
 * and compressed, and kept in the public cache under the edition.
 */
export function preparedDocument(
  ctx: PublicFormatContext & { publicCache: PublicCache },
  format: PublicFormat,
  year: number,
): Promise<PreparedDocument> {
  return ctx.publicCache.get(`format ${format.route.pattern} ${year}`, async () => {
    const edition = await ctx.caller.edition.byYear({ year });
    const body = await format.build(ctx, year);
    return { editionId: edition.id, value: await prepareDocument(body, format.contentType) };
  });
}
