import { describe, expect, it } from "vitest";
import { DomainError } from "../kernel/errors";
import { enforce } from "../kernel/refusal";
import { decideSubdivisionNamed } from "../union/decisions";
import { AccountByEmail, decideAccountCreation, decideLogin } from "./decisions";

const DIJON = "00000000-0000-4000-8000-000000000001";
const FINE = { weakPassword: null, subdivisionExists: true, emailTaken: false };
const member = { email: "camille@exemple.fr", role: "member" as const, subdivisionId: null };
const representative = { ...member, role: "representative" as const, subdivisionId: DIJON };

describe("decideAccountCreation", () => {
  it("creates a member, and a representative of a subdivision that exists", () => {
    expect(decideAccountCreation(member, FINE)).toEqual({ ok: true });
    expect(decideAccountCreation(representative, FINE)).toEqual({ ok: true });
  });

  it("refuses a password easy to guess first, on its field, saying why", () => {
    const decision = decideAccountCreation(representative, {
      ...FINE,
      weakPassword: { why: "ceci est un mot courant" },
      emailTaken: true,
    });
    const message = "Mot de passe trop facile à deviner : ceci est un mot courant.";
    expect(decision).toEqual({
      ok: false,
      refusal: {
        reason: "weak_password",
        code: "invalid",
        message,
        fieldErrors: { password: [message] },
      },
    });
  });

  it("says how to strengthen a weak password the estimator has no word for", () => {
    const decision = decideAccountCreation(member, { ...FINE, weakPassword: { why: null } });
    expect(decision.ok || decision.refusal.message).toBe(
      "Mot de passe trop facile à deviner : allongez-le ou mêlez des mots peu courants.",
    );
  });

  it("ties a representative to an existing subdivision, and nobody else to one", () => {
    const refused = (decision: ReturnType<typeof decideAccountCreation>) =>
      decision.ok ? null : decision.refusal.message;
    expect(refused(decideAccountCreation({ ...representative, subdivisionId: null }, FINE))).toBe(
      "Un·e représentant·e doit être rattaché·e à une subdivision existante.",
    );
    expect(
      refused(decideAccountCreation(representative, { ...FINE, subdivisionExists: false })),
    ).toBe("Un·e représentant·e doit être rattaché·e à une subdivision existante.");
    expect(refused(decideAccountCreation({ ...member, subdivisionId: DIJON }, FINE))).toBe(
      "Seul·e un·e représentant·e est rattaché·e à une subdivision.",
    );
  });

  it("refuses a second account for an address, as a conflict", () => {
    let thrown: unknown;
    try {
      enforce(decideAccountCreation(member, { ...FINE, emailTaken: true }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: "already_exists",
      message: "Un compte existe déjà pour camille@exemple.fr.",
    });
  });
});

describe("decideLogin", () => {
  it("lets an enabled account in with its password", () => {
    expect(decideLogin({ disabled: false }, true)).toEqual({ ok: true });
  });

  it.each([
    ["an unknown address", null, true],
    ["a wrong password", { disabled: false }, false],
    ["a disabled account", { disabled: true }, true],
  ])("refuses %s with the same French message", (_, account, matches) => {
    expect(decideLogin(account, matches)).toEqual({
      ok: false,
      refusal: {
        reason: "bad_credentials",
        code: "unauthenticated",
        message: "Adresse e-mail ou mot de passe incorrect.",
      },
    });
  });
});

describe("naming a subdivision on the command line", () => {
  const subdivisions = [
    { id: DIJON, slug: "dijon", name: "Dijon", aliases: [] },
    {
      id: "00000000-0000-4000-8000-000000000002",
      slug: "saint-etienne",
      name: "Saint-Étienne",
      aliases: [],
    },
  ];

  it("finds one by its id, or its name without accents", () => {
    expect(decideSubdivisionNamed(subdivisions, DIJON)).toMatchObject({
      subdivision: { name: "Dijon" },
    });
    expect(decideSubdivisionNamed(subdivisions, "saint-etienne")).toMatchObject({
      subdivision: { name: "Saint-Étienne" },
    });
  });

  it("lists the known ones when it finds none, and says how to get some when there are none", () => {
    const unknown = decideSubdivisionNamed(subdivisions, "Atlantide");
    expect(unknown.ok || unknown.refusal.message).toBe(
      "Subdivision inconnue : « Atlantide ». Subdivisions : Dijon, Saint-Étienne.",
    );
    const none = decideSubdivisionNamed([], "Dijon");
    expect(none.ok || none.refusal.message).toBe(
      "Aucune subdivision en base : démarrez le serveur une première fois (pnpm start).",
    );
  });
});

describe("AccountByEmail", () => {
  it("reads an address as typed, in lower case", () => {
    expect(AccountByEmail.parse({ email: " Camille@Exemple.FR" })).toEqual({
      email: "camille@exemple.fr",
    });
  });
});
