/** Cookies kept between calls, by name (a session cookie, typically). */
export type CookieJar = Map<string, string>;

/**
 * A fetch that keeps cookies like a browser would: it remembers what the server sets
 * (Set-Cookie, removed again by an empty value or Max-Age=0) and sends them back on every
 * later call. Pass a jar to start from stored cookies or to read them afterwards.
 */
export function cookieFetch(jar: CookieJar = new Map(), base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await base(input, { ...init, headers });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
}
