import { describe, expect, it } from "vitest";
import {
  admissionStatus,
  cancellationOutcome,
  cancellationRefusal,
  checkInMessage,
  checkInOutcome,
  generateRegistrationCode,
  normaliseRegistrationCode,
  placesLeft,
  promotions,
  REGISTRATION_CODE_ALPHABET,
  RegistrationCode,
  RegistrationInput,
  registrationOutcome,
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

describe("registrationOutcome", () => {
  const facts = { email: "lea@exemple.fr", existing: null, confirmed: 0, waitlisted: 0 };

  it("gives a place while one is free, then the end of the waitlist", () => {
    expect(registrationOutcome({ ...facts, confirmed: 99, capacity: 100 })).toEqual({
      ok: true,
      status: "registered",
      waitlistPosition: null,
      reactivate: null,
    });
    expect(
      registrationOutcome({ ...facts, confirmed: 100, waitlisted: 4, capacity: 100 }),
    ).toMatchObject({ ok: true, status: "waitlisted", waitlistPosition: 5 });
    expect(registrationOutcome({ ...facts, confirmed: 5_000, capacity: null })).toMatchObject({
      status: "registered",
    });
  });

  it("refuses an active registration with the same email, naming its status in French", () => {
    const outcome = registrationOutcome({
      ...facts,
      existing: { id: "r1", status: "waitlisted" },
      capacity: null,
    });
    expect(outcome).toMatchObject({
      ok: false,
      refusal: { reason: "already_registered", code: "already_exists" },
    });
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.refusal.message).toMatch(
      /^Une inscription existe déjà pour l'adresse lea@exemple\.fr \(statut : liste d'attente\)/,
    );
  });

  it("lets a cancelled registration come back, at the end of the queue", () => {
    expect(
      registrationOutcome({
        ...facts,
        existing: { id: "r1", status: "cancelled" },
        confirmed: 1,
        capacity: 1,
      }),
    ).toEqual({ ok: true, status: "waitlisted", waitlistPosition: 1, reactivate: "r1" });
  });
});

describe("cancellationOutcome", () => {
  it("frees a confirmed place, not a waiting one; twice is harmless", () => {
    expect(cancellationOutcome({ status: "registered" })).toEqual({
      ok: true,
      alreadyCancelled: false,
      freesPlace: true,
    });
    expect(cancellationOutcome({ status: "waitlisted" })).toMatchObject({ freesPlace: false });
    expect(cancellationOutcome({ status: "cancelled" })).toMatchObject({
      alreadyCancelled: true,
      freesPlace: false,
    });
    expect(cancellationRefusal({ status: "registered" })).toBeNull();
  });

  it("refuses once the person has arrived", () => {
    expect(cancellationRefusal({ status: "checked_in" })).toMatchObject({
      reason: "checked_in_cannot_cancel",
      code: "invalid",
      message: expect.stringMatching(/^Cette personne est déjà arrivée au congrès/),
    });
  });
});

describe("checkInOutcome", () => {
  const lea = { firstName: "Léa", lastName: "Martin", waitlistPosition: null };

  it("welcomes an arrival, and tells the desk of a second scan without refusing it", () => {
    const registration = { ...lea, status: "checked_in" as const };
    expect(checkInOutcome({ registration, arrivedNow: true }, {})).toEqual({
      ok: true,
      alreadyCheckedIn: false,
    });
    expect(checkInOutcome({ registration, arrivedNow: false }, {})).toEqual({
      ok: true,
      alreadyCheckedIn: true,
    });
  });

  it("refuses the waitlisted, the cancelled and the unknown, by name or by code", () => {
    const waiting = { ...lea, status: "waitlisted" as const, waitlistPosition: 3 };
    expect(checkInOutcome({ registration: waiting, arrivedNow: false }, {})).toMatchObject({
      ok: false,
      refusal: {
        code: "invalid",
        message: "Léa Martin est en liste d'attente (position 3) : pas de place confirmée.",
      },
    });
    const cancelled = { ...lea, status: "cancelled" as const };
    expect(checkInOutcome({ registration: cancelled, arrivedNow: false }, {})).toMatchObject({
      refusal: { message: "L'inscription de Léa Martin a été annulée." },
    });
    expect(checkInOutcome(null, { code: "ZZZZ-ZZZZ" })).toMatchObject({
      refusal: { code: "not_found", message: "Aucune inscription au code ZZZZ-ZZZZ." },
    });
    expect(checkInOutcome(null, {})).toMatchObject({
      refusal: { code: "not_found", message: "Inscription introuvable." },
    });
  });
});
