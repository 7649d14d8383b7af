import { describe, expect, it } from "vitest";
import { CSV_REFUSALS } from "../kernel/input";
import {
  candidateEmails,
  decideImportScope,
  decideSubdivisionCreation,
  decideSubdivisionDeletion,
  duplicateEmailRefusal,
  MemberImportInput,
  refuseAddressesUsedElsewhere,
} from "./decisions";
import type { Subdivision } from "./subdivision";

const DIJON = "00000000-0000-4000-8000-000000000001";
const LILLE = "00000000-0000-4000-8000-000000000002";

const subdivision = (slug: string, name: string, aliases: string[] = []): Subdivision => ({
  id: slug === "dijon" ? DIJON : LILLE,
  slug,
  name,
  unionName: "",
  university: "",
  contactEmail: "",
  declaredMembers: 0,
  aliases,
});
const existing = [
  subdivision("dijon", "Dijon"),
  subdivision("saint-etienne", "Saint-Étienne", ["ste"]),
];
const NO_USES = { members: 0, registrations: 0, accounts: 0, caMeetings: 0, motionVotes: 0 };

const admin = { role: "admin" as const, subdivisionId: null };
const representative = { role: "representative" as const, subdivisionId: DIJON };
const lostRepresentative = { role: "representative" as const, subdivisionId: null };

describe("decideSubdivisionCreation", () => {
  it("admits a new name", () => {
    expect(decideSubdivisionCreation({ name: "Lille", slug: "lille" }, existing)).toEqual({
      ok: true,
    });
  });

  it.each([
    ["its name, whatever the case and accents", { name: "saint etienne", slug: "st-e" }],
    ["its slug", { name: "Autre", slug: "saint-etienne" }],
    ["one of its aliases", { name: "STE", slug: "x" }],
  ])("refuses a subdivision answering to another's %s, naming it", (_, input) => {
    expect(decideSubdivisionCreation(input, existing)).toEqual({
      ok: false,
      refusal: {
        reason: "subdivision_exists",
        code: "already_exists",
        message: "La subdivision « Saint-Étienne » existe déjà (identifiant « saint-etienne »).",
      },
    });
  });
});

describe("decideSubdivisionDeletion", () => {
  it("lets a subdivision without history go", () => {
    expect(decideSubdivisionDeletion({ name: "Dijon" }, NO_USES)).toEqual({ ok: true });
  });

  it("keeps one with a history, saying what it holds", () => {
    const decision = decideSubdivisionDeletion(
      { name: "Dijon" },
      { ...NO_USES, members: 12, motionVotes: 1 },
    );
    expect(decision).toEqual({
      ok: false,
      refusal: {
        reason: "subdivision_has_history",
        code: "referenced",
        message:
          "La subdivision « Dijon » a un historique (12 fiches adhérent·e, 1 vote de motion) : elle ne peut être supprimée.",
      },
    });
  });
});

describe("duplicateEmailRefusal", () => {
  const holderElsewhere = { id: "m1", email: "a@b.fr", subdivisionId: LILLE };

  it("tells an organiser plainly that the address is taken, auditing nothing", () => {
    expect(duplicateEmailRefusal(admin, "a@b.fr", holderElsewhere)).toEqual({
      refusal: expect.objectContaining({
        code: "already_exists",
        message: "Un·e adhérent·e utilise déjà cette adresse e-mail.",
      }),
      auditHolder: null,
    });
  });

  it("tells a representative the same of an address in their own subdivision", () => {
    const own = { ...holderElsewhere, subdivisionId: DIJON };
    expect(duplicateEmailRefusal(representative, "a@b.fr", own).auditHolder).toBeNull();
  });

  it("gives a representative a neutral refusal for another subdivision's address, to audit", () => {
    expect(duplicateEmailRefusal(representative, "a@b.fr", holderElsewhere)).toEqual({
      refusal: expect.objectContaining({
        reason: "member_email_used_elsewhere",
        message:
          "L'adresse a@b.fr ne peut pas être enregistrée dans votre subdivision : contactez l'organisation du congrès.",
      }),
      auditHolder: { id: "m1", email: "a@b.fr" },
    });
  });
});

describe("member CSV import", () => {
  it("scopes a representative's import to their subdivision, everyone else's to none", () => {
    expect(decideImportScope(admin)).toEqual({ ok: true, onlySubdivisionId: null });
    expect(decideImportScope(representative)).toEqual({ ok: true, onlySubdivisionId: DIJON });
    expect(decideImportScope(lostRepresentative)).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        code: "forbidden",
        message: "Votre compte n'est rattaché à aucune subdivision.",
      }),
    });
  });

  it("looks up every cell that reads as an address, in lower case", () => {
    expect(
      candidateEmails([
        { line: 2, cells: ["Camille", " Camille@Exemple.FR ", "Dijon"] },
        { line: 3, cells: ["pas une adresse"] },
      ]),
    ).toEqual(["camille@exemple.fr"]);
  });

  it("refuses rows whose address is used elsewhere, neutrally, in line order", () => {
    const checked = {
      valid: [
        { line: 2, member: { email: "a@b.fr" } },
        { line: 4, member: { email: "c@d.fr" } },
      ],
      errors: [
        { line: 3, code: "bad_email" as const, field: "email" as const, message: "Adresse" },
      ],
    };
    const result = refuseAddressesUsedElsewhere(checked, new Set(["a@b.fr"]));
    expect(result.valid).toEqual([{ line: 4, member: { email: "c@d.fr" } }]);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "duplicate_existing"],
      [3, "bad_email"],
    ]);
  });

  it("refuses an empty file and says a dry run is the default", () => {
    expect(MemberImportInput.parse({ csv: "nom;prénom" }).dryRun).toBe(true);
    expect(MemberImportInput.safeParse({ csv: "" }).error?.issues[0]?.message).toBe(
      "Le fichier est vide.",
    );
  });
});

describe("an unreadable CSV file", () => {
  it("says where the reader gave up, when it knows", () => {
    expect(CSV_REFUSALS.unreadable(3).message).toBe(
      "Fichier CSV illisible (ligne 3) : vérifiez les guillemets et le séparateur.",
    );
    expect(CSV_REFUSALS.unreadable().message).toBe(
      "Fichier CSV illisible : vérifiez les guillemets et le séparateur.",
    );
    expect(CSV_REFUSALS.empty()).toMatchObject({
      code: "invalid",
      message: "Le fichier CSV est vide.",
    });
  });
});
