import { describe, expect, it } from "vitest";
import { instantFromLocal } from "../kernel/time";
import { EditionInput, EditionUpdate } from "./edition";
import {
  archiveRefusal,
  canRegister,
  currentEdition,
  type DatedEdition,
  editionState,
  editionStatus,
  isReadOnly,
  registrationRefusal,
} from "./editionLifecycle";

/** A congress on 21–22 January of `year`, registration from 1 October to 10 January. */
const edition = (year: number, overrides: Partial<DatedEdition> = {}): DatedEdition => ({
  year,
  firstDay: `${year}-01-21`,
  lastDay: `${year}-01-22`,
  timeZone: "Europe/Paris",
  registrationOpensOn: `${year - 1}-10-01`,
  registrationClosesOn: `${year}-01-10`,
  archivedAt: null,
  ...overrides,
});

/** An instant given as Paris wall time. */
const paris = (day: string, time = "12:00") =>
  new Date(instantFromLocal(day, time, "Europe/Paris"));

describe("edition states", () => {
  const e = edition(2027);
  it.each([
    ["2026-06-01", "preparation"],
    ["2026-09-30", "preparation"],
    ["2026-10-01", "registration_open"],
    ["2027-01-10", "registration_open"],
    ["2027-01-15", "preparation"],
    ["2027-01-21", "running"],
    ["2027-01-22", "running"],
    ["2027-01-23", "finished"],
  ])("on %s the edition is %s", (day, state) => {
    expect(editionState(e, paris(day))).toBe(state);
  });

  it("runs from the first day's midnight to the last day's, in the edition's zone", () => {
    expect(editionState(e, paris("2027-01-20", "23:59"))).toBe("preparation");
    expect(editionState(e, paris("2027-01-21", "00:00"))).toBe("running");
    expect(editionState(e, paris("2027-01-22", "23:59"))).toBe("running");
    expect(editionState(e, paris("2027-01-23", "00:00"))).toBe("finished");
  });

  it("is archived, read-only, whatever the date, once stamped", () => {
    const archived = edition(2027, { archivedAt: "2027-02-01T10:00:00.000Z" });
    expect(editionState(archived, paris("2027-01-21"))).toBe("archived");
    expect(isReadOnly(archived)).toBe(true);
    expect(isReadOnly(e)).toBe(false);
    expect(editionStatus(archived, paris("2027-03-01"))).toMatchObject({
      state: "archived",
      label: "Archivée",
      readOnly: true,
      registrationOpen: false,
    });
  });
});

describe("registration window", () => {
  const e = edition(2027);
  it("opens at midnight on its first day and closes at the end of its last day", () => {
    expect(canRegister(e, paris("2026-09-30", "23:59"))).toBe(false);
    expect(canRegister(e, paris("2026-10-01", "00:00"))).toBe(true);
    expect(canRegister(e, paris("2027-01-10", "23:59"))).toBe(true);
    expect(canRegister(e, paris("2027-01-11", "00:00"))).toBe(false);
  });

  it("says why, in French", () => {
    expect(registrationRefusal(e, paris("2026-09-01"))).toBe(
      "Les inscriptions au congrès 2027 ouvriront le 1er octobre 2026.",
    );
    expect(registrationRefusal(e, paris("2027-01-12"))).toBe(
      "Les inscriptions au congrès 2027 sont closes depuis le 10 janvier 2027 au soir.",
    );
    expect(
      registrationRefusal(edition(2027, { registrationOpensOn: null }), paris("2026-12-01")),
    ).toBe("Les inscriptions au congrès 2027 ne sont pas encore ouvertes.");
    expect(
      registrationRefusal(
        edition(2027, { archivedAt: "2027-02-01T00:00:00Z" }),
        paris("2027-01-01"),
      ),
    ).toBe("L'édition 2027 est archivée : elle se consulte mais ne se modifie plus.");
  });

  it("stays open with no closing date, during and after the congress, until archived", () => {
    const open = edition(2027, { registrationClosesOn: null });
    expect(canRegister(open, paris("2027-01-21"))).toBe(true);
    expect(canRegister(open, paris("2027-06-01"))).toBe(true);
    expect(editionState(open, paris("2027-06-01"))).toBe("finished");
  });
});

describe("currentEdition", () => {
  const e2025 = edition(2025);
  const e2026 = edition(2026);
  const e2027 = edition(2027);
  const all = [e2027, e2025, e2026];

  it("is the next one before any edition", () => {
    expect(currentEdition(all, paris("2024-06-01"))).toBe(e2025);
  });
  it("is the running one during an edition", () => {
    expect(currentEdition(all, paris("2026-01-21"))).toBe(e2026);
    expect(currentEdition(all, paris("2026-01-22", "23:30"))).toBe(e2026);
  });
  it("is the next upcoming one between editions, not the one just over", () => {
    expect(currentEdition(all, paris("2026-01-23", "00:01"))).toBe(e2027);
    expect(currentEdition(all, paris("2026-12-07"))).toBe(e2027);
  });
  it("is the last one over after every edition, archived or not", () => {
    expect(currentEdition(all, paris("2028-03-01"))).toBe(e2027);
    const archived = edition(2027, { archivedAt: "2027-03-01T00:00:00Z" });
    expect(currentEdition([e2026, archived], paris("2028-03-01"))).toBe(archived);
  });
  it("is null without editions", () => {
    expect(currentEdition([], paris("2026-01-01"))).toBeNull();
  });
});

describe("archiving", () => {
  it("is only for an edition that is over, and only once", () => {
    const e = edition(2027);
    expect(archiveRefusal(e, paris("2027-01-22"))).toBe(
      "L'édition 2027 n'est pas terminée : elle ne s'archive qu'après son dernier jour (22 janvier 2027).",
    );
    expect(archiveRefusal(e, paris("2027-01-23"))).toBeNull();
    expect(archiveRefusal({ ...e, archivedAt: "2027-02-01T00:00:00Z" }, paris("2027-03-01"))).toBe(
      "L'édition 2027 est déjà archivée.",
    );
  });
});

describe("edition input", () => {
  const input = {
    number: 27,
    year: 2027,
    theme: "Soigner demain",
    city: "Lyon",
    venue: "Centre de congrès",
    firstDay: "2027-01-21",
    lastDay: "2027-01-22",
  };
  it("fills in the defaults", () => {
    expect(EditionInput.parse(input)).toMatchObject({
      timeZone: "Europe/Paris",
      subtitle: "",
      capacity: null,
      registrationOpensOn: null,
      budgetEuros: 0,
    });
  });
  it("refuses dates that do not hold together, on the field to fix", () => {
    const problems = (value: unknown) =>
      EditionInput.safeParse(value).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(problems({ ...input, lastDay: "2027-01-20" })).toEqual([
      ["lastDay", "Le dernier jour précède le premier."],
    ]);
    expect(
      problems({ ...input, registrationOpensOn: "2026-11-01", registrationClosesOn: "2026-10-01" }),
    ).toEqual([["registrationClosesOn", "La clôture des inscriptions précède leur ouverture."]]);
    expect(problems({ ...input, timeZone: "Mars/Olympus" })).toEqual([
      ["timeZone", "Fuseau horaire inconnu (par exemple Europe/Paris)."],
    ]);
  });
  it("takes any part of an edition as an update", () => {
    expect(
      EditionUpdate.parse({ id: "00000001-0000-4000-8000-00000000001b", city: "Lyon" }),
    ).toEqual({ id: "00000001-0000-4000-8000-00000000001b", city: "Lyon" });
  });
});
