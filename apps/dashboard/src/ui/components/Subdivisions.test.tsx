import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { sampleCounts } from "../../test-fixtures";
import { tick } from "../test-keys";
import { Subdivisions } from "./Subdivisions";

describe("Subdivisions", () => {
  it("lists registrations, waitlist and check-ins, sorted by registrations, then by name with s", async () => {
    const { lastFrame, stdin } = render(
      <Subdivisions counts={sampleCounts("e")} width={80} height={10} filter="" active />,
    );
    const first = (lastFrame() ?? "").split("\n")[1] ?? "";
    expect(first).toMatch(/^Dijon\s+40\s+\d+\s+12 /);
    expect(lastFrame()).toContain("tri : inscrits (s)");
    // Ink starts reading keys once the first render's effects ran: wait for them.
    await tick();
    // On a loaded machine a key may take a while: wait for each frame, not a fixed delay.
    const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 });
    stdin.write("s");
    await eventually(() => expect(lastFrame()).not.toContain("tri : inscrits (s)"));
    stdin.write("s");
    await eventually(() => expect(lastFrame()).toContain("tri : nom (s)"));
    expect((lastFrame() ?? "").split("\n")[1]).toMatch(/^Amiens/);
    stdin.write("j");
    await eventually(() => expect((lastFrame() ?? "").split("\n")[1]).toMatch(/^Angers/));
    expect(lastFrame()).toContain("2–9 sur 23");
  });
  it("filters by name", () => {
    const frame =
      render(
        <Subdivisions
          counts={sampleCounts("e")}
          width={80}
          height={10}
          filter="mont"
          active={false}
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Clermont-Ferrand");
    expect(frame).not.toContain("Dijon");
  });
});
