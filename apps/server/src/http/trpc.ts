import {
  appRouter,
  asDatabaseUnavailable,
  type Context,
  createCaller,
  DATABASE_RETRY_AFTER_SECONDS,
  type InvitationMailer,
  type PublicCache,
  type PublicRateLimits,
  resolveActor,
} from "@tribune/api";
import type { OpenDatabase } from "@tribune/db";
import { ROUTES, TRPC_MAX_BATCH_SIZE } from "@tribune/domain/routes";
import { MAX_SURVEY_IMPORT_BYTES } from "@tribune/domain/surveys";
import { fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { clientAddress } from "./client-address";
import { cookieJar, sessionToken } from "./cookies";
import { publicTrpcAnswers } from "./public-trpc";

export const MAX_BATCH_SIZE = TRPC_MAX_BATCH_SIZE;
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Files imported from other tools travel in one request, called alone (not batched): these
 * procedures take a whole survey export. JSON may double a CSV's size (quotes, line ends).
 */
const IMPORT_PROCEDURES = ["survey.import", "member.importCsv", "schedule.import"];
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_SURVEY_IMPORT_BYTES + 64 * 1024;

interface TrpcRoutesOptions {
  database: OpenDatabase;
  publicCache: PublicCache;
  secure: boolean;
  log: (message: string, error?: unknown) => void;
  rateLimits: PublicRateLimits | null;
  proxyHops: number;
  /** TRIBUNE_PUBLIC_URL: the services put it in the links of the e-mails they queue. */
  publicUrl?: string;
  /** Sends survey invitations (over SMTP only); left out, none can start. */
  invitationMailer?: InvitationMailer;
}

/**
 * tRPC under /trpc through its official Fastify adapter (`fastifyRequestHandler`: the same
 * request handling as its plugin, registered here so that the import procedures get a larger
 * body limit than the rest). Bodies reach tRPC as text, whatever their type: tRPC parses them.
 */
export async function trpcRoutes(
  app: FastifyInstance,
  {
    database,
    publicCache,
    secure,
    log,
    rateLimits,
    proxyHops,
    publicUrl,
    invitationMailer,
  }: TrpcRoutesOptions,
) {
  const { db, events } = database;

  /** The request's context: its actor from the session cookie, no database work without one. */
  async function contextOf(req: FastifyRequest, reply: FastifyReply): Promise<Context> {
    const cookies = cookieJar(req, reply, secure);
    // Outside any procedure, so mapped here: a lost connection is a 503, not a 500.
    const actor = cookies.token
      ? await resolveActor(db, cookies.token, events).catch((error: unknown) => {
          throw asDatabaseUnavailable(error);
        })
      : null;
    return {
      db,
      cookies,
      clientIp: clientAddress(req.raw, proxyHops),
      actor,
      events,
      publicCache,
      ...(rateLimits ? { rateLimits } : {}),
      ...(publicUrl ? { publicUrl } : {}),
      ...(invitationMailer ? { invitationMailer } : {}),
    };
  }

  // Anonymous GETs of the public cached reads: their serialised answer (public-trpc.ts).
  const publicAnswer = publicTrpcAnswers({
    caller: createCaller({
      db,
      actor: null,
      events,
      publicCache,
      clientIp: "",
      cookies: { token: null, issue() {}, clear() {} },
    }),
    publicCache,
  });

  const handle = async (req: FastifyRequest<{ Params: { path: string } }>, reply: FastifyReply) => {
    const cached = await publicAnswer({
      method: req.method,
      path: req.params.path,
      query: req.query as Record<string, unknown>,
      headers: req.headers,
      signedIn: sessionToken(req, secure) !== null,
    });
    if (cached)
      return reply
        .code(cached.status)
        .headers(cached.headers)
        .send(cached.body ?? undefined);
    return fastifyRequestHandler({
      router: appRouter,
      req,
      res: reply,
      path: req.params.path,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }) => contextOf(req, res),
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
  };

  await app.register(async (trpc) => {
    trpc.removeAllContentTypeParsers();
    trpc.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
    // Answers compressed as the client asks (@fastify/compress); live streams never are.
    const route = { bodyLimit: MAX_BODY_BYTES } as const;
    trpc.all(`${ROUTES.trpc}/:path`, route, handle);
    for (const procedure of IMPORT_PROCEDURES)
      trpc.post(
        `${ROUTES.trpc}/${procedure}`,
        { ...route, bodyLimit: MAX_IMPORT_BODY_BYTES },
        (req, reply) => handle(Object.assign(req, { params: { path: procedure } }), reply),
      );
  });
  return { contextOf };
}
