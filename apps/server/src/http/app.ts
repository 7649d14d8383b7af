import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import {
  createCaller,
  createPublicRateLimits,
  type InvitationMailer,
  listeningPublicCache,
  type PublicRateLimits,
} from "@tribune/api";
import { isDatabaseUnavailable, type OpenDatabase } from "@tribune/db";
import { ROUTES } from "@tribune/domain/routes";
import Fastify, { type FastifyInstance } from "fastify";
import { PressKitRenderer } from "../press-kit/renderer";
import { attendeeDocumentRoutes } from "./attendee-documents";
import { sendEditionError, sendError } from "./errors";
import { isForeignOrigin } from "./origin";
import { pressKitRoute } from "./press-kit";
import {
  answerFor,
  PUBLIC_FORMATS,
  type PublicFormatContext,
  preparedDocument,
} from "./public-formats";
import { securityHeaders } from "./security-headers";
import { trpcRoutes } from "./trpc";
import { sendDatabaseUnavailable } from "./unavailable";

export { clientAddress } from "./client-address";
export { MAX_BATCH_SIZE, MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES } from "./trpc";

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
  /** Sends survey invitations straight over SMTP (mail/invitation-mailer.ts); left out, none. */
  invitationMailer?: InvitationMailer;
}

/** /healthz answers within this, database or not: a health check must not hang. */
const HEALTH_TIMEOUT_MS = 3000;
const NOT_FOUND = "Introuvable.";

/**
 * The whole HTTP surface on Fastify: tRPC (queries, mutations, live streams), /healthz, the
 * public documents of each edition (public-formats.ts), the press-kit PDF and the built admin
 * — every route from `@tribune/domain/routes`, every response with our security headers.
 * Ready to `listen`; closing it stops its public cache too.
 */
export async function createApp({
  database,
  publicUrl,
  adminDir,
  log = console.error,
  pressKitRenderer,
  rateLimits = createPublicRateLimits(),
  proxyHops = 0,
  invitationMailer,
}: AppOptions): Promise<FastifyInstance> {
  const secure = publicUrl?.startsWith("https://") ?? false;
  const db = database.db;
  const publicCache = await listeningPublicCache(database.events);

  const app = Fastify({
    // Node's own parser already refused what is no HTTP; an unparsable target (GET http://[zz/)
    // reaches frameworkErrors below.
    logger: false,
    // The tRPC routes raise it for the import procedures.
    bodyLimit: 1024 * 1024,
    // A batch names its procedures in the path (`/trpc/a,b,c?batch=1`): room for a full one.
    routerOptions: { maxParamLength: 2048 },
    // A path with malformed escapes names no page (404); a target that is no URL at all
    // (`GET http://[zz/`) is a bad request.
    frameworkErrors(error, req, reply) {
      if (error.code === "FST_ERR_BAD_URL" && req.url.startsWith("/"))
        return sendError(reply, 404, NOT_FOUND);
      return sendError(reply, 400, "Requête invalide.");
    },
  });
  app.addHook("onClose", () => publicCache.close());

  // Before any route: the security headers (errors included), then the CSRF check.
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(securityHeaders(req.url, secure));
    if (isForeignOrigin(req.raw, publicUrl)) {
      sendError(reply, 403, "Origine refusée.", "foreign_origin");
      return;
    }
    done();
  });

  await app.register(fastifyCookie);
  // gzip or brotli as the client asks, for what is worth it; the public documents come
  // compressed already (public-formats.ts), the live streams and the PDF are left alone.
  await app.register(fastifyCompress, {
    encodings: ["br", "gzip"],
    threshold: 1024,
    customTypes: /^(text\/(?!event-stream)|application\/json)/,
  });

  const { contextOf } = await trpcRoutes(app, {
    database,
    publicCache,
    secure,
    log,
    rateLimits,
    proxyHops,
    ...(publicUrl ? { publicUrl } : {}),
    ...(invitationMailer ? { invitationMailer } : {}),
  });

  // Public documents of an edition: built once per change, 304 on a matching ETag.
  const anonymous = { db, actor: null, events: database.events, publicCache };
  const publicContext: PublicFormatContext & { publicCache: typeof publicCache } = {
    ...anonymous,
    ...{ publicUrl, pdfRenderer: () => (renderer ??= new PressKitRenderer()) },
    caller: createCaller({
      ...anonymous,
      clientIp: "",
      cookies: { token: null, issue() {}, clear() {} },
    }),
  };
  for (const format of PUBLIC_FORMATS)
    app.get<{ Params: { year: string } }>(
      format.route.pattern,
      // Compressed once, when built (and a GET has no body to decompress).
      { compress: false, decompress: false },
      async (req, reply) => {
        const year = Number(req.params.year);
        if (!/^\d{4}$/.test(req.params.year)) return sendError(reply, 404, NOT_FOUND);
        try {
          const document = await preparedDocument(publicContext, format, year);
          const answer = answerFor(format, year, document, {
            ifNoneMatch: req.headers["if-none-match"],
            acceptEncoding: req.headers["accept-encoding"],
          });
          return reply
            .code(answer.status)
            .headers(answer.headers)
            .send(answer.body ?? undefined);
        } catch (error) {
          return sendEditionError(
            reply,
            error,
            { 404: `Aucune édition ${year}.` },
            log,
            format.route.pattern,
          );
        }
      },
    );

  let renderer = pressKitRenderer;
  const pressKitPdf = pressKitRoute({
    contextOf,
    log,
    renderer: () => (renderer ??= new PressKitRenderer()),
  });
  app.get<{ Params: { year: string } }>(ROUTES.pressKitPdf.pattern, async (req, reply) => {
    if (!/^\d{4}$/.test(req.params.year)) return sendError(reply, 404, NOT_FOUND);
    return pressKitPdf(req, reply);
  });

  // The attendees' badges and certificates, in the same render queue as the press kit.
  attendeeDocumentRoutes(app, {
    contextOf,
    log,
    publicUrl,
    renderer: () => (renderer ??= new PressKitRenderer()),
  });

  /** 200 while the database answers `select 1`; 503 `database_unavailable` while it does not. */
  app.get(ROUTES.health, async (_req, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("ping timed out")), HEALTH_TIMEOUT_MS);
        }),
      ]);
      return reply
        .header("Cache-Control", "no-cache")
        .send({ status: "ok", database: database.kind });
    } catch {
      return sendDatabaseUnavailable(reply, { status: "unavailable", database: database.kind });
    } finally {
      clearTimeout(timer);
    }
  });

  // The built admin: hashed assets cached for good, every other path its index.html (the
  // client-side router takes it).
  const spa = adminDir && existsSync(join(adminDir, "index.html")) ? adminDir : null;
  if (spa)
    await app.register(fastifyStatic, {
      root: spa,
      wildcard: false,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header(
          "Cache-Control",
          path.startsWith(join(spa, "assets")) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  app.setNotFoundHandler((req, reply) => {
    if (spa && (req.method === "GET" || req.method === "HEAD"))
      return reply.header("Cache-Control", "no-cache").sendFile("index.html");
    return sendError(reply, 404, NOT_FOUND);
  });

  // Whatever escaped a route: 503 if the database was lost, else a logged 500 saying nothing;
  // Fastify's own refusals (a body too large: 413) keep their status.
  app.setErrorHandler((error, req, reply) => {
    if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(reply);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return sendError(reply, status, (error as Error).message);
    log(`${req.method} ${req.url} failed`, error);
    return sendError(reply, 500, "Erreur interne du serveur.");
  });

  await app.ready();
  return app;
}
