import { describe, expect, it } from "vitest";
import { cookieFetch } from "./cookies";
import { isUnreachable } from "./network";

describe("cookieFetch", () => {
  it("keeps what the server sets and sends it back, and forgets a cleared cookie", async () => {
    const sent: (string | null)[] = [];
    const replies = [
      new Response("", { headers: { "Set-Cookie": "tribune_session=abc; Path=/; HttpOnly" } }),
      new Response(""),
      new Response("", { headers: { "Set-Cookie": "tribune_session=; Path=/; Max-Age=0" } }),
      new Response(""),
    ];
    const base: typeof fetch = async (_input, init) => {
      sent.push(new Headers(init?.headers).get("Cookie"));
      return replies.shift() as Response;
    };
    const jar = new Map<string, string>();
    const f = cookieFetch(jar, base);
    for (let i = 0; i < 4; i += 1) await f("http://x/");
    expect(sent).toEqual([null, "tribune_session=abc", "tribune_session=abc", null]);
    expect(jar.size).toBe(0);
  });
});

describe("isUnreachable", () => {
  it("sees a refused connection through the causes", () => {
    const error = new Error("wrapped", {
      cause: new TypeError("x", { cause: { code: "ECONNREFUSED" } }),
    });
    expect(isUnreachable(error)).toBe(true);
    expect(isUnreachable(new Error("Mot de passe incorrect"))).toBe(false);
  });
});
