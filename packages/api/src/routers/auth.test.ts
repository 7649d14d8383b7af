import { disableUser } from "@tribune/db/repos/users";
import { ageAuthSessions, lastSeenOf, testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { createAccount } from "../accounts";
import { SYSTEM } from "../audit";
import { resolveActor } from "../auth/session";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "../auth/tokens";
import { createCaller } from "../root";
import {
  FakeCookieJar,
  freshAddress,
  freshEmail,
  PASSWORD,
  rejection,
  useSeededApi,
} from "../test-support";

const BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

describe.each(testBackends())("auth on %s", (backend) => {
  const api = useSeededApi(backend);

  const newAccount = (role: "organiser" | "member" = "member") =>
    createAccount(api.db, { email: freshEmail(role), role, password: PASSWORD }, SYSTEM);

  /** The auth procedures as a fresh browser reaches them: no session, an address of its own. */
  const browser = (cookies = new FakeCookieJar()) =>
    createCaller({ db: api.db, actor: null, clientIp: freshAddress(), cookies }).auth;
  const attempt = (email: string, password: string) => browser().login({ email, password });

  it("logs in with the right password, returns the user and issues a session cookie", async () => {
    const user = await newAccount("organiser");
    const { me, cookies } = await api.logIn(`  ${user.email.toUpperCase()} `);
    expect(me).toEqual({
      id: user.id,
      email: user.email,
      displayName: "",
      role: "organiser",
      subdivisionId: null,
    });
    expect(cookies.issued).toEqual([
      { token: expect.any(String), maxAgeSeconds: SESSION_ABSOLUTE_SECONDS },
    ]);
    const actor = await resolveActor(api.db, cookies.issued[0]?.token ?? null);
    expect(actor).toMatchObject({ id: user.id, role: "organiser" });
  });

  it("refuses a wrong password with a French message and no cookie", async () => {
    const user = await newAccount();
    const cookies = new FakeCookieJar();
    const error = await rejection(
      browser(cookies).login({ email: user.email, password: "pas le bon mot de passe" }),
    );
    expect(error.message).toBe(BAD_CREDENTIALS);
    expect(error.data).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
      appCode: "unauthenticated",
    });
    expect(cookies.issued).toEqual([]);
  });

  it("answers an unknown email exactly as a wrong password", async () => {
    const error = await rejection(attempt(freshEmail("nobody"), PASSWORD));
    expect(error.message).toBe(BAD_CREDENTIALS);
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "unauthenticated" });
  });

  it("refuses a disabled account, even with the right password", async () => {
    const user = await newAccount();
    await disableUser(api.db, user.id);
    const error = await rejection(attempt(user.email, PASSWORD));
    expect(error.message).toBe(BAD_CREDENTIALS);
  });

  const attemptFrom = (address: string, email: string, password: string) =>
    createCaller({
      db: api.db,
      actor: null,
      clientIp: address,
      cookies: new FakeCookieJar(),
    }).auth.login({ email, password });
  const expectLocked = (error: Awaited<ReturnType<typeof rejection>>) => {
    expect(error.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      appCode: "rate_limited",
    });
    expect(error.message).toMatch(/Trop de tentatives/);
  };

  it("locks an account for an address after 5 failures from it, even against the right password", async () => {
    const user = await newAccount();
    const guesser = freshAddress();
    for (let i = 0; i < 5; i++) {
      const error = await rejection(attemptFrom(guesser, user.email, `mauvais essai ${i}`));
      expect(error.data.code).toBe("UNAUTHORIZED");
    }
    expectLocked(await rejection(attemptFrom(guesser, user.email, PASSWORD)));
  });

  it("a stranger's five wrong guesses do not lock the owner out from their own address", async () => {
    const user = await newAccount();
    const stranger = freshAddress();
    for (let i = 0; i < 5; i++) await rejection(attemptFrom(stranger, user.email, `essai ${i}`));
    await expect(attemptFrom(freshAddress(), user.email, PASSWORD)).resolves.toMatchObject({
      id: user.id,
    });
  });

  it.each([
    ["in the middle", 20],
    ["last", 39],
  ])(
    "checks at most 5 of 40 simultaneous guesses from one address (the right one %s), and the account still logs in from another address",
    async (_, right) => {
      const user = await newAccount();
      const guesser = freshAddress();
      const guesses = Array.from({ length: 40 }, (_, i) =>
        i === right ? PASSWORD : `mauvais essai ${i}`,
      );
      const outcomes = await Promise.all(
        guesses.map((password) =>
          attemptFrom(guesser, user.email, password).then(
            () => "logged in",
            async (e: unknown) => (await rejection(Promise.reject(e))).data.appCode,
          ),
        ),
      );
      // Wrong passwords checked: never more than 5. (A success is not a failure and gives its
      // attempt back, so when the right password happens to be checked one more may be.)
      const wrongChecked = outcomes.filter((outcome) => outcome === "unauthenticated");
      const loggedIn = outcomes.filter((outcome) => outcome === "logged in");
      expect(wrongChecked.length).toBeGreaterThan(0);
      expect(wrongChecked.length).toBeLessThanOrEqual(5);
      expect(loggedIn.length).toBeLessThanOrEqual(1);
      expect(outcomes.filter((outcome) => outcome === "rate_limited")).toHaveLength(
        40 - wrongChecked.length - loggedIn.length,
      );
      // The burst counted at most 5 failures against the account: it is not locked elsewhere.
      await expect(attemptFrom(freshAddress(), user.email, PASSWORD)).resolves.toMatchObject({
        id: user.id,
      });
    },
  );

  it("locks the account everywhere after 30 failures spread over many addresses", async () => {
    const user = await newAccount();
    for (let i = 0; i < 30; i++) await rejection(attempt(user.email, `mauvais essai ${i}`));
    expectLocked(await rejection(attempt(user.email, PASSWORD)));
  });

  it("does not lock an account that failed 4 times, and a success resets the count", async () => {
    const user = await newAccount();
    for (let i = 0; i < 4; i++) await rejection(attempt(user.email, `mauvais essai ${i}`));
    await expect(attempt(user.email, PASSWORD)).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < 4; i++) await rejection(attempt(user.email, `mauvais essai ${i}`));
    await expect(attempt(user.email, PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("does not count successes: an address that failed 4 times may still log in again and again", async () => {
    const user = await newAccount();
    const desk = freshAddress();
    for (let i = 0; i < 4; i++) await rejection(attemptFrom(desk, user.email, `essai ${i}`));
    for (let i = 0; i < 6; i++) {
      await expect(attemptFrom(desk, user.email, PASSWORD)).resolves.toMatchObject({ id: user.id });
    }
  });

  it("rotates the token at login: the previous session is revoked", async () => {
    const user = await newAccount();
    const first = await api.logIn(user.email);
    const second = await api.logIn(user.email, PASSWORD, first.token);
    expect(second.token).not.toBe(first.token);
    expect(await resolveActor(api.db, first.token)).toBeNull();
    expect(await resolveActor(api.db, second.token)).toMatchObject({ id: user.id });
  });

  it("ends a session left idle for longer than the idle lifetime; each use keeps it alive", async () => {
    const user = await newAccount();
    const { token } = await api.logIn(user.email);
    await ageAuthSessions(api.db, user.id, SESSION_IDLE_SECONDS - 120);
    expect(await resolveActor(api.db, token)).toMatchObject({ id: user.id });
    // That use counted as activity: the session was seen just now.
    const seen = await lastSeenOf(api.db, user.id);
    expect(Date.now() - Date.parse(seen ?? "")).toBeLessThan(60_000);
    await ageAuthSessions(api.db, user.id, SESSION_IDLE_SECONDS + 60);
    expect(await resolveActor(api.db, token)).toBeNull();
  });

  it("revokes the session and clears the cookie at logout", async () => {
    const user = await newAccount();
    const { token } = await api.logIn(user.email);
    const cookies = new FakeCookieJar(token);
    const caller = createCaller({
      db: api.db,
      actor: await resolveActor(api.db, token),
      clientIp: "",
      cookies,
    });
    await expect(caller.auth.logout()).resolves.toEqual({ ok: true });
    expect(cookies.cleared).toBe(1);
    expect(await resolveActor(api.db, token)).toBeNull();
    expect(await (await api.callerWithToken(token)).auth.me()).toBeNull();
  });

  it("tells who is signed in, and null to an anonymous visitor", async () => {
    const user = await newAccount();
    const { token } = await api.logIn(user.email);
    expect(await (await api.callerWithToken(token)).auth.me()).toEqual({
      id: user.id,
      email: user.email,
      displayName: "",
      role: "member",
      subdivisionId: null,
    });
    expect(await (await api.anonymous()).auth.me()).toBeNull();
  });

  it("rejects a malformed email before checking anything, in French", async () => {
    const error = await rejection(attempt("pas-une-adresse", PASSWORD));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid" });
    expect(error.data.fieldErrors?.email).toEqual(["Adresse e-mail invalide."]);
  });
});
