import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
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
    stdin.write("s");
    await tick();
    stdin.write("s");
    await tick();
    expect(lastFrame()).toContain("tri : nom (s)");
    expect((lastFrame() ?? "").split("\n")[1]).toMatch(/^Amiens/);
    stdin.write("j");
    await tick();
    expect((lastFrame() ?? "").split("\n")[1]).toMatch(/^Angers/);
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
