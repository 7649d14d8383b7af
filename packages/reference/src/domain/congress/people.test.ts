import { PartnerUpdate, SpeakerUpdate, TimeWindow } from "@tribune/domain/congress";
import { describe, expect, it } from "vitest";
import { stableUuid } from "../../fixtures";

describe("SpeakerUpdate and PartnerUpdate", () => {
  const id = stableUuid(5, 1);

  it("renaming a speaker leaves their bio and unavailability alone", () => {
    expect(SpeakerUpdate.parse({ id, name: "Dr Martin" })).toEqual({ id, name: "Dr Martin" });
  });

  it("renaming a partner leaves its website alone", () => {
    expect(PartnerUpdate.parse({ id, name: "Filieris" })).toEqual({ id, name: "Filieris" });
  });
});

describe("TimeWindow", () => {
  it("rejects a window that ends before it starts, on endsAt", () => {
    const result = TimeWindow.safeParse({
      startsAt: "2026-01-22T10:00:00.000Z",
      endsAt: "2026-01-22T09:00:00.000Z",
    });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["endsAt"], "La fin doit être après le début."],
    ]);
  });
});
