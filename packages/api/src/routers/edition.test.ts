import { testBackends } from "@tribune/db/testing";
import { ROLES, type Role } from "@tribune/domain/auth";
import { describe, expect, it } from "vitest";
import { type Caller, EDITION_2026, REFERENCE, useSeededApi } from "../test-support";

const BUDGET = REFERENCE.edition.budgetEuros;

/** Every way an edition reaches a client. */
const editionsSeenBy = async (caller: Caller) => [
  ...(await caller.edition.list()),
  await caller.edition.get({ id: EDITION_2026 }),
  await caller.edition.byYear({ year: 2026 }),
  (await caller.schedule.programme({ year: 2026 })).edition,
];

describe.each(testBackends())("editions on %s", (backend) => {
  const api = useSeededApi(backend);

  it("shows an anonymous visitor the edition without its budget", async () => {
    const editions = await editionsSeenBy(await api.anonymous());
    expect(editions).toHaveLength(4);
    for (const edition of editions) {
      expect(edition).toMatchObject({ id: EDITION_2026, year: 2026, city: "Dijon" });
      expect(edition).not.toHaveProperty("budgetEuros");
    }
  });

  const withoutBudget = ROLES.filter((role) => role !== "admin" && role !== "bureau");
  it.each(withoutBudget)("hides the budget from %s too", async (role: Role) => {
    for (const edition of await editionsSeenBy(await api.callerAs(role)))
      expect(edition).not.toHaveProperty("budgetEuros");
  });

  it.each(["admin", "bureau"] as const)(
    "shows the budget to %s, but not in the public programme",
    async (role) => {
      const [listed, byId, byYear, programme] = await editionsSeenBy(await api.callerAs(role));
      for (const edition of [listed, byId, byYear])
        expect(edition).toMatchObject({ budgetEuros: BUDGET });
      expect(programme).not.toHaveProperty("budgetEuros");
    },
  );
});
