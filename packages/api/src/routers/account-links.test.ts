import { inProcessEventBus } from "@tribune/db";
import { findAccountToken, lockAccountToken } from "@tribune/db/repos/account-tokens";
import { listAudit } from "@tribune/db/repos/audit";
import { findMessageByKey, listMessages } from "@tribune/db/repos/outbox";
import { disableUser } from "@tribune/db/repos/users";
import { testBackends } from "@tribune/db/testing";
import { PASSWORD_RESET_REQUESTED } from "@tribune/domain/auth";
import { describe, expect, it, vi } from "vitest";
import { createAccount } from "../accounts";
import { SYSTEM } from "../audit";
import { resolveActor } from "../auth/session";
import { MAX_RESET_REQUESTS_PER_ACCOUNT, MAX_RESET_REQUESTS_PER_ADDRESS } from "../auth/throttle";
import { hashSessionToken } from "../auth/tokens";
import { createCaller } from "../root";
import { issueResetLink } from "../services/accounts/issue-reset-link";
import { settlePasswordResets } from "../services/accounts/request-password-reset";
import { resetPassword } from "../services/accounts/reset-password";
import { systemContext } from "../services/kit";
import { bodyOfStoredMessage } from "../services/mail/render";
import {
  FakeCookieJar,
  freshAddress,
  freshEmail,
  PASSWORD,
  rejection,
  useSeededApi,
} from "../test-support";

const NEW_PASSWORD = "cheval agrafe pile correcte";
const UNUSABLE =
  "Ce lien n'est pas ou plus valable (il sert une seule fois, pendant une durée limitée). Demandez-en un nouveau.";

describe.each(testBackends())("account links (invitation, password reset) on %s", (backend) => {
  const api = useSeededApi(backend);

  const browser = (cookies = new FakeCookieJar(), clientIp = freshAddress()) =>
    createCaller({
      db: api.db,
      actor: null,
      clientIp,
      cookies,
      publicUrl: "https://tribune.example/congres",
    }).auth;

  const newAccount = async (role: "organiser" | "member" = "member") =>
    createAccount(api.db, { email: freshEmail(role), role, password: PASSWORD }, SYSTEM);

  /**
   * The messages queued for an address, oldest first, with the token of their link, once the
   * reset links asked for are prepared (after their answer).
   */
  async function linksTo(email: string) {
    await settlePasswordResets();
    const { items } = await listMessages(api.db, { limit: 500, offset: 0 });
    const mine = items.filter((m) => m.recipient === email).reverse();
    return Promise.all(
      mine.map(async (m) => {
        const full = await findMessageByKey(api.db, m.key);
        const body = full ? await bodyOfStoredMessage(full) : null;
        const url = /https?:\/\/\S+jeton=([A-Za-z0-9_-]{43})/.exec(body?.text ?? "");
        return { kind: m.kind, url: url?.[0] ?? "", token: url?.[1] ?? "", entry: m };
      }),
    );
  }

  const tokenRow = (token: string) => findAccountToken(api.db, hashSessionToken(token));

  it("resets a password by the link of the message: the link works once, the new password signs in", async () => {
    const user = await newAccount("organiser");
    const answer = await browser().requestPasswordReset({ email: ` ${user.email.toUpperCase()} ` });
    expect(answer).toEqual({ message: PASSWORD_RESET_REQUESTED });
    const [link] = await linksTo(user.email);
    expect(link).toMatchObject({ kind: "password_reset" });
    expect(link?.url).toMatch(
      /^https:\/\/tribune\.example\/congres\/connexion\/nouveau-mot-de-passe\?jeton=/,
    );
    // Only the digest is stored, an hour from now.
    const row = await tokenRow(link?.token ?? "");
    expect(row).toMatchObject({ userId: user.id, purpose: "password_reset", usedAt: null });
    expect(Date.parse(row?.expiresAt ?? "") - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(Date.parse(row?.expiresAt ?? "") - Date.now()).toBeLessThanOrEqual(3_600_000);

    const cookies = new FakeCookieJar();
    const me = await browser(cookies).resetPassword({
      token: link?.token ?? "",
      password: NEW_PASSWORD,
    });
    expect(me).toMatchObject({ id: user.id, email: user.email });
    expect(cookies.issued).toHaveLength(1);
    expect((await rejection(api.logIn(user.email, PASSWORD))).message).toBe(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    await expect(api.logIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({
      me: { id: user.id },
    });

    // Spent: the same link again is refused, and the password stays.
    const again = await rejection(
      browser().resetPassword({
        token: link?.token ?? "",
        password: "une autre phrase bien longue",
      }),
    );
    expect(again.message).toBe(UNUSABLE);
    expect(again.data).toMatchObject({ appCode: "invalid" });
    await expect(api.logIn(user.email, NEW_PASSWORD)).resolves.toBeDefined();

    const audit = await listAudit(api.db, { entity: "user", limit: 500 });
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityId: user.id,
          action: "set_password",
          after: { email: user.email, via: "password_reset" },
        }),
      ]),
    );
  });

  it("answers an unknown or disabled address exactly as a known one, and queues nothing for it", async () => {
    const unknown = freshEmail("nobody");
    expect(await browser().requestPasswordReset({ email: unknown })).toEqual({
      message: PASSWORD_RESET_REQUESTED,
    });
    expect(await linksTo(unknown)).toEqual([]);
    const disabled = await newAccount();
    await disableUser(api.db, disabled.id);
    expect(await browser().requestPasswordReset({ email: disabled.email })).toEqual({
      message: PASSWORD_RESET_REQUESTED,
    });
    expect(await linksTo(disabled.email)).toEqual([]);
  });

  it.skipIf(backend === "pglite")(
    "answers before looking the account up: the answer leaves while its link cannot be written, the message is queued after",
    async () => {
      // PostgreSQL only: PGlite runs one transaction at a time, so no lock can be held aside.
      const user = await newAccount();
      // A first link, unused: a new one voids it, so has to wait while its row is locked.
      const { url } = await issueResetLink(systemContext(api.db), { email: user.email });
      const first = hashSessionToken(new URL(url).searchParams.get("jeton") ?? "");
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = api.db.transaction(async (tx) => {
        expect(await lockAccountToken(tx, first)).toMatchObject({ userId: user.id });
        locked();
        await released;
      });
      await isLocked;
      const answer = await browser().requestPasswordReset({ email: user.email });
      expect(answer).toEqual({ message: PASSWORD_RESET_REQUESTED });
      release();
      await holder;
      const [link] = await linksTo(user.email);
      expect(link).toMatchObject({ kind: "password_reset" });
    },
  );

  it("answers a known address even when its link cannot be prepared, and logs why instead of failing", async () => {
    const user = await newAccount();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // An unusable public address: building the link throws, after the answer.
      const broken = createCaller({
        db: api.db,
        actor: null,
        clientIp: freshAddress(),
        cookies: new FakeCookieJar(),
        publicUrl: "pas une adresse",
      }).auth;
      expect(await broken.requestPasswordReset({ email: user.email })).toEqual({
        message: PASSWORD_RESET_REQUESTED,
      });
      await settlePasswordResets();
      expect(logged).toHaveBeenCalledWith(
        "Lien de réinitialisation du mot de passe non préparé :",
        expect.any(TypeError),
      );
      expect(await linksTo(user.email)).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });

  it("refuses an unknown link, an expired one and one for another purpose with the same words", async () => {
    const user = await newAccount();
    await browser().requestPasswordReset({ email: user.email });
    const [link] = await linksTo(user.email);
    const token = link?.token ?? "";
    // The invitation page does not take a reset link.
    expect(
      (await rejection(browser().acceptInvitation({ token, password: NEW_PASSWORD }))).message,
    ).toBe(UNUSABLE);
    // A token nobody issued.
    const forged = `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`;
    expect(
      (await rejection(browser().resetPassword({ token: forged, password: NEW_PASSWORD }))).message,
    ).toBe(UNUSABLE);
    // Expired: an hour and a second later.
    const later = { now: () => new Date(Date.now() + 3_601_000) };
    await expect(
      resetPassword({ db: api.db, actor: null, clock: later }, { token, password: NEW_PASSWORD }),
    ).rejects.toThrow(UNUSABLE);
    await expect(api.logIn(user.email, PASSWORD)).resolves.toBeDefined();
  });

  it("voids the older reset links when a new one is asked for", async () => {
    const user = await newAccount();
    await browser().requestPasswordReset({ email: user.email });
    await browser().requestPasswordReset({ email: user.email });
    const [first, second] = await linksTo(user.email);
    expect(first?.token).not.toBe(second?.token);
    expect(
      (
        await rejection(
          browser().resetPassword({ token: first?.token ?? "", password: NEW_PASSWORD }),
        )
      ).message,
    ).toBe(UNUSABLE);
    await expect(
      browser().resetPassword({ token: second?.token ?? "", password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a weak new password on its field, and keeps the link for a better one", async () => {
    const user = await newAccount();
    await browser().requestPasswordReset({ email: user.email });
    const [link] = await linksTo(user.email);
    const weak = await rejection(
      browser().resetPassword({ token: link?.token ?? "", password: "motdepasse123" }),
    );
    expect(weak.message).toMatch(/^Mot de passe trop facile à deviner/);
    expect(weak.data).toMatchObject({ appCode: "invalid" });
    await expect(
      browser().resetPassword({ token: link?.token ?? "", password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("ends every login session of the account, on this instance's kept actors at once", async () => {
    const user = await newAccount("organiser");
    const bus = inProcessEventBus();
    const first = await api.logIn(user.email);
    const second = await api.logIn(user.email);
    expect(await resolveActor(api.db, first.token, bus)).toMatchObject({ id: user.id });
    await browser().requestPasswordReset({ email: user.email });
    const [link] = await linksTo(user.email);
    await createCaller({
      db: api.db,
      actor: null,
      clientIp: freshAddress(),
      cookies: new FakeCookieJar(),
      events: bus,
    }).auth.resetPassword({ token: link?.token ?? "", password: NEW_PASSWORD });
    expect(await resolveActor(api.db, first.token, bus)).toBeNull();
    expect(await resolveActor(api.db, second.token)).toBeNull();
    await bus.close();
  });

  it("throttles requests like logins: refused past the address's allowance, silent past the account's", async () => {
    const user = await newAccount();
    const ip = freshAddress();
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_ACCOUNT + 2; i++)
      expect(await browser(undefined, ip).requestPasswordReset({ email: user.email })).toEqual({
        message: PASSWORD_RESET_REQUESTED,
      });
    // Past the account's share, the same answer and no more message.
    expect(await linksTo(user.email)).toHaveLength(MAX_RESET_REQUESTS_PER_ACCOUNT);
    for (let i = MAX_RESET_REQUESTS_PER_ACCOUNT + 2; i < MAX_RESET_REQUESTS_PER_ADDRESS; i++)
      await browser(undefined, ip).requestPasswordReset({ email: freshEmail("other") });
    const refused = await rejection(
      browser(undefined, ip).requestPasswordReset({ email: freshEmail("other") }),
    );
    expect(refused.message).toBe(
      "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
    );
    expect(refused.data).toMatchObject({ appCode: "rate_limited" });
    // Another address is not concerned.
    await expect(browser().requestPasswordReset({ email: freshEmail("other") })).resolves.toEqual({
      message: PASSWORD_RESET_REQUESTED,
    });
  });

  it("invites a staff account without password; its owner chooses one by the link and is signed in", async () => {
    const admin = await api.callerAs("admin");
    const email = freshEmail("invited");
    const invited = await admin.account.invite({
      email,
      role: "organiser",
      displayName: "Camille",
    });
    expect(invited).toMatchObject({ email, role: "organiser", invitationPending: true });
    // Nobody signs in to an invited account, whatever the password tried.
    expect((await rejection(api.logIn(email, PASSWORD))).message).toBe(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    const [link] = await linksTo(email);
    expect(link?.kind).toBe("account_invitation");
    expect(link?.url).toContain("/connexion/invitation?jeton=");
    const row = await tokenRow(link?.token ?? "");
    expect(Date.parse(row?.expiresAt ?? "") - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);

    // The outbox's list shows the message, never its body.
    const listed = await admin.mail.list({});
    const entry = listed.items.find((m) => m.recipient === email);
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(link?.token ?? "");

    const cookies = new FakeCookieJar();
    await expect(
      browser(cookies).acceptInvitation({ token: link?.token ?? "", password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ email, role: "organiser", displayName: "Camille" });
    expect(cookies.issued).toHaveLength(1);
    const accounts = await admin.account.list();
    expect(accounts.find((a) => a.email === email)).toMatchObject({ invitationPending: false });
    expect(
      (
        await rejection(
          browser().acceptInvitation({ token: link?.token ?? "", password: NEW_PASSWORD }),
        )
      ).message,
    ).toBe(UNUSABLE);
  });

  it("resends an invitation with a new link that voids the first; not once the password is chosen", async () => {
    const admin = await api.callerAs("admin");
    const email = freshEmail("invited");
    await admin.account.invite({ email, role: "press" });
    await admin.account.resendInvitation({ email });
    const [first, second] = await linksTo(email);
    expect(second?.kind).toBe("account_invitation");
    expect(
      (
        await rejection(
          browser().acceptInvitation({ token: first?.token ?? "", password: NEW_PASSWORD }),
        )
      ).message,
    ).toBe(UNUSABLE);
    await browser().acceptInvitation({ token: second?.token ?? "", password: NEW_PASSWORD });
    const refused = await rejection(admin.account.resendInvitation({ email }));
    expect(refused.data).toMatchObject({ appCode: "invalid" });
    expect(refused.message).toContain("a déjà choisi son mot de passe");
  });

  it("lets only admins invite, and refuses an address that already has an account", async () => {
    const organiser = await api.callerAs("organiser");
    const forbidden = await rejection(
      organiser.account.invite({ email: freshEmail("x"), role: "member" }),
    );
    expect(forbidden.data).toMatchObject({ code: "FORBIDDEN" });
    const existing = await newAccount();
    const admin = await api.callerAs("admin");
    const taken = await rejection(admin.account.invite({ email: existing.email, role: "member" }));
    expect(taken.message).toBe(`Un compte existe déjà pour ${existing.email}.`);
  });

  it("issues a one-time reset link for the command line, without a message", async () => {
    const user = await newAccount("organiser");
    const { url } = await issueResetLink(
      { ...systemContext(api.db), publicUrl: "https://tribune.example" },
      { email: user.email },
    );
    expect(url).toMatch(/^https:\/\/tribune\.example\/connexion\/nouveau-mot-de-passe\?jeton=/);
    expect(await linksTo(user.email)).toEqual([]);
    const token = new URL(url).searchParams.get("jeton") ?? "";
    await expect(browser().resetPassword({ token, password: NEW_PASSWORD })).resolves.toMatchObject(
      {
        id: user.id,
      },
    );
    const nobody = freshEmail("nobody");
    await expect(issueResetLink(systemContext(api.db), { email: nobody })).rejects.toThrow(
      `Aucun compte pour ${nobody}.`,
    );
  });
});
