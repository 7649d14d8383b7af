import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { Help } from "./Help";

describe("Help", () => {
  it("explains every key and the marks", () => {
    const frame = render(<Help />).lastFrame() ?? "";
    for (const key of ["Tab", "j k", "Entrée", "Échap", "/", "?", "q"])
      expect(frame).toContain(key);
    expect(frame).toContain("! signale une session en conflit");
  });
});
