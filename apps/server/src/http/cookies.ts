import type { IncomingMessage, ServerResponse } from "node:http";
import type { CookieJar } from "@tribune/api";

const PLAIN_NAME = "tribune_session";
/** Over HTTPS the __Host- prefix pins the cookie to this host, path / and Secure. */
const HOST_NAME = "__Host-tribune_session";

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return null; // malformed escapes: no session, rather than a 500
    }
  }
  return null;
}

export function cookieJar(req: IncomingMessage, res: ServerResponse, secure: boolean): CookieJar {
  const name = secure ? HOST_NAME : PLAIN_NAME;
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return {
    token: readCookie(req.headers.cookie, name),
    issue: (token, maxAge) =>
      res.appendHeader("Set-Cookie", `${name}=${token}; ${attributes}; Max-Age=${maxAge}`),
    clear: () => res.appendHeader("Set-Cookie", `${name}=; ${attributes}; Max-Age=0`),
  };
}
