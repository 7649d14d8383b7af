import type { IncomingMessage, ServerResponse } from "node:http";
import { createCaller, resolveActor } from "@tribune/api";
import { type Database, isDatabaseUnavailable } from "@tribune/db";
import { PRESS_KIT_READERS } from "@tribune/domain";
import {
  PressKitBusyError,
  type PressKitRenderer,
  PressKitTimeoutError,
  type RenderTicket,
} from "../press-kit/renderer";
import { cookieJar } from "./cookies";
import { sendDatabaseUnavailable } from "./unavailable";

const STATUS_OF: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 404,
};
const MESSAGE_OF: Record<number, (year: number) => string> = {
  401: () => "Connectez-vous pour télécharger le dossier de presse.",
  403: () => "Votre rôle ne permet pas de télécharger le dossier de presse.",
  404: (year) => `Aucune édition ${year}.`,
};

interface PressKitRouteOptions {
  db: Database;
  secure: boolean;
  renderer: () => PressKitRenderer;
  log: (message: string, error?: unknown) => void;
}

function sendError(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(JSON.stringify({ error: message }));
}

export const PRESS_KIT_BUSY_MESSAGE =
  "Le dossier de presse est déjà en cours de génération pour d'autres demandes : réessayez dans quelques secondes.";
export const PRESS_KIT_TIMEOUT_MESSAGE =
  "La génération du dossier de presse a pris trop de temps : réessayez dans un instant.";
/** After a timeout the worker is restarted: a retry a few seconds later finds it ready. */
const TIMEOUT_RETRY_AFTER_SECONDS = 5;

/** 503 with a stable code: the renderer is full, or one render took too long. */
function sendUnavailable(
  res: ServerResponse,
  code: "busy" | "timeout",
  message: string,
  retryAfterSeconds: number,
) {
  res.writeHead(503, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(retryAfterSeconds),
  });
  res.end(JSON.stringify({ error: message, code }));
}

/**
 * GET /api/editions/:year/press-kit.pdf — for press, bureau and admin. The caller is resolved
 * from the session cookie as tRPC requests are, `pressKit.model` applies the roles, and the PDF
 * is rendered in the renderer's worker thread, off the request path. A reader takes a place in
 * the renderer's bounded queue before the model is even built: when every place is taken the
 * answer is an immediate 503 `busy` with Retry-After, not a wait behind dozens of renders.
 */
export function pressKitRoute({ db, secure, renderer, log }: PressKitRouteOptions) {
  return async (year: number, req: IncomingMessage, res: ServerResponse) => {
    // `?apercu` asks for the same PDF shown in the page (the admin's preview), not downloaded.
    const inline = new URL(req.url ?? "/", "http://localhost").searchParams.has("apercu");
    const cookies = cookieJar(req, res, secure);
    let ticket: RenderTicket | null = null;
    try {
      const actor = await resolveActor(db, cookies.token);
      const caller = createCaller({
        db,
        actor,
        clientIp: req.socket.remoteAddress ?? "unknown",
        cookies,
      });
      // Members and strangers get their 401/403 from the model, without taking a place.
      if (actor && PRESS_KIT_READERS.includes(actor.role)) ticket = renderer().reserve();
      const model = await caller.pressKit.model({ year });
      const { pdf } = await (ticket ?? renderer().reserve()).render(model);
      res.writeHead(200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="dossier-de-presse-${year}.pdf"`,
        "Content-Length": pdf.byteLength,
        "Cache-Control": "no-store",
      });
      res.end(pdf);
    } catch (error) {
      if (error instanceof PressKitBusyError)
        return sendUnavailable(res, "busy", PRESS_KIT_BUSY_MESSAGE, error.retryAfterSeconds);
      if (error instanceof PressKitTimeoutError) {
        log("press-kit.pdf render timed out", error);
        return sendUnavailable(
          res,
          "timeout",
          PRESS_KIT_TIMEOUT_MESSAGE,
          TIMEOUT_RETRY_AFTER_SECONDS,
        );
      }
      if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(res);
      const status = STATUS_OF[(error as { code?: string }).code ?? ""] ?? 500;
      if (status === 500) log("press-kit.pdf failed", error);
      sendError(res, status, MESSAGE_OF[status]?.(year) ?? "Erreur interne du serveur.");
    } finally {
      ticket?.release();
    }
  };
}
