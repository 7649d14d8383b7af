import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { createReauth } from "./reauth";

/** What the tRPC client throws when the server no longer knows the session. */
const expired = () =>
  TRPCClientError.from({
    error: {
      code: -32001,
      message: "Connectez-vous pour continuer.",
      data: { code: "UNAUTHORIZED" },
    },
  });

describe("createReauth", () => {
  it("with a password from the environment, logs in once for simultaneous calls and retries them", async () => {
    const logins: string[] = [];
    const reauth = createReauth({
      email: "bureau@tribune.demo",
      password: "from the environment",
      logIn: async (_email, password) => {
        logins.push(password);
      },
    });
    let signedIn = false;
    const call = async () => {
      if (!signedIn) throw expired();
      return "data";
    };
    const renewing = reauth.onChange((s) => {
      if (s.kind === "ok") signedIn = true;
    });
    expect(await Promise.all([reauth.guard(call), reauth.guard(call)])).toEqual(["data", "data"]);
    expect(logins).toEqual(["from the environment"]);
    expect(reauth.state()).toEqual({ kind: "ok" });
    renewing();
  });

  it("asks on screen when the environment's password is refused, and lets other errors through", async () => {
    const reauth = createReauth({
      email: "bureau@tribune.demo",
      password: "outdated",
      logIn: async (_email, password) => {
        if (password !== "new one") throw new Error("Connexion refusée.");
      },
    });
    const renewed = reauth.renew();
    await new Promise((r) => setTimeout(r, 0));
    expect(reauth.state()).toEqual({
      kind: "expired",
      email: "bureau@tribune.demo",
      error: "Connexion refusée.",
      checking: false,
    });
    await reauth.submit("new one");
    await renewed;
    expect(reauth.state().kind).toBe("ok");
    await expect(reauth.guard(() => Promise.reject(new Error("autre")))).rejects.toThrow("autre");
  });
});
