import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { Bar } from "./Bar";

describe("Bar", () => {
  it("draws check-ins, the rest of the registrations and the empty scale with distinct glyphs", () => {
    expect(render(<Bar done={5} total={10} max={20} width={20} />).lastFrame()).toBe(
      `${"█".repeat(5)}${"▒".repeat(5)}${"·".repeat(10)}`,
    );
  });
  it("stays empty when nothing is counted", () => {
    expect(render(<Bar done={0} total={0} max={0} width={4} />).lastFrame()).toBe("····");
  });
});
