import { describe, expect, it } from "vitest";
import { promotedNotice } from "./promoted";

describe("promotedNotice", () => {
  it("says nothing when nobody moved, and agrees every word with the count", () => {
    expect(promotedNotice(0)).toBe("");
    expect(promotedNotice(1)).toBe(
      " 1 personne passée de la liste d'attente à une place confirmée.",
    );
    expect(promotedNotice(2)).toBe(
      " 2 personnes passées de la liste d'attente à une place confirmée.",
    );
  });
});
