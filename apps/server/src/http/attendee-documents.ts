import type { Context } from "@tribune/api";
import { attendeeCalendarFile, createCaller } from "@tribune/api";
import { isDatabaseUnavailable } from "@tribune/db";
import { DomainError, IsoDate } from "@tribune/domain/kernel";
import { ROUTE_YEAR, ROUTES } from "@tribune/domain/routes";
import { BadgeFormat } from "@tribune/domain/union";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  PressKitBusyError,
  type PressKitRenderer,
  PressKitTimeoutError,
  type RenderedPdf,
  type RenderTicket,
} from "../press-kit/renderer";
import { sendError, statusOfEditionError } from "./errors";
import { sendDatabaseUnavailable } from "./unavailable";

interface AttendeeDocumentOptions {
  /** The request's tRPC context: its actor from the session cookie, as /trpc resolves it. */
  contextOf: (req: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  renderer: () => PressKitRenderer;
  log: (message: string, error?: unknown) => void;
  /** The server's public address, which the calendar's links start with. */
  publicUrl?: string | undefined;
}

const BUSY =
  "Beaucoup de documents sont en cours de génération : réessayez dans quelques secondes.";
const TIMEOUT = "La génération du document a pris trop de temps : réessayez dans un instant.";
const NOT_FOUND = "Document introuvable.";

type Query = Record<string, string | undefined>;

/**
 * The attendees' PDFs (issue 15), rendered in the press-kit worker's queue: the attendee's
 * badge and certificate (with the token of their space, `?jeton=`), the organisers' badge
 * sheets and certificates (session cookie; the procedures check the roles and audit). The
 * model comes from the `attendee` procedures; a refusal is answered with its French message.
 */
export function attendeeDocumentRoutes(app: FastifyInstance, options: AttendeeDocumentOptions) {
  const pdfRoute =
    (
      fileName: (req: FastifyRequest) => string,
      render: (
        caller: ReturnType<typeof createCaller>,
        ticket: RenderTicket,
        req: FastifyRequest,
      ) => Promise<RenderedPdf>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const { year } = req.params as { year?: string };
      if (year !== undefined && !ROUTE_YEAR.test(year)) return sendError(reply, 404, NOT_FOUND);
      let ticket: RenderTicket | null = null;
      try {
        const caller = createCaller(await options.contextOf(req, reply));
        ticket = options.renderer().reserve();
        const { pdf } = await render(caller, ticket, req);
        ticket = null;
        return reply
          .headers({
            "Content-Type": "application/pdf",
            "Content-Disposition": `attachment; filename="${fileName(req)}"`,
            "Cache-Control": "no-store",
          })
          .send(pdf);
      } catch (error) {
        return sendFailure(reply, error, options.log, req.url.split("?")[0] ?? "");
      } finally {
        ticket?.release();
      }
    };

  const token = (req: FastifyRequest) => (req.query as Query).jeton ?? "";

  // The attendee's own calendar feed: the common sessions and their confirmed workshops.
  app.get(ROUTES.attendeeCalendarIcs, async (req, reply) => {
    try {
      const ics = await attendeeCalendarFile(await options.contextOf(req, reply), {
        token: token(req),
        baseUrl: options.publicUrl ?? "http://localhost:3000",
      });
      return reply
        .headers({
          "Content-Type": "text/calendar; charset=utf-8",
          "Content-Disposition": 'inline; filename="mon-programme.ics"',
          "Cache-Control": "private, no-store",
        })
        .send(ics);
    } catch (error) {
      // A forged or expired token: said in French, as on the page.
      if (error instanceof DomainError) return sendError(reply, 401, error.message);
      return sendFailure(reply, error, options.log, ROUTES.attendeeCalendarIcs);
    }
  });
  app.get(
    ROUTES.attendeeBadgePdf,
    pdfRoute(
      () => "badge.pdf",
      async (caller, ticket, req) =>
        ticket.renderBadges(await caller.attendee.badge({ token: token(req) })),
    ),
  );
  app.get(
    ROUTES.attendeeCertificatePdf,
    pdfRoute(
      () => "attestation-de-presence.pdf",
      async (caller, ticket, req) =>
        ticket.renderCertificates(await caller.attendee.certificate({ token: token(req) })),
    ),
  );

  const year = (req: FastifyRequest) => (req.params as { year: string }).year;
  app.get(
    ROUTES.badgesPdf.pattern,
    pdfRoute(
      (req) => `badges-${year(req)}.pdf`,
      async (caller, ticket, req) => {
        const query = req.query as Query;
        const format = BadgeFormat.safeParse(query.format ?? "a6");
        const since = query.depuis ? IsoDate.safeParse(query.depuis) : null;
        return ticket.renderBadges(
          await caller.attendee.badges({
            year: Number(year(req)),
            format: format.success ? format.data : "a6",
            ...(query.subdivision && { subdivisionId: query.subdivision }),
            ...(since?.success && { registeredSince: since.data }),
          }),
        );
      },
    ),
  );
  app.get(
    ROUTES.certificatesPdf.pattern,
    pdfRoute(
      (req) => `attestations-de-presence-${year(req)}.pdf`,
      async (caller, ticket, req) =>
        ticket.renderCertificates(await caller.attendee.certificates({ year: Number(year(req)) })),
    ),
  );
}

/** 503 while busy, slow or the database is lost; a refusal's own status and French message. */
function sendFailure(
  reply: FastifyReply,
  error: unknown,
  log: (message: string, error?: unknown) => void,
  what: string,
) {
  if (error instanceof PressKitBusyError) {
    reply.header("Retry-After", String(error.retryAfterSeconds));
    return sendError(reply, 503, BUSY, "busy");
  }
  if (error instanceof PressKitTimeoutError) {
    log(`${what} render timed out`, error);
    reply.header("Retry-After", "5");
    return sendError(reply, 503, TIMEOUT, "timeout");
  }
  if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(reply);
  const status = statusOfEditionError(error);
  if (status >= 500) {
    log(`${what} failed`, error);
    return sendError(reply, 500, "Erreur interne du serveur.");
  }
  // The domain's refusals say why in French; a malformed query string names nothing to print.
  if ((error as Error).cause instanceof DomainError)
    return sendError(
      reply,
      getHTTPStatusCodeFromError(error as Parameters<typeof getHTTPStatusCodeFromError>[0]),
      (error as Error).message,
    );
  return sendError(
    reply,
    status === 400 ? 404 : status,
    status === 400 ? NOT_FOUND : (error as Error).message,
  );
}
