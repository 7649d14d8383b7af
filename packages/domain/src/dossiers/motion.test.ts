import { describe, expect, it } from "vitest";
import { motionResult, type VoteChoice } from "./motion";

const votes = (counts: Partial<Record<VoteChoice, number>>) =>
  (Object.entries(counts) as [VoteChoice, number][]).flatMap(([choice, n]) =>
    Array.from({ length: n }, () => ({ choice })),
  );

describe("motionResult", () => {
  it("adopts by simple majority of votes cast, abstentions and absents not counted", () => {
    const result = motionResult(
      { rule: "simple" },
      votes({ for: 8, against: 7, abstention: 6, absent: 2 }),
    );
    expect(result).toMatchObject({ adopted: true, pour: 8, contre: 7, cast: 15, required: 8 });
    expect(result.explanation).toBe(
      "Motion adoptée : 8 voix pour et 7 voix contre sur 15 suffrages exprimés ; la majorité simple des suffrages exprimés demande 8 voix pour ; 6 abstentions et 2 subdivisions absentes ne sont pas comptées.",
    );
  });

  it("rejects a tie", () => {
    const result = motionResult({ rule: "simple" }, votes({ for: 10, against: 10, abstention: 1 }));
    expect(result.adopted).toBe(false);
    expect(result.required).toBe(11);
    expect(result.explanation).toBe(
      "Motion rejetée : 10 voix pour et 10 voix contre sur 20 suffrages exprimés (égalité : la motion n'est pas adoptée) ; la majorité simple des suffrages exprimés demande 11 voix pour ; 1 abstention n'est pas comptée.",
    );
  });

  it("applies a two-thirds majority when the motion states it", () => {
    expect(motionResult({ rule: "two_thirds" }, votes({ for: 12, against: 6 }))).toMatchObject({
      adopted: true,
      required: 12,
    });
    const short = motionResult(
      { rule: "two_thirds" },
      votes({ for: 11, against: 7, abstention: 5 }),
    );
    expect(short).toMatchObject({ adopted: false, cast: 18, required: 12 });
    expect(short.explanation).toContain(
      "majorité des deux tiers des suffrages exprimés demande 12 voix pour",
    );
    // Simple majority would have passed.
    expect(motionResult({ rule: "simple" }, votes({ for: 11, against: 7 })).adopted).toBe(true);
  });

  it("does not adopt a motion without any vote cast", () => {
    const result = motionResult({ rule: "simple" }, votes({ abstention: 3, absent: 1 }));
    expect(result).toMatchObject({ adopted: false, cast: 0 });
    expect(result.explanation).toBe(
      "Motion non adoptée : aucun suffrage exprimé ; 3 abstentions et 1 subdivision absente ne sont pas comptées.",
    );
    expect(motionResult({ rule: "simple" }, []).explanation).toBe(
      "Motion non adoptée : aucun suffrage exprimé.",
    );
  });

  it("counts a unanimous single vote", () => {
    expect(motionResult({ rule: "simple" }, votes({ for: 1, absent: 1 })).explanation).toBe(
      "Motion adoptée : 1 voix pour et 0 voix contre sur 1 suffrage exprimé ; la majorité simple des suffrages exprimés demande 1 voix pour ; 1 subdivision absente n'est pas comptée.",
    );
  });
});
