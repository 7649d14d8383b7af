import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { Footer } from "./Footer";

describe("Footer", () => {
  it("always lists the keys, within 80 columns", () => {
    const frame =
      render(<Footer extra="←→ jour · ⏎ détails · " filter={null} width={80} />).lastFrame() ?? "";
    for (const key of ["Tab/1-3 ", "↑↓ jk", "/ filtre", "? aide", "q quitter"])
      expect(frame).toContain(key);
    expect(frame.length).toBeLessThanOrEqual(80);
  });
  it("shows the filter being typed", () => {
    const frame = render(<Footer extra="" filter="dij" width={80} />).lastFrame();
    expect(frame).toContain("Filtre : dij");
  });
});
