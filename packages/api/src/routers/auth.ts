import {
  LoginInput,
  LogoutResult,
  Me,
  NewPasswordInput,
  PasswordResetRequest,
  PasswordResetRequested,
  PasswordStrength,
  PasswordStrengthInput,
} from "@tribune/domain/auth";
import type { TRPCRouterRecord } from "@trpc/server";
import { SESSION_ABSOLUTE_SECONDS } from "../auth/tokens";
import type { Context } from "../context";
import { acceptInvitation } from "../services/accounts/accept-invitation";
import { requestPasswordReset } from "../services/accounts/request-password-reset";
import { resetPassword } from "../services/accounts/reset-password";
import { logIn } from "../services/auth/log-in";
import { logOut } from "../services/auth/log-out";
import { whoAmI } from "../services/auth/me";
import { estimatePasswordStrength } from "../services/auth/password-strength";
import { publicProcedure, rateLimitedPublicProcedure } from "../trpc";

/** Signs in with a password just chosen: the same login as the form's, cookie included. */
async function signInAfter(ctx: Context, email: string, password: string) {
  const { me, token } = await logIn(
    ctx,
    { email, password },
    { clientIp: ctx.clientIp, previousToken: ctx.cookies.token },
  );
  ctx.cookies.issue(token, SESSION_ABSOLUTE_SECONDS);
  return me;
}

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

  /** "Mot de passe oublié ?": the same answer for every address; a message only to an account. */
  requestPasswordReset: publicProcedure
    .input(PasswordResetRequest)
    .output(PasswordResetRequested)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input, { clientIp: ctx.clientIp })),

  /** A new password with a reset link: every session of the account ends, this one opens. */
  resetPassword: publicProcedure
    .input(NewPasswordInput)
    .output(Me)
    .mutation(async ({ ctx, input }) => {
      const { email } = await resetPassword(ctx, input);
      return signInAfter(ctx, email, input.password);
    }),

  /** An invitation's first password, then signed in. */
  acceptInvitation: publicProcedure
    .input(NewPasswordInput)
    .output(Me)
    .mutation(async ({ ctx, input }) => {
      const { email } = await acceptInvitation(ctx, input);
      return signInAfter(ctx, email, input.password);
    }),

  /**
   * How strong a password being chosen is, while it is typed (a mutation: a password never
   * travels in a URL).
   */
  passwordStrength: rateLimitedPublicProcedure("strength")
    .input(PasswordStrengthInput)
    .output(PasswordStrength)
    .mutation(({ input }) => estimatePasswordStrength(input)),

  /** Who is signed in, or null: the front ends ask this first. */
  me: publicProcedure.output(Me.nullable()).query(({ ctx }) => whoAmI(ctx)),
} satisfies TRPCRouterRecord;
