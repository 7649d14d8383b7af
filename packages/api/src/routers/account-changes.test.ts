import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { createAccount } from "../accounts";
import { SYSTEM } from "../audit";
import { disableAccount } from "../services/accounts/disable-account";
import { systemContext } from "../services/kit";
import { freshEmail, PASSWORD, rejection, useSeededApi } from "../test-support";

describe.each(testBackends())("account changes by an administrator on %s", (backend) => {
  const api = useSeededApi(backend);

  /**
   * A new account of `role`, signed in: its address, and its browser — `next()` is its next
   * request with the same session cookie (the session is resolved again, as over HTTP).
   */
  async function signedIn(role: "organiser" | "admin" | "press" = "organiser") {
    const email = freshEmail(role);
    await createAccount(api.db, { email, role, password: PASSWORD }, SYSTEM);
    const { token } = await api.logIn(email);
    return { email, next: () => api.callerWithToken(token) };
  }

  it("disables an account: its open session ends at once; enabled, it signs in again", async () => {
    const admin = await api.callerAs("admin");
    const { email, next } = await signedIn();
    expect((await (await next()).auth.me())?.email).toBe(email);

    await admin.account.disable({ email });
    expect(await (await next()).auth.me()).toBeNull();
    expect((await admin.account.list()).find((a) => a.email === email)?.disabled).toBe(true);
    expect((await rejection(api.logIn(email))).message).toBe(
      "Adresse e-mail ou mot de passe incorrect.",
    );

    await admin.account.enable({ email });
    await expect(api.logIn(email)).resolves.toMatchObject({ me: { email } });
    const entries = await listAudit(api.db, { entity: "user", limit: 50 });
    const mine = entries.filter((e) => e.after && JSON.stringify(e.after).includes("disabled"));
    expect(mine.map((e) => e.action).slice(0, 2)).toEqual(["enable", "disable"]);
  });

  it("changes a role: the open session acts with the new one from its next request", async () => {
    const admin = await api.callerAs("admin");
    const { email, next } = await signedIn("organiser");
    expect((await (await next()).auth.me())?.role).toBe("organiser");

    await admin.account.setRole({ email, role: "press" });
    const caller = await next();
    expect((await caller.auth.me())?.role).toBe("press");
    // The audit log, open to organisers, is closed to the press.
    expect((await rejection(caller.audit.list({}))).data.code).toBe("FORBIDDEN");
  });

  it("refuses a representative without subdivision, in French", async () => {
    const admin = await api.callerAs("admin");
    const { email } = await signedIn();
    const refused = await rejection(admin.account.setRole({ email, role: "representative" }));
    expect(refused.message).toBe(
      "Un·e représentant·e doit être rattaché·e à une subdivision existante.",
    );
  });

  it("never lets administrators lock themselves out, nor remove the last one", async () => {
    const { email: self, next } = await signedIn("admin");
    const admin = await next();
    const own = await rejection(admin.account.disable({ email: self }));
    expect(own.data.code).toBe("FORBIDDEN");
    expect(own.message).toMatch(/^Vous ne pouvez ni désactiver votre propre compte/);
    expect(
      (await rejection(admin.account.setRole({ email: self, role: "bureau" }))).data.code,
    ).toBe("FORBIDDEN");

    // From the command line (no actor): every other administrator disabled, the last one stays.
    const ctx = systemContext(api.db, api.events);
    const admins = (await admin.account.list()).filter((a) => a.role === "admin" && !a.disabled);
    for (const other of admins.filter((a) => a.email !== self))
      await disableAccount(ctx, { email: other.email });
    await expect(disableAccount(ctx, { email: self })).rejects.toThrow(
      "C'est le dernier compte d'administration actif : nommez d'abord un·e autre administrateur·rice.",
    );
    expect((await (await next()).auth.me())?.role).toBe("admin");
  });

  it("is for administrators only", async () => {
    const organiser = await api.callerAs("organiser");
    const { email } = await signedIn("press");
    expect((await rejection(organiser.account.disable({ email }))).data.code).toBe("FORBIDDEN");
    expect((await rejection(organiser.account.setRole({ email, role: "admin" }))).data.code).toBe(
      "FORBIDDEN",
    );
  });
});
