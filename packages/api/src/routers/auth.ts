import { LoginInput, Me } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { logIn, logOut } from "../auth/session";
import { SESSION_ABSOLUTE_SECONDS } from "../auth/tokens";
import { publicProcedure } from "../trpc";

export const authRouter = {
  login: publicProcedure
    .input(LoginInput)
    .output(Me)
    .mutation(async ({ ctx, input }) => {
      const { me, token } = await logIn(ctx.db, input, ctx.clientIp, ctx.cookies.token);
      ctx.cookies.issue(token, SESSION_ABSOLUTE_SECONDS);
      return me;
    }),

  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.cookies.token) await logOut(ctx.db, ctx.cookies.token);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** Who is signed in, or null: the front ends ask this first. */
  me: publicProcedure.output(Me.nullable()).query(({ ctx }) => {
    if (!ctx.actor) return null;
    const { authSessionId: _s, ...me } = ctx.actor;
    return me;
  }),
} satisfies TRPCRouterRecord;
