import { describe, expect, it } from "vitest";
import { int, OptionalWebAddress, PG_INTEGER_MAX, text } from "./input";
import { Instant, IsoDate } from "./time";

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("text", () => {
  const line = text({ max: 20 });
  const paragraph = text({ max: 200, multiline: true });

  it.each([
    ["NUL", "a\u0000b", "U+0000"],
    ["a bell", "a\u0007b", "U+0007"],
    ["an escape", "\u001b[31m", "U+001B"],
    ["DEL", "a\u007fb", "U+007F"],
    ["a C1 control", "a\u0085b", "U+0085"],
    ["half a surrogate pair", "a\ud83eb", "U+D83E"],
    ["the other half alone", "a\udd7a", "U+DD7A"],
  ])("refuses %s, naming it, on one line or several", (_, value, code) => {
    for (const schema of [line, paragraph])
      expect(messages(schema.safeParse(value))).toEqual([
        `Caractère invisible non autorisé (${code}) : retirez-le.`,
      ]);
  });

  it("keeps line breaks and tabs to texts of several lines", () => {
    expect(paragraph.parse(" Un.\r\n\tDeux.\n ")).toBe("Un.\r\n\tDeux.");
    for (const value of ["Un\nDeux", "Un\tDeux", "Un\rDeux"])
      expect(messages(line.safeParse(value))).toEqual([
        "Ce champ tient sur une seule ligne (ni retour à la ligne, ni tabulation).",
      ]);
  });

  it("takes accents, emoji and non-Latin scripts, trimmed", () => {
    expect(line.parse("  Éloïse 🩺 李 ")).toBe("Éloïse 🩺 李");
  });

  it("counts its maximum after trimming, in French", () => {
    expect(line.parse(`${"a".repeat(20)}   `)).toHaveLength(20);
    expect(messages(line.safeParse("a".repeat(21)))).toEqual(["20 caractères au plus."]);
  });
});

describe("int", () => {
  it("refuses beyond its bounds, in French", () => {
    const capacity = int({ min: 0, max: 10_000 });
    expect(messages(capacity.safeParse(2 ** 31))).toEqual(["La valeur doit être au plus 10000."]);
    expect(messages(capacity.safeParse(-1))).toEqual([
      "La valeur doit être supérieure ou égale à 0.",
    ]);
    expect(capacity.parse(10_000)).toBe(10_000);
  });

  it("cannot be declared beyond what a PostgreSQL integer holds", () => {
    expect(() => int({ min: 0, max: PG_INTEGER_MAX + 1 })).toThrow(/integer range/);
    expect(int({ min: 0, max: PG_INTEGER_MAX }).parse(PG_INTEGER_MAX)).toBe(PG_INTEGER_MAX);
  });
});

describe("OptionalWebAddress", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://filieris.fr",
    "https://",
    "filieris.fr",
  ])("refuses %s", (value) => {
    expect(OptionalWebAddress.safeParse(value).success).toBe(false);
  });

  it.each(["", "https://www.filieris.fr/", "http://mutuelle.example/contact?x=1"])(
    "takes %j",
    (value) => {
      expect(OptionalWebAddress.parse(value)).toBe(value);
    },
  );
});

describe("dates", () => {
  it.each(["0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])(
    "refuses the day %s, out of 2000–2100",
    (day) => {
      expect(messages(IsoDate.safeParse(day))).toEqual(["Date hors des années 2000 à 2100."]);
      expect(messages(Instant.safeParse(`${day}T10:00:00Z`))).toEqual([
        "Date hors des années 2000 à 2100.",
      ]);
    },
  );

  it.each(["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10"])(
    "refuses the impossible day %s",
    (day) => {
      expect(IsoDate.safeParse(day).success).toBe(false);
      expect(Instant.safeParse(`${day}T10:00:00Z`).success).toBe(false);
    },
  );

  it("takes 29 February of a leap year and the range's ends", () => {
    for (const day of ["2028-02-29", "2000-01-01", "2100-12-31"])
      expect(IsoDate.parse(day)).toBe(day);
  });
});
