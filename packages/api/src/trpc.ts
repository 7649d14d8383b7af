import { isDatabaseUnavailable } from "@tribune/db";
import type { Role } from "@tribune/domain/auth";
import { configureFrenchZodMessages, DomainError } from "@tribune/domain/kernel";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Actor, Context } from "./context";
import {
  ALREADY_EXISTS_MESSAGE,
  databaseUnavailableError,
  describeError,
  isUniqueViolation,
  TRPC_CODE_OF,
} from "./errors";
import type { PublicBucket } from "./rate-limit";

// Validation messages zod words itself (not the schemas) reach users: make them French.
configureFrenchZodMessages();

/** Every procedure says who may call it; a test walks the router to hold us to that. */
export type Access = { public: true } | { roles: readonly Role[] };
export interface Meta {
  access?: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never let tRPC decide from NODE_ENV whether to send stack traces: it must not, ever.
    isDev: false,
    // Subscriptions (live counts) travel as server-sent events: a ping keeps proxies from
    // closing a quiet stream, and the client reconnects when pings stop.
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 40_000 },
    },
    errorFormatter({ shape, error }) {
      const details = describeError(error.code, error.message, error.cause);
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: details.message, data: { ...data, ...details } };
    },
  });

/** tRPC's message when a procedure's result breaks its `.output()` schema: our bug, not the caller's. */
const OUTPUT_VALIDATION_FAILED = "Output validation failed";

/**
 * Turns domain and validation errors thrown by resolvers, duplicates the database refused and
 * lost database connections (503) into the right tRPC codes.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const { cause, code, message } = result.error;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: TRPC_CODE_OF[cause.code], message: cause.message, cause });
    }
    if (
      cause instanceof ZodError &&
      code === "INTERNAL_SERVER_ERROR" &&
      message !== OUTPUT_VALIDATION_FAILED
    ) {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
    }
    if (code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(cause))
      throw databaseUnavailableError(cause);
    if (code === "INTERNAL_SERVER_ERROR" && isUniqueViolation(cause)) {
      const duplicate = new DomainError("already_exists", ALREADY_EXISTS_MESSAGE);
      throw new TRPCError({ code: "CONFLICT", message: duplicate.message, cause: duplicate });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors).meta({ access: { public: true } });

/** A public procedure, each call counted against the caller's address's allowance for `bucket`. */
export const rateLimitedPublicProcedure = (bucket: PublicBucket) =>
  publicProcedure.use(async ({ ctx, next }) => {
    await ctx.rateLimits?.consume(bucket, ctx.clientIp);
    return next();
  });

const UNAUTHENTICATED = "Connectez-vous pour continuer.";
const FORBIDDEN = "Votre rôle ne permet pas cette action.";

/** A procedure open to the given roles only; `ctx.actor` is then guaranteed. */
export function procedureFor(...roles: Role[]) {
  return t.procedure
    .use(mapErrors)
    .meta({ access: { roles } })
    .use(({ ctx, next }) => {
      if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: UNAUTHENTICATED });
      if (!roles.includes(ctx.actor.role))
        throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN });
      return next({ ctx: { ...ctx, actor: ctx.actor as Actor } });
    });
}

/** Open to anyone signed in, whatever the role. */
export const signedInProcedure = procedureFor(
  "admin",
  "organiser",
  "bureau",
  "press",
  "representative",
  "member",
);
