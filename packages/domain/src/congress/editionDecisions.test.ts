import { describe, expect, it } from "vitest";
import {
  decideArchive,
  decideEditionUpdate,
  decidePartners,
  decideYearAndNumber,
} from "./editionDecisions";

const e2026 = {
  id: "a",
  year: 2026,
  number: 26,
  firstDay: "2026-01-22",
  lastDay: "2026-01-23",
  timeZone: "Europe/Paris",
  registrationOpensOn: null,
  registrationClosesOn: null,
  archivedAt: null as string | null,
};
const e2027 = {
  ...e2026,
  id: "b",
  year: 2027,
  number: 27,
  firstDay: "2027-01-21",
  lastDay: "2027-01-22",
};
const session = {
  title: "Plénière",
  startsAt: "2027-01-21T09:00:00Z",
  endsAt: "2027-01-21T10:00:00Z",
};

describe("edition decisions", () => {
  it("keeps years and numbers unique, except for the edition being edited", () => {
    const editions = [e2026, e2027];
    expect(decideYearAndNumber(editions, { year: 2027, number: 30 })).toMatchObject({
      ok: false,
      refusal: { reason: "year_taken", fieldErrors: { year: ["Une édition 2027 existe déjà."] } },
    });
    expect(decideYearAndNumber(editions, { year: 2028, number: 26 })).toMatchObject({
      ok: false,
      refusal: { reason: "number_taken", message: "Le 26e congrès existe déjà (édition 2026)." },
    });
    expect(decideYearAndNumber(editions, { year: 2027, number: 27 }, "b")).toEqual({ ok: true });
  });

  it("refuses an edit of an archived edition, inconsistent dates, or days that drop a session", () => {
    const facts = { editions: [e2026, e2027], sessions: [session] };
    const archived = { ...e2027, archivedAt: "2027-02-01T00:00:00Z" };
    expect(decideEditionUpdate(archived, { city: "Lyon" } as never, facts)).toMatchObject({
      refusal: { code: "locked" },
    });
    expect(decideEditionUpdate(e2027, { lastDay: "2027-01-20" }, facts)).toMatchObject({
      refusal: { reason: "dates_inconsistent", fieldErrors: { lastDay: expect.any(Array) } },
    });
    expect(
      decideEditionUpdate(e2027, { firstDay: "2027-01-22", lastDay: "2027-01-23" }, facts),
    ).toMatchObject({
      refusal: {
        reason: "sessions_outside_new_days",
        message:
          "1 session tomberait hors des nouveaux jours (« Plénière ») : déplacez-la d'abord.",
      },
    });
    const twoSessions = { ...facts, sessions: [session, { ...session, title: "Atelier" }] };
    expect(
      decideEditionUpdate(e2027, { firstDay: "2027-01-22", lastDay: "2027-01-23" }, twoSessions),
    ).toMatchObject({
      refusal: {
        message:
          "2 sessions tomberaient hors des nouveaux jours (par exemple « Plénière ») : déplacez-les d'abord.",
      },
    });
    const moved = decideEditionUpdate(e2027, { number: 28 }, facts);
    expect(moved).toMatchObject({ ok: true, next: { number: 28, year: 2027 } });
  });

  it("archives only a congress that is over, once", () => {
    expect(decideArchive(e2027, "2027-01-22T12:00:00Z")).toMatchObject({
      refusal: { reason: "edition_not_over", code: "invalid" },
    });
    expect(decideArchive(e2027, "2027-02-01T00:00:00Z")).toEqual({ ok: true });
    expect(
      decideArchive({ ...e2027, archivedAt: "2027-02-01T00:00:00Z" }, "2027-03-01T00:00:00Z"),
    ).toMatchObject({ refusal: { code: "locked" } });
  });

  it("takes catalogue partners once each, in order, and refuses an unknown one", () => {
    expect(decidePartners(new Set(["p", "q"]), ["q", "p", "q"])).toEqual({
      ok: true,
      partnerIds: ["q", "p"],
    });
    expect(decidePartners(new Set(["p"]), ["x"])).toMatchObject({
      refusal: { reason: "unknown_partner" },
    });
  });
});
