import { LoginInput, LogoutResult, Me } from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { SESSION_ABSOLUTE_SECONDS } from "../auth/tokens";
import { logIn } from "../services/auth/logIn";
import { logOut } from "../services/auth/logOut";
import { whoAmI } from "../services/auth/me";
import { publicProcedure } from "../trpc";

export const authRouter = {
  /** Opens a login session and sets its cookie; the caller's previous session is revoked. */
  login: publicProcedure
    .input(LoginInput)
    .output(Me)
    .mutation(async ({ ctx, input }) => {
      const { me, token } = await logIn(ctx, input, {
        clientIp: ctx.clientIp,
        previousToken: ctx.cookies.token,
      });
      ctx.cookies.issue(token, SESSION_ABSOLUTE_SECONDS);
      return me;
    }),

  logout: publicProcedure.output(LogoutResult).mutation(async ({ ctx }) => {
    const done = await logOut(ctx, ctx.cookies.token);
    ctx.cookies.clear();
    return done;
  }),

  /** Who is signed in, or null: the front ends ask this first. */
  me: publicProcedure.output(Me.nullable()).query(({ ctx }) => whoAmI(ctx)),
} satisfies TRPCRouterRecord;
