import { describe, expect, it } from "vitest";
import { type AccountState, decideAccountChange } from "./account-changes";

const ADMIN: AccountState = { id: "a", role: "admin", subdivisionId: null, disabled: false };
const ORGANISER: AccountState = {
  id: "o",
  role: "organiser",
  subdivisionId: null,
  disabled: false,
};
const facts = { actorId: "a", otherActiveAdmins: 1, subdivisionExists: true };
const reasonOf = (decision: ReturnType<typeof decideAccountChange>) =>
  decision.ok ? "ok" : decision.refusal.reason;

describe("decideAccountChange", () => {
  it("lets an administrator disable, enable and change the role of another account", () => {
    expect(reasonOf(decideAccountChange(ORGANISER, { ...ORGANISER, disabled: true }, facts))).toBe(
      "ok",
    );
    expect(reasonOf(decideAccountChange({ ...ORGANISER, disabled: true }, ORGANISER, facts))).toBe(
      "ok",
    );
    expect(reasonOf(decideAccountChange(ORGANISER, { ...ORGANISER, role: "press" }, facts))).toBe(
      "ok",
    );
  });

  it("never lets administrators lock themselves out", () => {
    expect(reasonOf(decideAccountChange(ADMIN, { ...ADMIN, disabled: true }, facts))).toBe(
      "own_account",
    );
    expect(reasonOf(decideAccountChange(ADMIN, { ...ADMIN, role: "bureau" }, facts))).toBe(
      "own_account",
    );
  });

  it("keeps the last active administrator one, even for the command line", () => {
    const other = { ...ADMIN, id: "b" };
    const alone = { actorId: null, otherActiveAdmins: 0, subdivisionExists: true };
    expect(reasonOf(decideAccountChange(other, { ...other, disabled: true }, alone))).toBe(
      "last_admin",
    );
    expect(reasonOf(decideAccountChange(other, { ...other, role: "organiser" }, alone))).toBe(
      "last_admin",
    );
    // A disabled administrator coming back changes nothing to that count.
    expect(reasonOf(decideAccountChange({ ...other, disabled: true }, other, alone))).toBe("ok");
  });

  it("ties a representative, and only a representative, to an existing subdivision", () => {
    const representative = { ...ORGANISER, role: "representative" as const };
    expect(reasonOf(decideAccountChange(ORGANISER, representative, facts))).toBe(
      "representative_without_subdivision",
    );
    expect(
      reasonOf(
        decideAccountChange(
          ORGANISER,
          { ...representative, subdivisionId: "s" },
          {
            ...facts,
            subdivisionExists: false,
          },
        ),
      ),
    ).toBe("representative_without_subdivision");
    expect(
      reasonOf(decideAccountChange(ORGANISER, { ...representative, subdivisionId: "s" }, facts)),
    ).toBe("ok");
    expect(
      reasonOf(decideAccountChange(ORGANISER, { ...ORGANISER, subdivisionId: "s" }, facts)),
    ).toBe("subdivision_for_representatives_only");
  });

  it("refuses a change that changes nothing", () => {
    expect(reasonOf(decideAccountChange(ORGANISER, ORGANISER, facts))).toBe("account_unchanged");
  });
});
