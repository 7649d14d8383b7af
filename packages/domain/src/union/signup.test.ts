import { describe, expect, it } from "vitest";
import {
  leaveOutcome,
  needsSignup,
  type SessionSignup,
  type SignupFacts,
  sessionCapacity,
  signupOutcome,
  signupSessionOutcome,
  takesFreedPlace,
} from "./signup";

describe("sessionCapacity", () => {
  it("takes the override, else the smallest room, else unknown", () => {
    expect(sessionCapacity(12, [null])).toBe(12);
    expect(sessionCapacity(null, [80, 40])).toBe(40);
    expect(sessionCapacity(null, [80, null])).toBeNull();
    expect(sessionCapacity(null, [])).toBeNull();
  });

  it("is asked of workshops and toolboxes only", () => {
    expect(needsSignup("atelier")).toBe(true);
    expect(needsSignup("boite_a_outils")).toBe(true);
    expect(needsSignup("pleniere")).toBe(false);
  });
});

describe("signupSessionOutcome", () => {
  const workshop = { kind: "atelier" as const, title: "Atelier IA", published: true };

  it("takes workshops and toolboxes, and hides a draft from the public", () => {
    expect(signupSessionOutcome(workshop)).toEqual({ ok: true });
    expect(signupSessionOutcome({ ...workshop, published: false })).toEqual({ ok: true });
    const draft = signupSessionOutcome({ ...workshop, published: false }, { publishedOnly: true });
    expect(draft).toEqual(signupSessionOutcome(null, { publishedOnly: true }));
    expect(draft).toMatchObject({
      ok: false,
      refusal: { code: "not_found", message: "Session introuvable." },
    });
  });

  it("refuses a session that needs no sign-up, naming it", () => {
    expect(signupSessionOutcome({ ...workshop, kind: "pleniere" })).toMatchObject({
      ok: false,
      refusal: { code: "invalid", message: expect.stringContaining("« Atelier IA »") },
    });
  });
});

describe("signupOutcome", () => {
  const EDITION = "e1";
  const facts: SignupFacts = {
    session: { editionId: EDITION, title: "Atelier IA" },
    capacity: 2,
    registration: { editionId: EDITION, status: "registered" },
    existing: null,
    overlap: null,
    confirmed: 0,
  };
  const signup = (status: SessionSignup["status"]): SessionSignup => ({
    id: "s1",
    sessionId: "x",
    registrationId: "r",
    status,
    waitlistPosition: null,
    createdAt: "2027-01-01T00:00:00.000Z",
  });

  it("gives a place while one is free, then the waitlist", () => {
    expect(signupOutcome(facts)).toEqual({
      ok: true,
      already: null,
      status: "registered",
      rejoin: null,
    });
    expect(signupOutcome({ ...facts, confirmed: 2 })).toMatchObject({ status: "waitlisted" });
    expect(
      signupOutcome({ ...facts, registration: { editionId: EDITION, status: "checked_in" } }),
    ).toMatchObject({ ok: true, status: "registered" });
  });

  it("answers an active sign-up as it is, and brings a cancelled one back to the queue", () => {
    const active = signup("waitlisted");
    expect(signupOutcome({ ...facts, existing: active, overlap: "Autre" })).toEqual({
      ok: true,
      already: active,
    });
    expect(signupOutcome({ ...facts, existing: signup("cancelled"), confirmed: 2 })).toEqual({
      ok: true,
      already: null,
      status: "waitlisted",
      rejoin: "s1",
    });
  });

  it("refuses, in this order: unknown capacity, no registration, no congress place, overlap", () => {
    const refusalOf = (f: SignupFacts) => {
      const outcome = signupOutcome(f);
      return outcome.ok ? null : outcome.refusal;
    };
    expect(refusalOf({ ...facts, capacity: null, registration: null })).toMatchObject({
      reason: "unknown_capacity",
      message: expect.stringMatching(/capacité .* n'est pas connue/),
    });
    expect(refusalOf({ ...facts, registration: null })).toMatchObject({ code: "not_found" });
    expect(
      refusalOf({ ...facts, registration: { editionId: "other", status: "registered" } }),
    ).toMatchObject({ code: "not_found" });
    expect(
      refusalOf({ ...facts, registration: { editionId: EDITION, status: "waitlisted" } }),
    ).toMatchObject({
      reason: "no_congress_place",
      message: expect.stringContaining("(liste d'attente)"),
    });
    expect(refusalOf({ ...facts, overlap: "Atelier climat" })).toMatchObject({
      reason: "overlap",
      message: expect.stringContaining("« Atelier climat »"),
    });
  });
});

describe("leaving and promotions", () => {
  it("frees a confirmed place; leaving twice is harmless; a stranger cannot leave", () => {
    expect(leaveOutcome({ status: "registered" })).toEqual({
      ok: true,
      alreadyLeft: false,
      freesPlace: true,
    });
    expect(leaveOutcome({ status: "waitlisted" })).toMatchObject({ freesPlace: false });
    expect(leaveOutcome({ status: "cancelled" })).toMatchObject({ alreadyLeft: true });
    expect(leaveOutcome(null)).toMatchObject({
      ok: false,
      refusal: { code: "not_found", message: "Cette personne n'est pas inscrite à cette session." },
    });
  });

  it("skips those without a congress place or confirmed elsewhere at the same time", () => {
    expect(takesFreedPlace({ registrationStatus: "registered", overlap: null })).toBe(true);
    expect(takesFreedPlace({ registrationStatus: "checked_in", overlap: null })).toBe(true);
    expect(takesFreedPlace({ registrationStatus: "cancelled", overlap: null })).toBe(false);
    expect(takesFreedPlace({ registrationStatus: null, overlap: null })).toBe(false);
    expect(takesFreedPlace({ registrationStatus: "registered", overlap: "Autre" })).toBe(false);
  });
});
