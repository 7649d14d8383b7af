import type { Actor, Context } from "@tribune/api";
import { createCaller } from "@tribune/api";
import { PRESS_KIT_READERS } from "@tribune/domain/auth";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  PressKitBusyError,
  type PressKitRenderer,
  PressKitTimeoutError,
  type RenderTicket,
} from "../press-kit/renderer";
import { sendEditionError, sendError } from "./errors";

/** What each refusal says on this route (the status comes from tRPC's table, errors.ts). */
const MESSAGES = (year: number): Partial<Record<number, string>> => ({
  401: "Connectez-vous pour télécharger le dossier de presse.",
  403: "Votre rôle ne permet pas de télécharger le dossier de presse.",
  404: `Aucune édition ${year}.`,
});

interface PressKitRouteOptions {
  /** The request's tRPC context: its actor from the session cookie, as /trpc resolves it. */
  contextOf: (req: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  renderer: () => PressKitRenderer;
  log: (message: string, error?: unknown) => void;
}

export const PRESS_KIT_BUSY_MESSAGE =
  "Le dossier de presse est déjà en cours de génération pour d'autres demandes : réessayez dans quelques secondes.";
export const PRESS_KIT_TIMEOUT_MESSAGE =
  "La génération du dossier de presse a pris trop de temps : réessayez dans un instant.";
/** After a timeout the worker is restarted: a retry a few seconds later finds it ready. */
const TIMEOUT_RETRY_AFTER_SECONDS = 5;

/**
 * GET /api/editions/:year/press-kit.pdf — for press, bureau and admin. The caller is resolved
 * from the session cookie as tRPC requests are, `pressKit.model` applies the roles, and the PDF
 * is rendered in the renderer's worker thread, off the request path. A reader takes a place in
 * the renderer's bounded queue before the model is even built: when every place is taken the
 * answer is an immediate 503 `busy` with Retry-After, not a wait behind dozens of renders.
 */
export function pressKitRoute({ contextOf, renderer, log }: PressKitRouteOptions) {
  return async (req: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply) => {
    const year = Number(req.params.year);
    // `?apercu` asks for the same PDF shown in the page (the admin's preview), not downloaded.
    const inline = Object.hasOwn(req.query as object, "apercu");
    let ticket: RenderTicket | null = null;
    try {
      const ctx = await contextOf(req, reply);
      const actor: Actor | null = ctx.actor;
      // Members and strangers get their 401/403 from the model, without taking a place.
      if (actor && PRESS_KIT_READERS.includes(actor.role)) ticket = renderer().reserve();
      const model = await createCaller(ctx).pressKit.model({ year });
      const { pdf } = await (ticket ?? renderer().reserve()).render(model);
      return reply
        .headers({
          "Content-Type": "application/pdf",
          "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="dossier-de-presse-${year}.pdf"`,
          "Cache-Control": "no-store",
        })
        .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    } catch (error) {
      if (error instanceof PressKitBusyError)
        return sendUnavailable(reply, "busy", PRESS_KIT_BUSY_MESSAGE, error.retryAfterSeconds);
      if (error instanceof PressKitTimeoutError) {
        log("press-kit.pdf render timed out", error);
        return sendUnavailable(
          reply,
          "timeout",
          PRESS_KIT_TIMEOUT_MESSAGE,
          TIMEOUT_RETRY_AFTER_SECONDS,
        );
      }
      return sendEditionError(reply, error, MESSAGES(year), log, "press-kit.pdf");
    } finally {
      ticket?.release();
    }
  };
}

/** 503 with a stable code: the renderer is full, or one render took too long. */
function sendUnavailable(
  reply: FastifyReply,
  code: "busy" | "timeout",
  message: string,
  retryAfterSeconds: number,
) {
  reply.header("Retry-After", String(retryAfterSeconds));
  return sendError(reply, 503, message, code);
}
