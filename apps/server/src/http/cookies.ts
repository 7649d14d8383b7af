import type { CookieJar } from "@tribune/api";
import type { FastifyReply, FastifyRequest } from "fastify";

const PLAIN_NAME = "tribune_session";
/** Over HTTPS the __Host- prefix pins the cookie to this host, path / and Secure. */
const HOST_NAME = "__Host-tribune_session";

/** The session token the request's cookie carries, if any. */
export const sessionToken = (req: FastifyRequest, secure: boolean): string | null =>
  req.cookies[secure ? HOST_NAME : PLAIN_NAME] || null;

/**
 * The session cookie: read by @fastify/cookie (a malformed escape gives a token that names no
 * session); written here, attributes in the order clients and tests have always seen.
 */
export function cookieJar(req: FastifyRequest, reply: FastifyReply, secure: boolean): CookieJar {
  const name = secure ? HOST_NAME : PLAIN_NAME;
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return {
    token: sessionToken(req, secure),
    issue: (token, maxAge) =>
      void reply.header("Set-Cookie", `${name}=${token}; ${attributes}; Max-Age=${maxAge}`),
    clear: () => void reply.header("Set-Cookie", `${name}=; ${attributes}; Max-Age=0`),
  };
}
