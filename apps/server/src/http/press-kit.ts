import type { IncomingMessage, ServerResponse } from "node:http";
import { createCaller, resolveActor } from "@tribune/api";
import type { Database } from "@tribune/db";
import type { PressKitRenderer } from "../press-kit/renderer";
import { cookieJar } from "./cookies";

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

/**
 * GET /api/editions/:year/press-kit.pdf — for press, bureau and admin. The caller is resolved
 * from the session cookie as tRPC requests are, `pressKit.model` applies the roles, and the PDF
 * is rendered in the renderer's worker thread, off the request path.
 */
export function pressKitRoute({ db, secure, renderer, log }: PressKitRouteOptions) {
  return async (year: number, req: IncomingMessage, res: ServerResponse) => {
    // `?apercu` asks for the same PDF shown in the page (the admin's preview), not downloaded.
    const inline = new URL(req.url ?? "/", "http://localhost").searchParams.has("apercu");
    const cookies = cookieJar(req, res, secure);
    try {
      const actor = await resolveActor(db, cookies.token);
      const caller = createCaller({
        db,
        actor,
        clientIp: req.socket.remoteAddress ?? "unknown",
        cookies,
      });
      const model = await caller.pressKit.model({ year });
      const { pdf } = await renderer().render(model);
      res.writeHead(200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="dossier-de-presse-${year}.pdf"`,
        "Content-Length": pdf.byteLength,
        "Cache-Control": "no-store",
      });
      res.end(pdf);
    } catch (error) {
      const status = STATUS_OF[(error as { code?: string }).code ?? ""] ?? 500;
      if (status === 500) log("press-kit.pdf failed", error);
      sendError(res, status, MESSAGE_OF[status]?.(year) ?? "Erreur interne du serveur.");
    }
  };
}
