import { testBackends } from "@tribune/db/testing";
import { ROLES } from "@tribune/domain/auth";
import { type AnyTRPCProcedure, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { type Caller, rejection, useSeededApi } from "./test-support";
import type { Meta } from "./trpc";

/** What anyone may call without signing in. Adding to this list is a security decision. */
const PUBLIC_PROCEDURES = [
  // The attendee's space: opened with code + e-mail (rate-limited), then with the signed token
  // of the link, which names the registration and cannot be forged; the badge and certificate.
  "attendee.badge",
  "attendee.cancel",
  "attendee.certificate",
  "attendee.get",
  "attendee.open",
  "attendee.update",
  // A password chosen with a single-use link (invitation or reset); the request for a reset link
  // answers the same for every address and is throttled like a login.
  "auth.acceptInvitation",
  "auth.login",
  "auth.logout",
  "auth.me",
  // How hard a password being chosen is to guess: no account read, nothing stored, throttled
  // per address.
  "auth.passwordStrength",
  "auth.requestPasswordReset",
  "auth.resetPassword",
  "edition.byYear",
  // The edition pages open on by default (the domain's current-edition rule).
  "edition.current",
  "edition.get",
  "edition.list",
  // Which partners support an edition: the public programme names them.
  "edition.partners",
  // Self-service registration needs no account: register, then cancel with the code.
  "registration.cancelByCode",
  "registration.register",
  "room.list",
  "schedule.programme",
  // Workshop sign-up with the registration code: join, leave, and the places left.
  "signup.join",
  "signup.leave",
  "signup.options",
  // Subdivision names only, for the registration form.
  "subdivision.options",
  // The public survey form: the questionnaire of an open survey, and an anonymous response.
  "survey.form",
  "survey.respond",
];

// At run time `_def.procedures` is flat ("session.create" → procedure), though typed as the nested record.
const flat = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
const procedures = Object.entries(flat).map(([path, procedure]) => ({
  path,
  access: (procedure._def.meta as Meta | undefined)?.access,
}));
const guarded = procedures.flatMap(({ path, access }) =>
  access && "roles" in access ? [{ path, roles: access.roles }] : [],
);

/** Calls a procedure by its dotted path, with an input that is deliberately meaningless. */
function call(caller: Caller, path: string): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)({});
}

describe("the router's declared access", () => {
  it("is declared by every procedure", () => {
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining(["audit.list", "session.create"]),
    );
    expect(procedures.filter((p) => !p.access).map((p) => p.path)).toEqual([]);
  });

  it("is public exactly for the allow-listed procedures", () => {
    const open = procedures.filter((p) => p.access && "public" in p.access).map((p) => p.path);
    expect(open.sort()).toEqual(PUBLIC_PROCEDURES);
  });
});

describe.each(testBackends())("role guards on %s", (backend) => {
  const api = useSeededApi(backend);

  it.each(guarded)("$path refuses an anonymous caller", async ({ path }) => {
    const error = await rejection(call(await api.anonymous(), path));
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "unauthenticated" });
  });

  it.each(guarded)(
    "$path refuses the other roles, before reading its input",
    async ({ path, roles }) => {
      const refused = ROLES.filter((role) => !roles.includes(role));
      expect(refused).toContain("member"); // nothing beyond the public procedures is open to members yet
      for (const role of refused) {
        const error = await rejection(call(await api.callerAs(role), path));
        expect(error.data.code, role).toBe("FORBIDDEN");
      }
    },
  );

  it.each(guarded)("$path lets the roles it lists past the guard", async ({ path, roles }) => {
    for (const role of roles) {
      const outcome = await call(await api.callerAs(role), path).then(
        () => "ok",
        (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
      );
      expect(outcome, role).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
    }
  });
});
