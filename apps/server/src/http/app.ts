import type { IncomingMessage, ServerResponse } from "node:http";
import {
  appRouter,
  asDatabaseUnavailable,
  type Context,
  createCaller,
  createPublicCache,
  createPublicRateLimits,
  DATABASE_RETRY_AFTER_SECONDS,
  type PublicRateLimits,
  resolveActor,
} from "@tribune/api";
import { isDatabaseUnavailable, type OpenDatabase } from "@tribune/db";
import { MAX_SURVEY_IMPORT_BYTES } from "@tribune/domain";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { PressKitRenderer } from "../press-kit/renderer";
import { cookieJar } from "./cookies";
import { isForeignOrigin } from "./origin";
import { pressKitRoute } from "./press-kit";
import { answerFor, PUBLIC_FORMATS, type PublicFormat, preparedDocument } from "./public-formats";
import { setSecurityHeaders } from "./security-headers";
import { serveStatic } from "./static";
import { sendDatabaseUnavailable } from "./unavailable";

export const MAX_BATCH_SIZE = 10;
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Files imported from other tools travel in one request, called alone (not batched): these
 * procedures take a whole survey export. JSON may double a CSV's size (quotes, line ends).
 */
const IMPORT_PATHS = new Set(["/trpc/survey.import", "/trpc/member.importCsv"]);
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_SURVEY_IMPORT_BYTES + 64 * 1024;

export interface AppOptions {
  database: OpenDatabase;
  publicUrl?: string;
  /** Folder of the built web admin, served at /. */
  adminDir?: string;
  log?: (message: string, error?: unknown) => void;
  /** Renders press-kit PDFs in a worker thread; one is started on the first download if not given. */
  pressKitRenderer?: PressKitRenderer;
  /** Allowances of the public procedures per address (default: the standard ones); null: none. */
  rateLimits?: PublicRateLimits | null;
  /** How many reverse proxies of ours stand in front (TRIBUNE_PROXY_HOPS); 0: none. */
  proxyHops?: number;
}

/**
 * The client's address for rate limits. Behind `proxyHops` reverse proxies, each appends the
 * address it received from to X-Forwarded-For: counting from the right skips our own proxies,
 * and whatever a client wrote on the left of the header is never trusted.
 */
export function clientAddress(req: IncomingMessage, proxyHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (proxyHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - proxyHops)] ?? peer;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-cache",
  });
  res.end(JSON.stringify(body));
}

/** /healthz answers within this, database or not: a health check must not hang. */
const HEALTH_TIMEOUT_MS = 3000;

/** The whole HTTP surface: tRPC, health, the public programme.json and the admin app. */
export function createApp({
  database,
  publicUrl,
  adminDir,
  log = console.error,
  pressKitRenderer,
  rateLimits = createPublicRateLimits(),
  proxyHops = 0,
}: AppOptions) {
  const secure = publicUrl?.startsWith("https://") ?? false;
  const db = database.db;
  let renderer = pressKitRenderer;
  const pressKitPdf = pressKitRoute({
    db,
    secure,
    log,
    renderer: () => (renderer ??= new PressKitRenderer()),
  });

  const publicCache = createPublicCache();
  publicCache.listen(database.events).catch((error: unknown) => log("public cache", error));
  const anonymous = { db, actor: null, events: database.events, publicCache };
  const publicContext = {
    ...anonymous,
    caller: createCaller({
      ...anonymous,
      clientIp: "",
      cookies: { token: null, issue() {}, clear() {} },
    }),
  };
  const publicPaths = PUBLIC_FORMATS.map((format) => ({
    format,
    path: new RegExp(
      `^${format.route.pattern.replaceAll(".", "\\.").replace(":year", "(\\d{4})")}$`,
    ),
  }));

  const trpcHandler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: "/trpc/",
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize,
      async createContext({ req, res }): Promise<Context> {
        const cookies = cookieJar(req, res, secure);
        // Outside any procedure, so mapped here: a lost connection is a 503, not a 500.
        const actor = await resolveActor(db, cookies.token).catch((error: unknown) => {
          throw asDatabaseUnavailable(error);
        });
        return {
          db,
          cookies,
          clientIp: clientAddress(req, proxyHops),
          actor,
          events: database.events,
          rateLimits: rateLimits ?? undefined,
          publicCache,
        };
      },
      responseMeta({ errors }) {
        return errors.some((e) => e.code === "SERVICE_UNAVAILABLE")
          ? { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } }
          : {};
      },
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          log(`tRPC ${path ?? "?"} failed`, error.cause ?? error);
      },
    });
  const trpc = trpcHandler(MAX_BODY_BYTES);
  const trpcImports = trpcHandler(MAX_IMPORT_BODY_BYTES);

  /** A public document: from the cache, or built once for everyone asking meanwhile. */
  async function publicDocument(
    format: PublicFormat,
    year: number,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    try {
      const document = await preparedDocument(publicContext, format, year);
      const answer = answerFor(format, year, document, {
        ifNoneMatch: req.headers["if-none-match"],
        acceptEncoding: req.headers["accept-encoding"],
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(res);
      // A year out of the accepted range (BAD_REQUEST) names no edition either.
      const code = (error as { code?: string }).code;
      const notFound = code === "NOT_FOUND" || code === "BAD_REQUEST";
      if (!notFound) log(`${format.route.pattern} failed`, error);
      sendJson(res, notFound ? 404 : 500, {
        error: notFound ? `Aucune édition ${year}.` : "Erreur interne du serveur.",
      });
    }
  }

  /** 200 while the database answers `select 1`; 503 `database_unavailable` while it does not. */
  async function health(res: ServerResponse) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("ping timed out")), HEALTH_TIMEOUT_MS);
        }),
      ]);
      sendJson(res, 200, { status: "ok", database: database.kind });
    } catch {
      sendDatabaseUnavailable(res, { status: "unavailable", database: database.kind });
    } finally {
      clearTimeout(timer);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return sendJson(res, 400, { error: "Requête invalide." }); // e.g. "GET http://[zz/"
    }
    if (isForeignOrigin(req, publicUrl)) {
      return sendJson(res, 403, { error: "Origine refusée.", code: "foreign_origin" });
    }
    if (IMPORT_PATHS.has(url.pathname)) return trpcImports(req, res);
    if (url.pathname.startsWith("/trpc/")) return trpc(req, res);
    if (url.pathname === "/healthz") return health(res);
    if (req.method === "GET")
      for (const { format, path } of publicPaths) {
        const found = url.pathname.match(path);
        if (found) return publicDocument(format, Number(found[1]), req, res);
      }
    const pressKit = url.pathname.match(/^\/api\/editions\/(\d{4})\/press-kit\.pdf$/);
    if (pressKit && req.method === "GET") return pressKitPdf(Number(pressKit[1]), req, res);
    if (req.method === "GET" && adminDir && serveStatic(adminDir, url.pathname, res)) return;
    sendJson(res, 404, { error: "Introuvable." });
  }

  // node:http ignores the promise a handler returns: an error escaping it would be an unhandled
  // rejection, which ends the process. Answer 503 if the database was lost, else 500.
  return async function handle(req: IncomingMessage, res: ServerResponse) {
    setSecurityHeaders(req, res, secure);
    try {
      await route(req, res);
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      if (!unavailable) log(`${req.method} ${req.url} failed`, error);
      if (res.headersSent) res.destroy();
      else if (unavailable) sendDatabaseUnavailable(res);
      else sendJson(res, 500, { error: "Erreur interne du serveur." });
    }
  };
}
