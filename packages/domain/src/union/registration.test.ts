import { describe, expect, it } from "vitest";
import {
  admissionStatus,
  checkInMessage,
  generateRegistrationCode,
  normaliseRegistrationCode,
  placesLeft,
  promotions,
  REGISTRATION_CODE_ALPHABET,
  RegistrationCode,
  RegistrationInput,
} from "./registration";

describe("capacity rules", () => {
  it("confirms while places remain, then waitlists", () => {
    expect(admissionStatus(0, 100)).toBe("registered");
    expect(admissionStatus(99, 100)).toBe("registered");
    expect(admissionStatus(100, 100)).toBe("waitlisted");
    expect(admissionStatus(101, 100)).toBe("waitlisted");
    expect(admissionStatus(5_000, null)).toBe("registered");
    expect(admissionStatus(0, 0)).toBe("waitlisted");
  });

  it("counts the places left, never below zero", () => {
    expect(placesLeft(40, 100)).toBe(60);
    expect(placesLeft(120, 100)).toBe(0);
    expect(placesLeft(120, null)).toBeNull();
  });

  it("promotes the first waiting, in arrival order, as many as there are free places", () => {
    const waitlist = [{ queuedSeq: 30 }, { queuedSeq: 10 }, { queuedSeq: 20 }];
    expect(promotions(waitlist, 99, 100)).toEqual([{ queuedSeq: 10 }]);
    expect(promotions(waitlist, 98, 100)).toEqual([{ queuedSeq: 10 }, { queuedSeq: 20 }]);
    expect(promotions(waitlist, 100, 100)).toEqual([]);
    expect(promotions(waitlist, 150, 100)).toEqual([]);
    expect(promotions(waitlist, 0, null)).toHaveLength(3);
  });
});

describe("registration codes", () => {
  const bytes = (values: number[]) => () => Uint8Array.from(values);

  it("are 8 unambiguous characters in two groups", () => {
    const code = generateRegistrationCode((n) => crypto.getRandomValues(new Uint8Array(n)));
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code).not.toMatch(/[01ILO]/);
  });

  it("throw away the bytes that would bias the draw", () => {
    // 248 = 8 × 31 is the first biased byte: never used.
    const code = generateRegistrationCode(bytes([255, 248, 0, 1, 2, 3, 4, 5, 6, 30, 31, 32]));
    const a = REGISTRATION_CODE_ALPHABET;
    expect(code).toBe(`${a[0]}${a[1]}${a[2]}${a[3]}-${a[4]}${a[5]}${a[6]}${a[30]}`);
  });

  it("are read back whatever the case, spaces or dashes", () => {
    expect(normaliseRegistrationCode(" k7qm 3xpa ")).toBe("K7QM-3XPA");
    expect(normaliseRegistrationCode("K7QM-3XPA")).toBe("K7QM-3XPA");
    expect(normaliseRegistrationCode("K7QM3XP")).toBeNull();
    expect(normaliseRegistrationCode("K7QM-3XP0")).toBeNull();
    expect(RegistrationCode.safeParse("nope").error?.issues[0]?.message).toMatch(
      /Code d'inscription invalide/,
    );
  });
});

describe("RegistrationInput", () => {
  const editionId = "00000001-0000-4000-8000-00000000001a";

  it("answers bad fields in French, on the field", () => {
    const result = RegistrationInput.safeParse({
      editionId,
      firstName: " ",
      lastName: "Martin",
      email: "pas-une-adresse",
      subdivisionId: "",
    });
    const issues = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
    );
    expect(issues).toEqual({
      firstName: "Ce champ est obligatoire.",
      email: "Adresse e-mail invalide.",
      subdivisionId: "Choisissez votre subdivision.",
    });
  });

  it("takes meals by default and not the gala; lower-cases the email", () => {
    const parsed = RegistrationInput.parse({
      editionId,
      firstName: "Léa",
      lastName: "Martin",
      email: " Lea.Martin@Exemple.FR ",
      subdivisionId: editionId,
    });
    expect(parsed).toMatchObject({ meals: true, gala: false, email: "lea.martin@exemple.fr" });
  });
});

describe("checkInMessage", () => {
  const person = { firstName: "Léa", lastName: "Martin" };

  it("welcomes a first check-in", () => {
    expect(checkInMessage({ ...person, checkedInAt: "2026-01-22T07:12:00Z" }, false)).toBe(
      "Bienvenue, Léa Martin ! Arrivée enregistrée.",
    );
  });

  it("gives the time of the first check-in in Paris time", () => {
    // 07:12 UTC is 08:12 in Paris in January.
    expect(
      checkInMessage(
        { ...person, checkedInAt: "2026-01-22T07:12:00Z" },
        true,
        "2026-01-22T09:00:00Z",
      ),
    ).toBe("Léa Martin : déjà enregistré·e à 08:12.");
  });

  it("names the day when the first check-in was on another day", () => {
    expect(
      checkInMessage(
        { ...person, checkedInAt: "2026-01-22T07:12:00Z" },
        true,
        "2026-01-23T07:00:00Z",
      ),
    ).toBe("Léa Martin : déjà enregistré·e le 22/01 à 08:12.");
  });
});
